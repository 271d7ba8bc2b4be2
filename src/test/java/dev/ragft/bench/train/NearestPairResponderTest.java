package dev.ragft.bench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestPairResponderTest {
  static final List<NearestPairResponder.Pair> PAIRS = List.of(
      new NearestPairResponder.Pair("t1", "How much does the Pro plan cost?", "$10 per user per month"),
      new NearestPairResponder.Pair("t2", "What uptime does Notely guarantee?", "99.9%"),
      new NearestPairResponder.Pair("t3", "What is the price of the Pro plan per year?", "$100 per user per year"));

  @Test
  void answersWithWhatTheMostSimilarTrainingQuestionTaught() {
    NearestPairResponder r = NearestPairResponder.train(PAIRS, 16, 1);
    NearestPairResponder.Response a = r.answer("How much is the Pro plan?").orElseThrow();
    assertThat(a.answer()).isEqualTo("$10 per user per month");
    assertThat(a.pairId()).isEqualTo("t1");
    assertThat(a.similarity()).isBetween(0.3, 1.0);
    assertThat(r.answer("guaranteed uptime?").orElseThrow().answer()).isEqualTo("99.9%");
  }

  @Test
  void aQuestionUnlikeAnyTrainingPairStillGetsTheNearestAnswerWithLowSimilarity() {
    NearestPairResponder r = NearestPairResponder.train(PAIRS, 16, 1);
    assertThat(r.answer("Which identity providers work with SSO?").orElseThrow().similarity()).isLessThan(0.2);
  }

  @Test
  void neighboursVoteWithTheirSimilarity() {
    List<NearestPairResponder.Pair> pairs = List.of(
        new NearestPairResponder.Pair("a", "refund card payment", "billing team"),
        new NearestPairResponder.Pair("b", "refund for card payment please", "billing team"),
        new NearestPairResponder.Pair("c", "refund card payments now", "card team"));
    assertThat(NearestPairResponder.train(pairs, 16, 3).answer("refund card payments").orElseThrow().answer())
        .isEqualTo("billing team");
    assertThat(NearestPairResponder.train(pairs, 16, 1).answer("refund card payments").orElseThrow().answer())
        .isEqualTo("card team");
  }

  @Test
  void withoutTrainingPairsThereIsNoAnswer() {
    assertThat(NearestPairResponder.train(List.of(), 10, 3).answer("anything")).isEmpty();
  }
}
