package dev.ragft.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.embedding.CountingEmbedder;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.input.Location;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerQualityTest {
  static final Location AT = Location.ofFile("eval.jsonl");
  static final EvalCase QUESTION = new EvalCase("q", Task.QA, "price?", List.of("$12 per user per month"), List.of(),
      List.of(), AT);

  static CaseResult grounded(String answer, List<String> context) {
    return new CaseResult(ApproachId.RAG, "q", answer, "d", List.of("d"), true, -1, -1, -1, "", java.util.Map.of(),
        context);
  }

  @Test
  void tokenContextRecallNeedsNoModelAndOnlyGroundedAnswersHaveIt() {
    AnswerQuality q = new AnswerQuality(Optional.empty());
    CaseResult r = q.measure(QUESTION, grounded("$12", List.of("The Pro plan costs $12 per user per month.")));
    assertThat(r.measures()).containsOnlyKeys(MetricId.CONTEXT_RECALL);
    assertThat(r.measures().get(MetricId.CONTEXT_RECALL)).isEqualTo(1.0);
    assertThat(r.context()).as("the context is not kept once measured").isEmpty();
    CaseResult ungrounded = new CaseResult(ApproachId.FINE_TUNE, "q", "$10", "", List.of(), false, -1);
    assertThat(q.measure(QUESTION, ungrounded).measures()).isEmpty();
    EvalCase label = new EvalCase("c", Task.CLASSIFICATION, "refund", List.of("billing"), List.of(), List.of(), AT);
    assertThat(q.measure(label, ungrounded)).isSameAs(ungrounded);
  }

  @Test
  void withAModelSimilarityIsTheCosineOfAnswerAndGoldAndEmptyIsZero() {
    CountingEmbedder model = new CountingEmbedder("test", 8);
    AnswerQuality q = new AnswerQuality(Optional.of(() -> model));
    CaseResult same = q.measure(QUESTION, grounded("$12 per user per month", List.of("$12 per user per month")));
    // the same text embeds to the same unit vector: cosine 1
    assertThat(same.measures().get(MetricId.SIMILARITY)).isCloseTo(1.0, within(1e-6));
    assertThat(same.measures().get(MetricId.CONTEXT_RECALL_EMBEDDING)).isCloseTo(1.0, within(1e-6));
    CaseResult none = q.measure(QUESTION, grounded("", List.of("nothing related")));
    assertThat(none.measures().get(MetricId.SIMILARITY)).as("no answer: measured, and 0").isZero();
    assertThat(none.measures().get(MetricId.CONTEXT_RECALL_EMBEDDING)).isBetween(0.0, 1.0);
    CaseResult ungrounded = q.measure(QUESTION, new CaseResult(ApproachId.FINE_TUNE, "q", "$12 a month", "", List.of(),
        false, -1));
    assertThat(ungrounded.measures()).containsOnlyKeys(MetricId.SIMILARITY);
  }
}
