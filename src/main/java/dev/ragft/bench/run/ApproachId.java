package dev.ragft.bench.run;

import dev.ragft.bench.retrieval.RetrieverKind;
import dev.ragft.bench.train.ClassifierKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The approaches a bench compares. Each is an offline stand-in, described as such in every
 * report: the fine-tune approach is a proxy for a fine-tuned LLM, not one.
 */
public enum ApproachId {
  RAG("rag",
      "Lucene BM25 retrieval over the corpus (passages of whole sentences) and an extractive reader that quotes"
          + " the answer from the best-supported retrieved sentence and cites its document; labels by a BM25 vote of"
          + " the most similar labelled train examples"),
  FINE_TUNE("fine-tune",
      "OFFLINE PROXY for a fine-tuned LLM, trained on train only: multinomial logistic regression over hashed word"
          + " and character n-grams for labels; for questions, the answer of the most similar training pairs"),
  HYBRID("hybrid",
      "the three-layer stack: the trained classifier (proxy) for labels; for questions, the trained responder's"
          + " answer steers BM25 retrieval and the reader (the learnt format), which quotes only retrieved passages"
          + " (the current facts) and cites them");

  private final String id;
  private final String description;

  ApproachId(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The description with the retriever and the classifier features that {@code d} chose. */
  public String description(DenseOptions d) {
    String retrieval = switch (d.retriever()) {
      case BM25 -> "BM25";
      case HTTP -> "the team's search service (HTTP)";
      case DENSE -> "dense (all-MiniLM-L6-v2 sentence embeddings, Lucene HNSW)";
      case HYBRID -> "hybrid (BM25 and all-MiniLM-L6-v2 embeddings, reciprocal-rank fusion, k " + d.rrfK() + ")";
    };
    String out = description.replace("Lucene BM25 retrieval", d.retriever() == RetrieverKind.BM25
        ? "Lucene BM25 retrieval" : retrieval + " retrieval").replace("a BM25 vote", "a " + retrieval + " vote")
        .replace("steers BM25 retrieval", "steers " + retrieval + " retrieval");
    if (d.retriever() == RetrieverKind.HTTP) {
      out = out.replace(retrieval + " retrieval over the corpus (passages of whole sentences)",
          "the team's search service over HTTP (retriever: in ragft.yaml) for passages").replace("a " + retrieval
          + " vote", "a BM25 vote");
    }
    out = d.classifier() == ClassifierKind.EMBEDDINGS ? out.replace("hashed word and character n-grams",
        "all-MiniLM-L6-v2 sentence embeddings (frozen; only the linear layer is trained)") : out;
    return d.inProcessEmbeddings() ? out : out.replace("all-MiniLM-L6-v2", d.embeddingModel()
        + " (embeddings endpoint)");
  }

  /** Whether the approach needs examples from train for every task. */
  public boolean trained() {
    return this != RAG;
  }

  public static Optional<ApproachId> of(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }

  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(ApproachId::id).toList());
  }
}
