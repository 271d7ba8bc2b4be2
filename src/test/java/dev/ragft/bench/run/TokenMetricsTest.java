package dev.ragft.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.input.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens an endpoint counted become per-case means in every slice; offline approaches get none. */
class TokenMetricsTest {
  @Test
  void meansOverTheCasesThatCalledAModel() {
    Map<String, CaseResult> r = new LinkedHashMap<>();
    r.put(ResultLog.key(ApproachId.RAG, "q1"), new CaseResult(ApproachId.RAG, "q1", "12 dollars", "d1", List.of("d1"),
        true, 10, 1000, 20, ""));
    r.put(ResultLog.key(ApproachId.RAG, "q2"), new CaseResult(ApproachId.RAG, "q2", "99.9%", "d2", List.of("d2"), true,
        10, 600, 10, ""));
    r.put(ResultLog.key(ApproachId.RAG, "c1"), new CaseResult(ApproachId.RAG, "c1", "", "", List.of(), false, 10, 200,
        3, BenchService.UNPARSEABLE + ": 'no idea'"));
    r.put(ResultLog.key(ApproachId.RAG, "c2"), new CaseResult(ApproachId.RAG, "c2", "bug", "", List.of(), false, 10));
    r.put(ResultLog.key(ApproachId.HYBRID, "q1"), new CaseResult(ApproachId.HYBRID, "q1", "x", "", List.of(), false, 10));
    BenchSummary s = Summarizer.summarize(SummarizerTest.DATASET, Fixtures.untimed(List.of(ApproachId.RAG,
        ApproachId.HYBRID)), r, 0, List.of());
    Slice all = s.slice("all").orElseThrow();
    assertThat(all.value(ApproachId.RAG, MetricId.INPUT_TOKENS)).hasValue(600.0);
    assertThat(all.value(ApproachId.RAG, MetricId.OUTPUT_TOKENS)).hasValue(11.0);
    assertThat(s.slice("qa").orElseThrow().value(ApproachId.RAG, MetricId.INPUT_TOKENS)).hasValue(800.0);
    assertThat(all.value(ApproachId.HYBRID, MetricId.INPUT_TOKENS)).isEmpty();
    assertThat(s.models()).isEmpty();
  }

  @Test
  void tokensAreNotAGateMetric() {
    assertThat(Gate.gateMetrics()).doesNotContain("tokens").doesNotContain("latency");
  }

  @Test
  void theLogKeepsTokensAndNotesAndReadsOldLinesWithout() throws Exception {
    CaseResult online = new CaseResult(ApproachId.FINE_TUNE, "c1", "", "", List.of(), false, 5, 40, 2,
        BenchService.UNPARSEABLE + ": 'x'");
    EvalCase c1 = new EvalCase("c1", Task.CLASSIFICATION, "refund?", List.of("billing"), List.of(), List.of(),
        Location.ofFile("eval.jsonl"));
    assertThat(ResultLog.line(c1, online)).isEqualTo("{\"approach\":\"fine-tune\",\"id\":\"c1\",\"task\":"
        + "\"classification\",\"tags\":[],\"input\":\"refund?\",\"expected\":[\"billing\"],\"relevant\":[],"
        + "\"answer\":\"\",\"citation\":"
        + "\"\",\"retrieved\":[],\"grounded\":false,\"latencyMicros\":5,\"inputTokens\":40,\"outputTokens\":2,\"note\":"
        + "\"unparseable label reply: 'x'\"}\n");
    CaseResult offline = new CaseResult(ApproachId.RAG, "q1", "a", "d", List.of("d"), true, 5);
    assertThat(ResultLog.line(c1, offline)).doesNotContain("Tokens").doesNotContain("note");
  }
}
