package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.advice.BenchEvidence;
import dev.ragft.cli.Cli;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchEvidenceTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final CostModel MODEL = new CostModel(PriceLoader.load(Optional.empty(), Path.of(""), F).orElseThrow());
  private static final Answers VOICE = CostModelTest.answers("daily", "mixed", 20000, "realtime", 60000);

  @Test
  void anOfflineRunMeasuresTheRetrievalStepOnly() {
    Measurements m = BenchEvidence.read(Path.of("src/test/resources/evidence/offline-summary.json"), "s.json");
    assertThat(m.retrievalMeasured()).isTrue();
    assertThat(m.retrievalLatencyMs()).isEqualTo(13); // 12.2 ms, rounded up
    assertThat(m.approaches()).isEmpty(); // a fine-tune proxy's 0.1 ms says nothing about a fine-tuned LLM
    CostEstimate e = MODEL.estimate(VOICE, new CostModel.Terms("rag", 1000, java.util.OptionalLong.empty(), Optional.empty(), m));
    assertThat(e.of("rag").latencyMs()).isEqualTo(13 + 150 + 350);
    assertThat(e.of("fine-tune").latencyMs()).isEqualTo(300);
    assertThat(e.basis()).isEqualTo("estimates from prices-2026; retrieval latency measured by bench on tiny-support (p50 12.200 ms)");
  }

  @Test
  void aRunAgainstARealModelReplacesThatApproachsTokensAndLatency() {
    Measurements m = BenchEvidence.read(Path.of("src/test/resources/evidence/online-summary.json"), "s.json");
    assertThat(m.approaches()).containsOnlyKeys("fine-tune");
    CostEstimate e = MODEL.estimate(VOICE, new CostModel.Terms("rag", 1000, java.util.OptionalLong.empty(), Optional.empty(), m));
    assertThat(e.of("fine-tune").latencyMs()).isEqualTo(420);
    assertThat(e.of("fine-tune").perRequest()).isEqualByComparingTo(new java.math.BigDecimal("0.00036")); // 800 x 0.30/M + 100 x 1.20/M
    assertThat(e.of("rag").latencyMs()).isEqualTo(20 + 150 + 350); // the 'all' slice, not 'qa'
  }

  @Test
  void aFileThatIsNotABenchSummaryIsBadInput(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("other.json");
    Files.writeString(f, "{\"schema\": \"something-else/2\", \"slices\": []}");
    assertThatThrownBy(() -> BenchEvidence.read(f, "other.json")).isInstanceOf(BadInputException.class)
        .hasMessage("other.json:1:12: not a bench summary this ragft reads: schema 'something-else/2'; expected ragft-bench-summary/2");
  }

  @Test
  void recommendSaysTheFiguresWereMeasured() {
    Cli r = Cli.run("recommend", "examples/usecases/voice-agent-order-status.yaml", "--evidence",
        "src/test/resources/evidence/offline-summary.json");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("Estimates from prices-2026 (2026-11-01, USD); retrieval latency measured by bench on tiny-support");
    Cli missing = Cli.run("recommend", "examples/usecases/voice-agent-order-status.yaml", "--evidence", "nope.json");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("ragft: nope.json: file not found\n");
  }

  @Test
  void aRealRagSystemsLatencyIsNotTakenForRetrievalAlone(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("team.json");
    Files.writeString(f, """
        {"schema": "ragft-bench-summary/2", "dataset": {"name": "support"},
         "approaches": [{"id": "rag", "offlineProxy": false, "model": {"id": "team-rag", "endpoint": "https://rag.example"}}],
         "slices": [{"slice": "all", "kind": "all", "cases": 3, "metrics": {"rag": {"score": 0.5, "latency-p50-ms": 900.0}},
           "winner": {"approaches": ["rag"], "metric": "score", "margin": 0.1, "margin95": [0.02, 0.2]}}]}
        """);
    Measurements m = BenchEvidence.read(f, "team.json");
    assertThat(m.retrievalMeasured()).as("900 ms is the team's whole answer, not its retrieval step").isFalse();
    assertThat(m.wins()).singleElement().satisfies(w -> assertThat(w.significant()).isTrue());
  }
}
