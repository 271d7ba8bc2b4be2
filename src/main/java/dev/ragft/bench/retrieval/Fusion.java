package dev.ragft.bench.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking gives an item
 * {@code 1 / (k + rank)}, rank counted from 1, and the fused ranking orders items by the sum.
 * Only ranks count, so BM25 scores and cosines need no common scale. A larger {@code k} flattens
 * the advantage of the very top ranks; 60 is the paper's value.
 */
public final class Fusion {
  /** The paper's constant, the default of {@code --rrf-k}. */
  public static final int DEFAULT_K = 60;

  private Fusion() {}

  /**
   * The fused ranking of {@code rankings} (each best first), at most {@code n} hits, scored by
   * their fused score. Ties keep the order in which items first appear (the first ranking first).
   */
  public static List<Hit> reciprocalRank(List<List<Hit>> rankings, int k, int n) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be 0 or more, got " + k);
    }
    Map<Integer, Double> fused = new LinkedHashMap<>();
    for (List<Hit> ranking : rankings) {
      for (int r = 0; r < ranking.size(); r++) {
        fused.merge(ranking.get(r).ord(), 1.0 / (k + r + 1), Double::sum);
      }
    }
    List<Map.Entry<Integer, Double>> entries = new ArrayList<>(fused.entrySet());
    // A stable sort: equal sums stay in first-appearance order.
    entries.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()));
    List<Hit> out = new ArrayList<>(Math.min(n, entries.size()));
    for (Map.Entry<Integer, Double> e : entries) {
      if (out.size() == n) {
        break;
      }
      out.add(new Hit(e.getKey(), e.getValue().floatValue()));
    }
    return out;
  }
}
