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
  void factF1IsTokenF1WhenEveryFigureOfTheGoldIsInTheAnswerAndZeroOtherwise() {
    // the stale fact: plain token F1 gives 3 shared tokens of 4 = 0.75 credit, the fact check none
    assertThat(AnswerMetrics.f1("5 GB per agent", List.of("10 GB per agent"))).isCloseTo(0.75, within(1e-12));
    assertThat(AnswerMetrics.factF1("5 GB per agent", List.of("10 GB per agent"))).isZero();
    // every figure there: the same as token F1 (10/11, as below), whatever else the answer says
    assertThat(AnswerMetrics.factF1("costs $12 per user per month", List.of("$12 per user per month")))
        .isCloseTo(10.0 / 11.0, within(1e-12));
    // figures compare after SQuAD's normalisation on both sides: 99.9% and 99.9 are the token 999
    assertThat(AnswerMetrics.factF1("uptime of 99.9", List.of("99.9%"))).isCloseTo(0.5, within(1e-12));
    // a gold answer without figures is plain token F1; the best gold answer that passes counts
    assertThat(AnswerMetrics.factF1("Markdown or PDF", List.of("Markdown or PDF"))).isEqualTo(1.0);
    assertThat(AnswerMetrics.factF1("within 48 hours", List.of("24 hours", "48 hours"))).isCloseTo(0.8, within(1e-12));
    // all of the gold's figures are needed, not just one of them
    assertThat(AnswerMetrics.factF1("5 seats for $10", List.of("5 seats for $12"))).isZero();
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

  @Test
  void contextRecallIsTheShareOfGoldTokensThePassagesHold() {
    // gold: 12 per user per month (5 tokens); the passages hold 12, per (once), user, month: 5 of 5
    assertThat(AnswerMetrics.contextRecall(List.of("The Pro plan costs $12 per user", "billed per month"),
        List.of("$12 per user per month"))).isEqualTo(1.0);
    // "per" twice in the gold, once in the passages: 4 of 5
    assertThat(AnswerMetrics.contextRecall(List.of("The Pro plan costs $12 per user and month"),
        List.of("$12 per user per month"))).isCloseTo(0.8, within(1e-12));
    // the best acceptable answer counts; nothing read recalls nothing
    assertThat(AnswerMetrics.contextRecall(List.of("uptime 99.9%"), List.of("four hours", "99.9% uptime")))
        .isEqualTo(1.0);
    assertThat(AnswerMetrics.contextRecall(List.of(), List.of("red"))).isZero();
  }
}
