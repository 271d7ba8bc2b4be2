package dev.ragft.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMetricsTest {
  @Test
  void normalisesAsTheSquadScriptDoes() {
    // lower case, punctuation dropped (the hyphen too), articles removed, spaces collapsed
    assertThat(AnswerMetrics.normalize("The  Pro-plan, costs $12!")).isEqualTo("proplan costs 12");
    assertThat(AnswerMetrics.normalize("An apple a day")).isEqualTo("apple day");
    assertThat(AnswerMetrics.normalize("theory")).as("whole words only").isEqualTo("theory");
  }

  @Test
  void exactMatchIgnoresCasePunctuationAndArticlesAndTakesTheBestGold() {
    assertThat(AnswerMetrics.exactMatch("the Markdown or PDF.", List.of("markdown or pdf"))).isEqualTo(1.0);
    assertThat(AnswerMetrics.exactMatch("Markdown and PDF", List.of("Markdown or PDF", "markdown and pdf"))).isEqualTo(1.0);
    assertThat(AnswerMetrics.exactMatch("Markdown", List.of("Markdown or PDF"))).isEqualTo(0.0);
  }

  @Test
  void tokenF1CountsSharedTokens() {
    // prediction: costs 12 per user per month (6); gold: 12 per user per month (5); shared 5
    // precision 5/6, recall 1, F1 = 2 * 5/6 / (11/6) = 10/11
    assertThat(AnswerMetrics.f1("costs $12 per user per month", List.of("$12 per user per month")))
        .isCloseTo(10.0 / 11.0, within(1e-12));
  }

  @Test
  void tokenF1CountsARepeatedTokenOnlyAsOftenAsTheGoldHasIt() {
    // prediction: per per per (3); gold: per month (2); shared 1: P 1/3, R 1/2, F1 = 0.4
    assertThat(AnswerMetrics.f1("per per per", List.of("per month"))).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void tokenF1TakesTheBestGoldAndIsZeroWithNothingShared() {
    assertThat(AnswerMetrics.f1("blue", List.of("red", "blue sky"))).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(AnswerMetrics.f1("green", List.of("red"))).isEqualTo(0.0);
  }

  @Test
  void anEmptyAnswerScoresOneOnlyAgainstAnEmptyGold() {
    assertThat(AnswerMetrics.f1("", List.of("the"))).as("'the' normalises to nothing").isEqualTo(1.0);
    assertThat(AnswerMetrics.f1("", List.of("red"))).isEqualTo(0.0);
    assertThat(AnswerMetrics.f1("red", List.of("a"))).isEqualTo(0.0);
  }
}
