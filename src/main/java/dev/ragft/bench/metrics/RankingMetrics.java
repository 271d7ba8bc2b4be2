package dev.ragft.bench.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retrieval metrics for one query with binary relevance, as trec_eval (and so BEIR, through
 * pytrec_eval) defines them: {@code ranked} is the retrieved ids, best first, without repeats.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** Relevant ids among the first {@code k}, over all relevant ids (trec_eval recall_k). */
  public static double recallAtK(List<String> ranked, Set<String> relevant, int k) {
    requirePositive(k);
    if (relevant.isEmpty()) {
      return 0.0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        found++;
      }
    }
    return (double) found / relevant.size();
  }

  /** 1 / rank of the first relevant id within the first {@code k}, or 0 (MRR@k for one query). */
  public static double reciprocalRank(List<String> ranked, Set<String> relevant, int k) {
    requirePositive(k);
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0.0;
  }

  /**
   * nDCG@k with gain 1 per relevant id and discount log2(rank + 1); the ideal ranking puts
   * min(|relevant|, k) relevant ids first (trec_eval ndcg_cut).
   */
  public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    requirePositive(k);
    if (relevant.isEmpty()) {
      return 0.0;
    }
    double dcg = 0.0;
    Set<String> counted = new HashSet<>();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      String id = ranked.get(i);
      if (relevant.contains(id) && counted.add(id)) {
        dcg += 1.0 / log2(i + 2);
      }
    }
    double ideal = 0.0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1.0 / log2(i + 2);
    }
    return dcg / ideal;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be 1 or more, got " + k);
    }
  }
}
