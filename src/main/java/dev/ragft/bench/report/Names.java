package dev.ragft.bench.report;

import dev.ragft.bench.run.ApproachId;

/**
 * How the reports for people name the approaches. The fine-tune approach is an offline stand-in
 * for a fine-tuned LLM, so its name says PROXY wherever it appears; the hybrid uses it too.
 */
final class Names {
  private Names() {}

  static String approach(ApproachId a) {
    return switch (a) {
      case RAG -> "RAG";
      case FINE_TUNE -> "fine-tune PROXY";
      case HYBRID -> "hybrid (RAG + PROXY)";
    };
  }

  /** The sentence every report for people carries about the proxy. */
  static final String PROXY_NOTE = "The fine-tune approach is an OFFLINE PROXY for a fine-tuned LLM, trained on"
      + " train.jsonl only (a linear classifier for labels, the nearest training pairs' answers for questions); it is"
      + " not a fine-tuned LLM. Read its numbers as what a model that learnt only the training pairs would know."
      + " The hybrid uses the same proxy for labels and to steer retrieval.";
}
