package dev.ragft.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetInfo;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.input.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregation over hand-made results, checked against values worked out by hand. */
class SummarizerTest {
  static final Location AT = Location.ofFile("eval.jsonl");
  static final List<EvalCase> EVAL = List.of(
      new EvalCase("q1", Task.QA, "price?", List.of("12 dollars"), List.of("d1"), List.of("fresh"), AT),
      new EvalCase("q2", Task.QA, "uptime?", List.of("99.9%"), List.of("d2", "d3"), List.of(), AT),
      new EvalCase("c1", Task.CLASSIFICATION, "refund", List.of("billing"), List.of(), List.of("fresh"), AT),
      new EvalCase("c2", Task.CLASSIFICATION, "crash", List.of("bug"), List.of(), List.of(), AT));
  static final Dataset DATASET = new Dataset("d", new DatasetInfo("d", "", "", "", true, Task.all(), ""), List.of(),
      List.of(new TrainExample("t", Task.CLASSIFICATION, "x", "billing", AT)), EVAL, "hash", "corpus");

  static Map<String, CaseResult> results() {
    Map<String, CaseResult> r = new LinkedHashMap<>();
    put(r, new CaseResult(ApproachId.RAG, "q1", "12 dollars", "d1", List.of("d1", "d9"), true, 4000));
    put(r, new CaseResult(ApproachId.RAG, "q2", "uptime is 99.9%", "d9", List.of("d9", "d3"), true, 1000));
    put(r, new CaseResult(ApproachId.RAG, "c1", "billing", "", List.of(), false, 2000));
    put(r, new CaseResult(ApproachId.RAG, "c2", "billing", "", List.of(), false, 3000));
    put(r, new CaseResult(ApproachId.FINE_TUNE, "q1", "10 dollars", "", List.of(), false, 100));
    put(r, new CaseResult(ApproachId.FINE_TUNE, "q2", "99.9%", "", List.of(), false, 100));
    put(r, new CaseResult(ApproachId.FINE_TUNE, "c1", "billing", "", List.of(), false, 100));
    put(r, new CaseResult(ApproachId.FINE_TUNE, "c2", "bug", "", List.of(), false, 100));
    return r;
  }

  static void put(Map<String, CaseResult> m, CaseResult r) {
    m.put(ResultLog.key(r.approach(), r.caseId()), r);
  }

  static BenchSummary summary() {
    BenchSettings s = BenchSettings.of(List.of(ApproachId.RAG, ApproachId.FINE_TUNE), 1, 42, true);
    return Summarizer.summarize(DATASET, s, results(), 0, List.of());
  }

  @Test
  void averagesEachMetricOverTheCasesItAppliesTo() {
    Slice all = summary().slice("all").orElseThrow();
    // rag qa F1: q1 = 1; q2: "uptime is 99.9%" -> uptime, is, 999 against 999: P 1/3, R 1, F1 = 1/2
    assertThat(all.value(ApproachId.RAG, MetricId.F1).orElseThrow()).isCloseTo((1 + 0.5) / 2, within(1e-12));
    assertThat(all.value(ApproachId.RAG, MetricId.EM).orElseThrow()).isEqualTo(0.5);
    // Recall@1: q1 1, q2 0 (d9 first) -> 0.5; MRR@10: q1 1, q2 1/2 -> 0.75
    assertThat(all.value(ApproachId.RAG, MetricId.RECALL).orElseThrow()).isEqualTo(0.5);
    assertThat(all.value(ApproachId.RAG, MetricId.MRR).orElseThrow()).isEqualTo(0.75);
    // nDCG@10 q2: DCG 1/log2(3); ideal 1 + 1/log2(3)
    double q2 = (1 / log2(3)) / (1 + 1 / log2(3));
    assertThat(all.value(ApproachId.RAG, MetricId.NDCG).orElseThrow()).isCloseTo((1 + q2) / 2, within(1e-12));
    assertThat(all.value(ApproachId.RAG, MetricId.CITATION).orElseThrow()).isEqualTo(0.5);
    assertThat(all.value(ApproachId.RAG, MetricId.ACCURACY).orElseThrow()).isEqualTo(0.5);
    // macro-F1 rag: billing tp 1 fp 1 -> 2/3; bug tp 0 -> 0
    assertThat(all.value(ApproachId.RAG, MetricId.MACRO_F1).orElseThrow()).isCloseTo(1.0 / 3, within(1e-12));
    // score: mean of F1 with every figure present (q1 1, q2 1/2: 999 is in the answer) and correctness (1, 0)
    assertThat(all.value(ApproachId.RAG, MetricId.SCORE).orElseThrow()).isCloseTo((1 + 0.5 + 1 + 0) / 4, within(1e-12));
  }

  @Test
  void latencyPercentilesAreInMilliseconds() {
    Slice all = summary().slice("all").orElseThrow();
    assertThat(all.value(ApproachId.RAG, MetricId.LATENCY_P50).orElseThrow()).isEqualTo(2.0);
    assertThat(all.value(ApproachId.RAG, MetricId.LATENCY_P95).orElseThrow()).isEqualTo(4.0);
    assertThat(all.value(ApproachId.FINE_TUNE, MetricId.LATENCY_P95).orElseThrow()).isEqualTo(0.1);
  }

