package dev.ragft.bench.run;

import dev.ragft.bench.metrics.MetricId;
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
 * @param bootstrap resamples of the paired bootstrap behind every interval; 0 for none
 * @param embeddingMetrics whether answer similarity and embedding context recall are measured
 * @param questionScore what a question's score is: {@link MetricId#SCORE} (token F1 needing every
 *     figure of the gold answer), or one of {@link #QUESTION_SCORES}
 * @param outOfScope the label of inputs no label covers (from dataset.yaml) and the share of train held out to
 *     choose the classifier's abstention threshold
 */
public record BenchSettings(
    List<ApproachId> approaches, int topK, long seed, boolean timing, int chunkWords, int voteK, int neighbours,
    int featureBits, int epochs, double learningRate, int diskThreshold, DenseOptions dense, int bootstrap,
    boolean embeddingMetrics, MetricId questionScore, OutOfScope outOfScope) {
  /**
   * Out-of-scope inputs: {@code label} is what a classifier answers when it abstains (empty: the
   * dataset names none, and nothing abstains); {@code holdout} the share of the labelled train
   * examples set aside to choose the confidence below which it abstains.
   */
  public record OutOfScope(String label, double holdout) {
    public static final OutOfScope NONE = new OutOfScope("", 0.2);

    public OutOfScope {
      java.util.Objects.requireNonNull(label, "label");
      if (!(holdout > 0 && holdout < 1)) {
        throw new IllegalArgumentException("out-of-scope holdout must be between 0 and 1, got " + holdout);
      }
    }

    public boolean named() {
      return !label.isEmpty();
    }
  }

  /** The metrics a question's score may be instead of the default, by --score. */
  public static final List<MetricId> QUESTION_SCORES = List.of(MetricId.F1, MetricId.EM, MetricId.SIMILARITY,
      MetricId.JUDGE_CORRECTNESS);
  public static final int DEFAULT_TOP_K = 5;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_BOOTSTRAP = 1000;
  /** The most resamples --bootstrap takes. */
  public static final int MAX_BOOTSTRAP = 100_000;

  public BenchSettings {
    approaches = List.copyOf(approaches);
    if (approaches.isEmpty()) {
      throw new IllegalArgumentException("at least one approach");
    }
    if (topK < 1 || topK > 100) {
      throw new IllegalArgumentException("top-k must be 1 to 100, got " + topK);
    }
    java.util.Objects.requireNonNull(dense, "dense");
    java.util.Objects.requireNonNull(questionScore, "questionScore");
    java.util.Objects.requireNonNull(outOfScope, "outOfScope");
    if (questionScore != MetricId.SCORE && !QUESTION_SCORES.contains(questionScore)) {
      throw new IllegalArgumentException("a question's score cannot be " + questionScore.id());
    }
    if (bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
      throw new IllegalArgumentException("bootstrap resamples must be 0 to " + MAX_BOOTSTRAP + ", got " + bootstrap);
    }
  }

  /** The defaults, with the given approaches, k, seed and timing. */
  public static BenchSettings of(List<ApproachId> approaches, int topK, long seed, boolean timing) {
    return new BenchSettings(approaches, topK, seed, timing, 120, 20, 3, 17, 20, 1.0, 20_000, DenseOptions.DEFAULT,
        DEFAULT_BOOTSTRAP, false, MetricId.SCORE, OutOfScope.NONE);
  }

  /** These settings with another retriever, fusion constant or classifier. */
  public BenchSettings withDense(DenseOptions d) {
    return new BenchSettings(approaches, topK, seed, timing, chunkWords, voteK, neighbours, featureBits, epochs,
        learningRate, diskThreshold, d, bootstrap, embeddingMetrics, questionScore, outOfScope);
  }

  /** These settings with another number of bootstrap resamples (0: no intervals). */
  public BenchSettings withBootstrap(int resamples) {
    return new BenchSettings(approaches, topK, seed, timing, chunkWords, voteK, neighbours, featureBits, epochs,
        learningRate, diskThreshold, dense, resamples, embeddingMetrics, questionScore, outOfScope);
  }

  /** These settings with (or without) the embedding measures and with a question scored by {@code score}. */
  public BenchSettings withAnswerMetrics(boolean embeddings, MetricId score) {
    return new BenchSettings(approaches, topK, seed, timing, chunkWords, voteK, neighbours, featureBits, epochs,
        learningRate, diskThreshold, dense, bootstrap, embeddings, score, outOfScope);
  }

  /** These settings for a dataset whose out-of-scope inputs carry {@code label} (empty: none). */
  public BenchSettings withOutOfScope(String label) {
    return new BenchSettings(approaches, topK, seed, timing, chunkWords, voteK, neighbours, featureBits, epochs,
        learningRate, diskThreshold, dense, bootstrap, embeddingMetrics, questionScore,
        new OutOfScope(label, outOfScope.holdout()));
  }

  /** The id --score and summary.json give the question score: fact-f1 for the default. */
  public String questionScoreId() {
    return questionScore == MetricId.SCORE ? "fact-f1" : questionScore.id();
  }

  /** What a case's score is, as every report says it. */
  public String scoreMeaning() {
    return questionScore == MetricId.SCORE ? MetricId.SCORE_MEANING
        : questionScore.label(topK) + " for a question (chosen by --score " + questionScore.id() + "), 1 or 0 for a label";
  }

  /** What a result depends on besides the dataset: results logged under another key cannot be resumed. */
  String resultKey() {
    return "topK=" + topK + ";seed=" + seed + ";chunkWords=" + chunkWords + ";voteK=" + voteK + ";neighbours="
        + neighbours + ";featureBits=" + featureBits + ";epochs=" + epochs + ";learningRate=" + learningRate
        // The defaults add nothing, so logs written before these options existed still resume.
        + (dense.equals(DenseOptions.DEFAULT) ? "" : ";" + dense.key())
        + (embeddingMetrics ? ";embeddingMetrics" : "")
        + (outOfScope.named() ? ";outOfScope=" + outOfScope.label() + "/" + outOfScope.holdout() : "");
  }
}
