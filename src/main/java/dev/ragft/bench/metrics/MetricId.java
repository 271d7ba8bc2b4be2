package dev.ragft.bench.metrics;

import java.util.Arrays;
import java.util.Optional;

/** The metrics a bench report shows, with the id used in JSON, CSV and {@code --fail-under} gates. */
public enum MetricId {
  /** Per case: {@link #SCORE_MEANING}; averaged. The slice's headline. */
  SCORE("score", "score", true),
  EM("em", "exact match", true),
  F1("f1", "token F1", true),
  ACCURACY("accuracy", "accuracy", true),
  MACRO_F1("macro-f1", "macro-F1", true),
  /** Per case whose gold label is the dataset's out-of-scope label: 1 when the approach answered it too. */
  OOS_RECALL("oos-recall", "out-of-scope recall", true),
  /** Per case with any other gold label: 1 for the right label (accuracy on the in-scope cases). */
  IN_SCOPE_ACCURACY("in-scope-accuracy", "in-scope accuracy", true),
  RECALL("recall@k", "Recall@k", true),
  MRR("mrr@10", "MRR@10", true),
  NDCG("ndcg@10", "nDCG@10", true),
  CITATION("citation", "citation correct", true),
  /**
   * Per question: the share of the gold answer's tokens that occur in the passages the answer was
   * read from (the most of any acceptable answer); the ceiling a reader on that retrieval can reach.
   */
  CONTEXT_RECALL("context-recall", "context recall", true),
  /** Per question: the cosine of the gold answer's sentence embedding with the closest passage read. */
  CONTEXT_RECALL_EMBEDDING("context-recall-embedding", "context recall (emb.)", true),
  /** Per question: the cosine of the answer's and the gold answer's sentence embeddings (0 for no answer). */
  SIMILARITY("similarity", "answer similarity", true),
  /** Per question: the judge model's grade of the answer against the gold answers, 0 to 1. */
  JUDGE_CORRECTNESS("judge-correctness", "judge correctness", true),
  /** Per grounded question: the judge model's grade of the answer's support by the passages read, 0 to 1. */
  JUDGE_FAITHFULNESS("judge-faithfulness", "judge faithfulness", true),
  /**
   * Per question whose token F1 is exactly 0 or 1 (unambiguous by token overlap): 1 minus the
   * distance of the judge's correctness from that F1; how far the judge agrees where overlap is clear.
   */
  JUDGE_AGREEMENT("judge-agreement", "judge agreement", true),
  LATENCY_P50("latency-p50-ms", "latency p50 ms", false),
  LATENCY_P95("latency-p95-ms", "latency p95 ms", false),
  /** Mean prompt tokens per case, as the endpoint counted them; only for approaches that called a model. */
  INPUT_TOKENS("input-tokens", "input tokens", false),
  /** Mean completion tokens per case, as the endpoint counted them. */
  OUTPUT_TOKENS("output-tokens", "output tokens", false);

  /** What a case's score is, as every report and help text says it (a constant: annotations use it). */
  public static final String SCORE_MEANING =
      "token F1 for a question (0 when a figure of the expected answer is missing), 1 or 0 for a label";

  private final String id;
  private final String label;
  private final boolean higherIsBetter;

  MetricId(String id, String label, boolean higherIsBetter) {
    this.id = id;
    this.label = label;
    this.higherIsBetter = higherIsBetter;
  }

  public String id() {
    return id;
  }

  /** How tables name the metric; Recall@k names its k. */
  public String label(int topK) {
    return this == RECALL ? "Recall@" + topK : label;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  public boolean isLatency() {
    return this == LATENCY_P50 || this == LATENCY_P95;
  }

  /** The value at the precision every report prints: three decimals for latency, four otherwise. */
  public String format(double v) {
    String s = String.format(java.util.Locale.ROOT, isLatency() ? "%.3f" : "%.4f", v);
    return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s; // no "-0.0000"
  }

  /** The value as the reports print it, read back. */
  public double rounded(double v) {
    return Double.parseDouble(format(v));
  }

  public static Optional<MetricId> of(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }
}
