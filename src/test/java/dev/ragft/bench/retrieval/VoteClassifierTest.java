package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoteClassifierTest {
  static final List<VoteClassifier.Example> EXAMPLES = List.of(
      new VoteClassifier.Example("1", "charged twice on my card", "billing"),
      new VoteClassifier.Example("2", "refund the card payment", "billing"),
      new VoteClassifier.Example("3", "app crashes on my phone", "bug"),
      new VoteClassifier.Example("4", "card declined at the shop", "card"));

  @Test
  void theMostSimilarExamplesVoteWithTheirScores() {
    try (VoteClassifier v = new VoteClassifier(EXAMPLES, 3)) {
      VoteClassifier.Vote vote = v.classify("I was charged twice, refund please").orElseThrow();
      assertThat(vote.label()).isEqualTo("billing");
      assertThat(vote.share()).isEqualTo(1.0);
      assertThat(vote.voters()).containsExactlyInAnyOrder("1", "2");
      assertThat(v.classify("the app crashes").orElseThrow().label()).isEqualTo("bug");
    }
  }

  @Test
  void noSimilarExampleMeansNoVote() {
    try (VoteClassifier v = new VoteClassifier(EXAMPLES, 3)) {
      assertThat(v.classify("zzz")).isEmpty();
    }
  }
}
