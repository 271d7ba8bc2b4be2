package dev.ragft.bench.run;

import java.util.List;

/**
 * How a bench run is set up. The knobs of the offline approaches are here, with their defaults,
 * and every report prints them, so a result always says how it was measured.
 *
 * @param approaches which approaches run, in report order
 * @param topK passages the reader sees, and the k of Recall@k
 * @param seed the seed for training
 * @param timing whether latency is measured (off for byte-identical reports)
 * @param chunkWords the most words in a passage
 * @param voteK labelled examples that vote in retrieval classification
 * @param neighbours training pairs that vote in the qa responder
 * @param featureBits log2 of the hashed feature space
 * @param epochs passes of training over train
 * @param learningRate the first step size of training
 * @param diskThreshold corpus documents above which the index is kept on disk under the cache folder
 * @param dense the retriever, the fusion constant and the classifier's features
 */
public record BenchSettings(
    List<ApproachId> approaches, int topK, long seed, boolean timing, int chunkWords, int voteK, int neighbours,
    int featureBits, int epochs, double learningRate, int diskThreshold, DenseOptions dense) {
  public static final int DEFAULT_TOP_K = 5;
  public static final long DEFAULT_SEED = 42;

  public BenchSettings {
    approaches = List.copyOf(approaches);
    if (approaches.isEmpty()) {
      throw new IllegalArgumentException("at least one approach");
    }
    if (topK < 1 || topK > 100) {
      throw new IllegalArgumentException("top-k must be 1 to 100, got " + topK);
    }
    java.util.Objects.requireNonNull(dense, "dense");
  }

  /** The defaults, with the given approaches, k, seed and timing. */
  public static BenchSettings of(List<ApproachId> approaches, int topK, long seed, boolean timing) {
    return new BenchSettings(approaches, topK, seed, timing, 120, 20, 3, 17, 20, 1.0, 20_000, DenseOptions.DEFAULT);
  }

  /** These settings with another retriever, fusion constant or classifier. */
  public BenchSettings withDense(DenseOptions d) {
    return new BenchSettings(approaches, topK, seed, timing, chunkWords, voteK, neighbours, featureBits, epochs,
        learningRate, diskThreshold, d);
  }

  /** What a result depends on besides the dataset: results logged under another key cannot be resumed. */
  String resultKey() {
    return "topK=" + topK + ";seed=" + seed + ";chunkWords=" + chunkWords + ";voteK=" + voteK + ";neighbours="
        + neighbours + ";featureBits=" + featureBits + ";epochs=" + epochs + ";learningRate=" + learningRate
        // The defaults add nothing, so logs written before these options existed still resume.
        + (dense.equals(DenseOptions.DEFAULT) ? "" : ";" + dense.key());
  }
}
