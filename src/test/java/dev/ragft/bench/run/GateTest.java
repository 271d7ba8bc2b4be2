package dev.ragft.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.metrics.MetricId;
import org.junit.jupiter.api.Test;

class GateTest {
  @Test
  void parsesApproachSliceMetricAndValue() {
    Gate g = Gate.parse("rag.qa.f1=0.6");
    assertThat(g.approach()).isEqualTo(ApproachId.RAG);
    assertThat(g.slice()).isEqualTo("qa");
    assertThat(g.metric()).isEqualTo(MetricId.F1);
    assertThat(g.threshold()).isEqualTo(0.6);
    assertThat(Gate.parse("fine-tune.accuracy=0.9").slice()).as("no slice: all").isEqualTo("all");
    assertThat(Gate.parse("hybrid.changed-after-training.recall@k=0.5").slice()).isEqualTo("changed-after-training");
  }

  @Test
  void rejectsWhatItCannotCheckNamingTheValidValues() {
    assertThatThrownBy(() -> Gate.parse("rag.qa.f1")).hasMessageContaining("expected APPROACH.SLICE.METRIC=VALUE");
    assertThatThrownBy(() -> Gate.parse("lora.qa.f1=0.5"))
        .hasMessage("'lora.qa.f1=0.5': unknown approach 'lora'; expected one of rag, fine-tune, hybrid");
    assertThatThrownBy(() -> Gate.parse("rag.qa.latency-p95-ms=0.5")).hasMessage("'rag.qa.latency-p95-ms=0.5': unknown"
        + " metric 'latency-p95-ms'; expected one of score, em, f1, accuracy, macro-f1, recall@k, mrr@10, ndcg@10, citation");
    assertThatThrownBy(() -> Gate.parse("rag.qa.f1=high")).hasMessage("'rag.qa.f1=high': 'high' is not a number; expected 0 to 1");
    assertThatThrownBy(() -> Gate.parse("rag.qa.f1=60")).hasMessage("'rag.qa.f1=60': 60 is out of range; expected 0 to 1");
  }

  @Test
  void passesAtOrAboveTheValueAtTheReportedPrecision() {
    BenchSummary s = SummarizerTest.summary();
    assertThat(Gate.parse("rag.accuracy=0.5").check(s).passed()).isTrue();
    assertThat(Gate.parse("rag.accuracy=0.50001").check(s).passed()).as("equal at four decimals").isTrue();
    Gate.Result failed = Gate.parse("rag.accuracy=0.6").check(s);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.gate().describe(failed)).isEqualTo("rag.accuracy = 0.5000 < 0.6000");
  }

  @Test
  void aSliceTheDatasetDoesNotHaveIsAnError() {
    BenchSummary s = SummarizerTest.summary();
    assertThatThrownBy(() -> Gate.parse("rag.nope.f1=0.5").check(s))
        .hasMessage("'rag.nope.f1=0.5': no slice 'nope' in this dataset; expected one of all, qa, classification, fresh");
  }

  @Test
  void aMetricOrApproachTheRunDidNotMeasureFailsUnlessAllowed() {
    BenchSummary s = SummarizerTest.summary();
    Gate.Result metric = Gate.parse("rag.qa.accuracy=0.5").check(s);
    assertThat(metric.passed()).isFalse();
    assertThat(metric.valueText()).isEqualTo("unmeasured");
    assertThat(metric.gate().describe(metric)).isEqualTo("rag.qa.accuracy cannot be checked: accuracy is not measured"
        + " for rag on slice qa; measured: score, em, f1, recall@k, mrr@10, ndcg@10, citation; --allow-unmeasured lets"
        + " it pass");
    Gate.Result approach = Gate.parse("hybrid.f1=0.5").check(s);
    assertThat(approach.passed()).isFalse();
    assertThat(approach.unmeasured()).contains("approach hybrid did not run (see --approach)");
    Gate.Result allowed = Gate.parse("hybrid.f1=0.5").check(s, true);
    assertThat(allowed.passed()).isTrue();
    assertThat(allowed.gate().describe(allowed)).isEqualTo("hybrid.f1 cannot be checked: approach hybrid did not run"
        + " (see --approach) (let pass: --allow-unmeasured)");
  }
}
