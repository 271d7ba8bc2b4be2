package dev.ragft.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.input.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** All three approaches on the tiny fixture: what each answers, and the metrics that follow. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApproachesTest {
  BenchService.Outcome outcome;

  @BeforeAll
  void run(@TempDir Path tmp) {
    outcome = Fixtures.run(Fixtures.dataset("tiny"), Fixtures.untimed(Fixtures.ALL), tmp.resolve("cases.jsonl"), false,
        Progress.NONE);
  }

  CaseResult result(ApproachId a, String caseId) {
    return outcome.results().get(ResultLog.key(a, caseId));
  }

  double metric(String slice, ApproachId a, MetricId m) {
    return outcome.summary().slice(slice).orElseThrow().value(a, m).orElseThrow();
  }

  @Nested
  class Rag {
    @Test
    void answersFromTheCorpusAsItIsNowAndCitesTheDocument() {
      CaseResult q1 = result(ApproachId.RAG, "q1");
      assertThat(q1.answer()).isEqualTo("costs $12 per user per month");
      assertThat(q1.citation()).isEqualTo("pricing");
      assertThat(q1.retrieved()).startsWith("pricing");
      assertThat(q1.grounded()).isTrue();
    }

    @Test
    void labelsByAVoteOfSimilarTrainExamples() {
      assertThat(result(ApproachId.RAG, "c1").answer()).isEqualTo("billing");
      assertThat(result(ApproachId.RAG, "c4").answer()).as("'how' outvotes 'refund'").isEqualTo("how-to");
      assertThat(metric("classification", ApproachId.RAG, MetricId.ACCURACY)).isEqualTo(0.75);
    }
  }

  @Nested
  class FineTuneProxy {
    @Test
    void answersWhatTrainingTaughtEvenWhenTheFactChangedSince() {
      CaseResult q1 = result(ApproachId.FINE_TUNE, "q1");
      assertThat(q1.answer()).isEqualTo("$10 per user per month");
      assertThat(q1.citation()).isEmpty();
      assertThat(q1.grounded()).isFalse();
    }

    @Test
    void hasNoRetrievalMetrics() {
      assertThat(outcome.summary().slice("qa").orElseThrow().value(ApproachId.FINE_TUNE, MetricId.RECALL)).isEmpty();
    }

    @Test
    void labelsEveryTicketOfTheFixtureRight() {
      assertThat(metric("classification", ApproachId.FINE_TUNE, MetricId.ACCURACY)).isEqualTo(1.0);
      assertThat(metric("classification", ApproachId.FINE_TUNE, MetricId.MACRO_F1)).isEqualTo(1.0);
    }
  }

  @Nested
  class Hybrid {
    @Test
    void labelsWithTheTrainedClassifier() {
      for (String c : List.of("c1", "c2", "c3", "c4")) {
        assertThat(result(ApproachId.HYBRID, c).answer()).isEqualTo(result(ApproachId.FINE_TUNE, c).answer());
      }
    }

    @Test
    void answersInTheLearntFormatWithTheCurrentFactAndACitation() {
      // trained: "$10 per user per month"; the corpus now: "The Pro plan costs $12 per user per month."
      CaseResult q1 = result(ApproachId.HYBRID, "q1");
      assertThat(q1.answer()).isEqualTo("$12 per user per month");
      assertThat(q1.citation()).isEqualTo("pricing");
      assertThat(metric("changed-after-training", ApproachId.HYBRID, MetricId.EM)).isEqualTo(1.0);
    }
  }

  @Test
  void metricsPerSliceArePinned() {
    assertThat(outcome.summary().slices()).extracting(Slice::name)
        .containsExactly("all", "qa", "classification", "changed-after-training", "long-tail");
    // q1 rag "costs $12 per user per month": 10/11; fine-tune "$10 per user per month": 4 of 5 tokens, 0.8
    assertThat(metric("changed-after-training", ApproachId.RAG, MetricId.F1)).isCloseTo(10.0 / 11.0, within(1e-12));
    assertThat(metric("changed-after-training", ApproachId.FINE_TUNE, MetricId.F1)).isCloseTo(0.8, within(1e-12));
    assertThat(metric("qa", ApproachId.RAG, MetricId.RECALL)).isEqualTo(1.0);
    assertThat(metric("qa", ApproachId.RAG, MetricId.CITATION)).isEqualTo(1.0);
    assertThat(metric("long-tail", ApproachId.FINE_TUNE, MetricId.F1)).isEqualTo(0.0);
    // the score wants every figure: the stale $10 scores 0, the quoted $12 keeps its F1
    assertThat(metric("changed-after-training", ApproachId.FINE_TUNE, MetricId.SCORE)).isEqualTo(0.0);
    assertThat(metric("changed-after-training", ApproachId.RAG, MetricId.SCORE)).isCloseTo(10.0 / 11.0, within(1e-12));
    // best on the tiny dataset's 9 cases, but not beyond their noise
    Slice.Winner all = outcome.summary().slice("all").orElseThrow().winner().orElseThrow();
    assertThat(all.leaders()).first().isEqualTo(ApproachId.HYBRID);
    assertThat(all.tie()).isTrue();
    assertThat(all.tested()).isTrue();
  }

  @Test
  void aTrainedApproachWithoutQaTrainingPairsIsBadInput(@TempDir Path dir) {
    Dataset tiny = Fixtures.dataset("tiny");
    Dataset noQaTrain = new Dataset(tiny.displayName(), tiny.info(), tiny.corpus(),
        tiny.train(dev.ragft.bench.dataset.Task.CLASSIFICATION), tiny.eval(), tiny.contentHash(), tiny.corpusHash());
    assertThatThrownBy(() -> Fixtures.run(noQaTrain, Fixtures.untimed(List.of(ApproachId.HYBRID)),
        dir.resolve("log.jsonl"), false, Progress.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessage("datasets/tiny/train.jsonl: no qa examples to train on, but hybrid needs them for the qa cases;"
            + " add them or run --approach rag");
    Map<String, CaseResult> ragOnly = Fixtures.run(noQaTrain, Fixtures.untimed(List.of(ApproachId.RAG)),
        dir.resolve("rag.jsonl"), false, Progress.NONE).results();
    assertThat(ragOnly).hasSize(9);
  }
}
