package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report compare} on two summaries that differ in known ways (src/test/resources/compare):
 * rag.qa.f1 drops 0.0309, rag's p50 latency rises 0.7 ms, hybrid.qa.f1 rises, fine-tune.all.em
 * drops 0.01, fine-tune's classification macro-F1 is missing from the current run, and one
 * citation moves by less than the printed precision.
 */
class ReportCompareTest {
  static final String BASE = "src/test/resources/compare/baseline.json";
  static final String CURRENT = "src/test/resources/compare/current.json";
  @TempDir Path tmp;

  @Test
  void aSummaryOfTheEarlierScoreIsRefusedWithWhyAndWhatToDo() throws Exception {
    String old = java.nio.file.Files.readString(Path.of(BASE)).replace("ragft-bench-summary/2", "ragft-bench-summary/1");
    java.nio.file.Files.writeString(tmp.resolve("old.json"), old);
    Cli r = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", "old.json", Path.of(CURRENT).toAbsolutePath().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("ragft: old.json:1:1: a bench summary of an earlier ragft (schema ragft-bench-summary/1),"
        + " whose question score was plain token F1").contains("rerun ragft bench");
  }

  @Test
  void withoutThresholdsEveryMoveIsListedAndTheExitIsZero() {
    Cli r = Cli.run("report", "compare", BASE, CURRENT);
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("rag.qa.f1", "-0.0309", "-8.3%", "hybrid.qa.f1", "+0.0400", "improved",
        "fine-tune.all.em", "worse").doesNotContain("REGRESSION", "rag.long-tail.citation");
    assertThat(r.out()).contains("85 metrics: 2 improved, 3 worse, 79 unchanged, 1 unmeasured");
  }

  @Test
  void aDropWithinItsThresholdIsWorseButNoRegression() {
    Cli r = Cli.run("report", "compare", BASE, CURRENT, "--fail-on-regression", "rag.qa.f1=0.05");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).containsPattern("rag\\.qa\\.f1 .* worse\n");
  }

  @Test
  void aLatencyRiseIsARegressionForALowerIsBetterMetric() {
    Cli r = Cli.run("report", "compare", BASE, CURRENT, "--fail-on-regression", "rag.latency-p50-ms=0.5",
        "--fail-on-regression", "hybrid.latency-p50-ms=0.1");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ragft: regression: rag.all.latency-p50-ms 1.2000 -> 1.9000 (rag.latency-p50-ms=0.5)\n");
    assertThat(r.out()).containsPattern("hybrid\\.all\\.latency-p50-ms .* improved\n");
  }

  @Test
  void anUnmeasuredMetricIsNeitherZeroNorARegressionButItsThresholdCannotPass() {
    Cli r = Cli.run("report", "compare", BASE, CURRENT, "--fail-on-regression", "fine-tune.classification.macro-f1=0",
        "--format", "json");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.out()).contains("\"metric\": \"macro-f1\"", "\"current\": null", "\"status\": \"unmeasured\"",
        "\"unmeasurable\": [\n    \"fine-tune.classification.macro-f1=0\"\n  ]");
    assertThat(r.err()).isEqualTo("ragft: cannot check fine-tune.classification.macro-f1=0:"
        + " fine-tune.classification.macro-f1 is unmeasured in the current run; --allow-unmeasured lets it pass\n");
  }

  @Test
  void allowUnmeasuredLetsSuchAThresholdPassWithAWarning() {
    Cli r = Cli.run("report", "compare", BASE, CURRENT, "--fail-on-regression", "fine-tune.classification.macro-f1=0",
        "--allow-unmeasured");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.err()).isEqualTo("ragft: warning: cannot check fine-tune.classification.macro-f1=0:"
        + " fine-tune.classification.macro-f1 is unmeasured in the current run; let pass (--allow-unmeasured)\n");
    assertThat(r.out()).contains("1 threshold could not be checked (unmeasured)");
  }

  @Test
  void aThresholdOnAnApproachTheCurrentRunLacksFails() throws IOException {
    String noHybrid = Files.readString(Path.of(CURRENT)).replace("\"hybrid\"", "\"hybrid-gone\"");
    Files.writeString(tmp.resolve("current.json"), noHybrid, StandardCharsets.UTF_8);
    Cli r = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", Path.of(BASE).toAbsolutePath().toString(),
        "current.json", "--fail-on-regression", "hybrid.score=0.01", "--format", "json");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).contains("cannot check hybrid.score=0.01: hybrid.all.score is unmeasured in the current run");
  }

  @Test
  void theWarningsAboutOtherDatasetsSettingsOrApproachesAreInEveryForm() throws IOException {
    String other = Files.readString(Path.of(CURRENT)).replace("\"topK\": 5", "\"topK\": 10")
        .replace("\"name\": \"tiny\"", "\"name\": \"other\"").replace("\"id\": \"hybrid\"", "\"id\": \"hybrid-x\"");
    Files.writeString(tmp.resolve("other.json"), other, StandardCharsets.UTF_8);
    String base = Path.of(BASE).toAbsolutePath().toString();
    Cli json = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", base, "other.json", "--format", "json");
    assertThat(json.exit()).as(json.describe()).isZero();
    assertThat(json.out()).contains("\"warnings\": [\n"
        + "    \"different datasets (tiny, other); the numbers may not be comparable\",\n"
        + "    \"different settings (topK 5 -> 10); the numbers may not be comparable\",\n"
        + "    \"only the baseline ran hybrid\",\n"
        + "    \"only the current run ran hybrid-x\"\n  ]");
    assertThat(json.err()).contains("ragft: warning: different settings (topK 5 -> 10)");
    Cli md = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", base, "other.json", "--format", "markdown");
    assertThat(md.out()).contains("Warning: different settings (topK 5 -> 10)", "Warning: only the baseline ran hybrid");
    Cli text = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", base, "other.json");
    assertThat(text.out()).contains("Warning: different settings (topK 5 -> 10); the numbers may not be comparable.\n");
    assertThat(text.err()).isEmpty();
  }

  @Test
  void theSameSummaryTwiceMovesNothing() {
    Cli r = Cli.run("report", "compare", BASE, BASE, "--fail-on-regression", "rag.qa.f1=0");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("No metric moved.", "85 unchanged, 0 unmeasured; no regression beyond the thresholds");
  }

  @Test
  void aThresholdOnAMetricNeitherRunHasIsBadUsage() {
    Cli r = Cli.run("report", "compare", BASE, CURRENT, "--fail-on-regression", "rag.nope.f1=0.1");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).contains("rag.nope.f1 is in neither summary");
    Cli bad = Cli.run("report", "compare", BASE, CURRENT, "--fail-on-regression", "rag.qa.f2=0.1");
    assertThat(bad.exit()).as(bad.describe()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown metric 'f2'; expected one of score, em, f1");
  }

  @Test
  void aFileThatIsNotABenchSummaryIsBadInputNamingTheFile() throws Exception {
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"schema\": \"something-else\"}\n", StandardCharsets.UTF_8);
    Cli r = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", "other.json", "missing.json");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).contains("missing.json").contains("no such file").doesNotContain(tmp.toString());
    Files.writeString(tmp.resolve("b.json"), "{}", StandardCharsets.UTF_8);
    Cli s = Cli.run(tmp, java.util.Map.of(), "", "report", "compare", "other.json", "b.json");
    assertThat(s.exit()).as(s.describe()).isEqualTo(2);
    assertThat(s.err()).startsWith("ragft: other.json:1:1: not a bench summary");
  }
}
