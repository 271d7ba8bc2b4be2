package dev.ragft.bench.retrieval;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Picks or fuses rankings by the chosen {@link RetrieverKind}. For hybrid, each side ranks at
 * least {@link #FUSION_DEPTH} candidates before fusion, so that a text ranked well by one side and
 * just outside the other's top {@code n} still gets both contributions.
 *
 * @param kind which rankings count
 * @param rrfK the constant of reciprocal-rank fusion (see {@link Fusion})
 */
public record Ranker(RetrieverKind kind, int rrfK) {
  /** Candidates each side ranks before fusion. */
  public static final int FUSION_DEPTH = 100;

  public static final Ranker BM25 = new Ranker(RetrieverKind.BM25, Fusion.DEFAULT_K);

  public Ranker {
    java.util.Objects.requireNonNull(kind, "kind");
    if (rrfK < 0) {
      throw new IllegalArgumentException("rrf-k must be 0 or more, got " + rrfK);
    }
  }

  /** The {@code n} best, from {@code bm25} and {@code dense} (each asked for a number of hits). */
  public List<Hit> rank(IntFunction<List<Hit>> bm25, IntFunction<List<Hit>> dense, int n) {
    return switch (kind) {
      case BM25, HTTP -> bm25.apply(n);
      case DENSE -> dense.apply(n);
      case HYBRID -> {
        int depth = Math.max(n, FUSION_DEPTH);
        yield Fusion.reciprocalRank(List.of(bm25.apply(depth), dense.apply(depth)), rrfK, n);
      }
    };
  }
}
