package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static List<Hit> ranking(int... ords) {
    List<Hit> out = new ArrayList<>();
    for (int i = 0; i < ords.length; i++) {
      out.add(new Hit(ords[i], 100 - i));
    }
    return out;
  }

  private static List<Integer> ords(List<Hit> hits) {
    return hits.stream().map(Hit::ord).toList();
  }

  @Test
  void sumsOneOverKPlusRankAcrossRankings() {
    // BM25: 1, 2, 3; dense: 3, 1, 4. With k = 60:
    //   1: 1/61 + 1/62 = 0.032522     3: 1/63 + 1/61 = 0.032266
    //   2: 1/62        = 0.016129     4: 1/63        = 0.015873
    List<Hit> fused = Fusion.reciprocalRank(List.of(ranking(1, 2, 3), ranking(3, 1, 4)), 60, 10);
    assertThat(ords(fused)).containsExactly(1, 3, 2, 4);
    assertThat(fused.get(0).score()).isCloseTo(0.032522f, within(1e-6f));
    assertThat(fused.get(1).score()).isCloseTo(0.032266f, within(1e-6f));
    assertThat(fused.get(2).score()).isCloseTo(0.016129f, within(1e-6f));
    assertThat(fused.get(3).score()).isCloseTo(0.015873f, within(1e-6f));
  }

  @Test
  void aSmallKLetsTheTopOfOneRankingWin() {
    // k = 0: 7 gets 1/1 = 1 from dense; 5 gets 1/2 + 1/3 = 0.8333 from both.
    List<Hit> fused = Fusion.reciprocalRank(List.of(ranking(8, 5), ranking(7, 8, 5)), 0, 10);
    // 8: 1/1 + 1/2 = 1.5; 7: 1; 5: 1/2 + 1/3 = 0.8333.
    assertThat(ords(fused)).containsExactly(8, 7, 5);
    // k = 60: 8: 1/61 + 1/62; 5: 1/62 + 1/63; 7: 1/61 alone.
    assertThat(ords(Fusion.reciprocalRank(List.of(ranking(8, 5), ranking(7, 8, 5)), 60, 10))).containsExactly(8, 5, 7);
  }

  @Test
  void equalSumsKeepTheOrderOfFirstAppearance() {
    // 1 and 2 both get 1/61 + 1/62: 1 appears first (top of the first ranking).
    assertThat(ords(Fusion.reciprocalRank(List.of(ranking(1, 2), ranking(2, 1)), 60, 10))).containsExactly(1, 2);
    assertThat(ords(Fusion.reciprocalRank(List.of(ranking(2, 1), ranking(1, 2)), 60, 10))).containsExactly(2, 1);
  }

  @Test
  void keepsAtMostNAndHandlesEmptyRankings() {
    assertThat(ords(Fusion.reciprocalRank(List.of(ranking(1, 2, 3), ranking()), 60, 2))).containsExactly(1, 2);
    assertThat(Fusion.reciprocalRank(List.of(ranking(), ranking()), 60, 5)).isEmpty();
    assertThatThrownBy(() -> Fusion.reciprocalRank(List.of(), -1, 5)).hasMessage("k must be 0 or more, got -1");
  }

  @Test
  void theRankerPicksOrFusesAndAsksHybridSidesForAtLeastTheFusionDepth() {
    List<Integer> asked = new ArrayList<>();
    java.util.function.IntFunction<List<Hit>> bm25 = n -> {
      asked.add(n);
      return ranking(1, 2, 3);
    };
    java.util.function.IntFunction<List<Hit>> dense = n -> {
      asked.add(n);
      return ranking(3, 1, 4);
    };
    assertThat(ords(new Ranker(RetrieverKind.BM25, 60).rank(bm25, dense, 3))).containsExactly(1, 2, 3);
    assertThat(ords(new Ranker(RetrieverKind.DENSE, 60).rank(bm25, dense, 3))).containsExactly(3, 1, 4);
    assertThat(asked).containsExactly(3, 3);
    assertThat(ords(new Ranker(RetrieverKind.HYBRID, 60).rank(bm25, dense, 3))).containsExactly(1, 3, 2);
    assertThat(asked).containsExactly(3, 3, Ranker.FUSION_DEPTH, Ranker.FUSION_DEPTH);
  }
}