  @Test
  void slicesAreAllThenTasksThenTags() {
    BenchSummary s = summary();
    assertThat(s.slices()).extracting(Slice::name).containsExactly("all", "qa", "classification", "fresh");
    assertThat(s.slice("fresh").orElseThrow().cases()).isEqualTo(2);
    assertThat(s.slice("qa").orElseThrow().value(ApproachId.RAG, MetricId.ACCURACY)).isEmpty();
    assertThat(s.unseenLabelCases()).as("'bug' is not in train").isEqualTo(1);
  }

  @Test
  void withoutTheBootstrapTheWinnerLeadsOnScoreByTheMarginUntested() {
    BenchSettings s = BenchSettings.of(List.of(ApproachId.RAG, ApproachId.FINE_TUNE), 1, 42, true).withBootstrap(0);
    Slice all = Summarizer.summarize(DATASET, s, results(), 0, List.of()).slice("all").orElseThrow();
    // fine-tune score: q1 0 ("10 dollars" has token F1 1/2 against "12 dollars", but the figure 12 is missing),
    // q2 1, c1 1, c2 1 -> 0.75
    Slice.Winner w = all.winner().orElseThrow();
    assertThat(w.leaders()).containsExactly(ApproachId.FINE_TUNE);
    assertThat(w.margin()).isCloseTo(0.75 - 0.625, within(1e-12));
    assertThat(w.tested()).isFalse();
    assertThat(all.intervals()).isEmpty();
    assertThat(all.best(MetricId.LATENCY_P50)).containsExactly(ApproachId.FINE_TUNE);
  }

  @Test
  void onFourCasesTheLeadIsWithinNoise() {
    Slice all = summary().slice("all").orElseThrow();
    // Per case, fine-tune minus rag: q1 0 - 1, q2 1 - 1/2, c1 0, c2 1 - 0: a resample of q1 alone gives -1, of c2
    // alone +1, so the interval of the difference spans zero.
    Slice.Winner w = all.winner().orElseThrow();
    assertThat(w.leaders()).containsExactly(ApproachId.FINE_TUNE, ApproachId.RAG);
    assertThat(w.tested()).isTrue();
    assertThat(w.margin95().orElseThrow().low()).isNegative();
    assertThat(w.margin95().orElseThrow().high()).isPositive();
    assertThat(all.interval(ApproachId.RAG, MetricId.SCORE).orElseThrow().low()).isLessThanOrEqualTo(0.625);
    assertThat(all.interval(ApproachId.RAG, MetricId.LATENCY_P50)).as("no interval for latency").isEmpty();
    // on qa rag leads (0.75 against 0.5): the difference is rag minus fine-tune
    assertThat(summary().slice("qa").orElseThrow().differences()).containsOnlyKeys(ApproachId.FINE_TUNE);
  }

  /** 40 labelled cases; fine-tune right on the first {@code ft}, rag on the first {@code rag}. */
  static Slice labels(int ft, int rag) {
    List<EvalCase> eval = new java.util.ArrayList<>();
    Map<String, CaseResult> r = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      String id = "c" + i;
      eval.add(new EvalCase(id, Task.CLASSIFICATION, "text " + i, List.of("a"), List.of(), List.of(), AT));
      put(r, new CaseResult(ApproachId.FINE_TUNE, id, i < ft ? "a" : "b", "", List.of(), false, -1));
      put(r, new CaseResult(ApproachId.RAG, id, i < rag ? "a" : "b", "", List.of(), false, -1));
    }
    Dataset d = new Dataset("d", new DatasetInfo("d", "", "", "", true, Task.all(), ""), List.of(),
        List.of(new TrainExample("t", Task.CLASSIFICATION, "x", "a", AT)), eval, "hash", "corpus");
    BenchSettings s = BenchSettings.of(List.of(ApproachId.RAG, ApproachId.FINE_TUNE), 1, 42, false);
    return Summarizer.summarize(d, s, r, 0, List.of()).slice("all").orElseThrow();
  }

  @Test
  void aLeadBeyondNoiseWins() {
    // 36 of 40 against 20 of 40: every case rag gets right fine-tune gets right too, so the paired difference
    // is 16 cases of 40 that only fine-tune gets right; no resample brings it near 0
    Slice.Winner w = labels(36, 20).winner().orElseThrow();
    assertThat(w.leaders()).containsExactly(ApproachId.FINE_TUNE);
    assertThat(w.tie()).isFalse();
    assertThat(w.margin()).isCloseTo(0.4, within(1e-12));
    assertThat(w.margin95().orElseThrow().low()).isGreaterThan(0.2);
    assertThat(w.margin95().orElseThrow().high()).isLessThan(0.6);
  }

  @Test
  void aLeadOfOneCaseInFortyIsATieWithinNoise() {
    Slice.Winner w = labels(21, 20).winner().orElseThrow();
    assertThat(w.leaders()).containsExactly(ApproachId.FINE_TUNE, ApproachId.RAG);
    assertThat(w.tie()).isTrue();
    assertThat(w.margin()).isCloseTo(0.025, within(1e-12));
    // the one case fine-tune alone gets right is drawn 0 or more times: the difference is never negative, and is 0
    // in about (39/40)^40 = 36% of the resamples, so the interval starts at 0 and does not exclude it
    assertThat(w.margin95().orElseThrow().low()).isZero();
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
