package dev.ragft.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  static final List<String> RANKED = List.of("x", "r1", "y", "r2");
  static final Set<String> RELEVANT = Set.of("r1", "r2", "r3");

  @Test
  void recallAtKIsTheShareOfRelevantIdsInTheFirstK() {
    assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 1)).isEqualTo(0.0);
    assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 2)).isCloseTo(1.0 / 3.0, within(1e-12));
    assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 10)).isCloseTo(2.0 / 3.0, within(1e-12));
  }

  @Test
  void reciprocalRankIsOneOverTheRankOfTheFirstRelevantIdWithinK() {
    assertThat(RankingMetrics.reciprocalRank(RANKED, RELEVANT, 10)).isEqualTo(0.5);
    assertThat(RankingMetrics.reciprocalRank(RANKED, RELEVANT, 1)).isEqualTo(0.0);
    assertThat(RankingMetrics.reciprocalRank(List.of("r3"), RELEVANT, 10)).isEqualTo(1.0);
  }

  @Test
  void ndcgDiscountsByLog2OfRankPlusOne() {
    // DCG = 1/log2(3) + 1/log2(5); ideal (3 relevant) = 1 + 1/log2(3) + 1/log2(4)
    assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 10)).isCloseTo(0.49818925746641285, within(1e-12));
    assertThat(RankingMetrics.ndcg(List.of("r1", "r2", "r3"), RELEVANT, 10)).isCloseTo(1.0, within(1e-12));
    assertThat(RankingMetrics.ndcg(List.of("x"), RELEVANT, 10)).isEqualTo(0.0);
  }

  @Test
  void ndcgIdealRankingStopsAtK() {
    // 12 relevant ids, the first 10 retrieved are all relevant: a perfect ranking at 10
    Set<String> relevant = Set.copyOf(IntStream.range(0, 12).mapToObj(i -> "r" + i).toList());
    List<String> ranked = IntStream.range(0, 10).mapToObj(i -> "r" + i).toList();
    assertThat(RankingMetrics.ndcg(ranked, relevant, 10)).isCloseTo(1.0, within(1e-12));
    assertThat(RankingMetrics.recallAtK(ranked, relevant, 10)).isCloseTo(10.0 / 12.0, within(1e-12));
  }

  @Test
  void metricsStayBetweenZeroAndOneAndRecallGrowsWithK() {
    for (long seed = 0; seed < 300; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<String> ranked = IntStream.range(0, r.nextInt(0, 15)).mapToObj(i -> "d" + i).toList();
      Set<String> relevant = Set.copyOf(IntStream.range(0, r.nextInt(1, 6)).mapToObj(i -> "d" + r.nextInt(0, 20)).toList());
      double previous = 0;
      for (int k = 1; k <= 12; k++) {
        double recall = RankingMetrics.recallAtK(ranked, relevant, k);
        assertThat(recall).as("seed %d k %d", seed, k).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
        previous = recall;
        assertThat(RankingMetrics.ndcg(ranked, relevant, k)).as("seed %d k %d", seed, k).isBetween(0.0, 1.0 + 1e-12);
        assertThat(RankingMetrics.reciprocalRank(ranked, relevant, k)).as("seed %d k %d", seed, k).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void refusesKBelowOne() {
    assertThatThrownBy(() -> RankingMetrics.ndcg(RANKED, RELEVANT, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be 1 or more, got 0");
  }
}
