package dev.ragft.bench.run;

import dev.ragft.bench.retrieval.Fusion;
import dev.ragft.bench.retrieval.Ranker;
import dev.ragft.bench.retrieval.RetrieverKind;
import dev.ragft.bench.train.ClassifierKind;
import dev.ragft.bench.embedding.Embedder;
import java.util.Objects;

/**
 * The bench's choices that can bring in the sentence-embedding model: how retrieval ranks, the
 * constant of reciprocal-rank fusion, and what the fine-tune proxy's classifier reads. With the
 * defaults (BM25, n-grams) the model is never loaded.
 *
 * @param retriever how passages and labelled examples are ranked
 * @param rrfK the k of reciprocal-rank fusion, for hybrid retrieval
 * @param classifier the features of the trained classifier
 * @param embeddingModel the sentence-embedding model: all-MiniLM-L6-v2 in process, or the model of
 *     an {@code embeddings:} endpoint
 */
public record DenseOptions(RetrieverKind retriever, int rrfK, ClassifierKind classifier, String embeddingModel) {
  public static final DenseOptions DEFAULT = new DenseOptions(RetrieverKind.BM25, Fusion.DEFAULT_K, ClassifierKind.NGRAMS);

  /** With the in-process all-MiniLM-L6-v2. */
  public DenseOptions(RetrieverKind retriever, int rrfK, ClassifierKind classifier) {
    this(retriever, rrfK, classifier, Embedder.MINILM);
  }

  public DenseOptions {
    Objects.requireNonNull(retriever, "retriever");
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(classifier, "classifier");
    if (rrfK < 0 || rrfK > 10_000) {
      throw new IllegalArgumentException("rrf-k must be 0 to 10000, got " + rrfK);
    }
  }

  /** Whether anything chosen needs the embedding model. */
  public boolean usesEmbeddings() {
    return retriever.usesEmbeddings() || classifier == ClassifierKind.EMBEDDINGS;
  }

  public Ranker ranker() {
    return new Ranker(retriever, rrfK);
  }

  /** As every report states them: {@code retriever hybrid (rrf-k 60); classifier embeddings}. */
  public String describe() {
    return "retriever " + retriever.id() + (retriever == RetrieverKind.HYBRID ? " (rrf-k " + rrfK + ")" : "")
        + "; classifier " + classifier.id();
  }

  /** These options with the embedding model of an {@code embeddings:} endpoint. */
  public DenseOptions withEmbeddingModel(String model) {
    return new DenseOptions(retriever, rrfK, classifier, model);
  }

  /** Whether the in-process model embeds, rather than an endpoint. */
  public boolean inProcessEmbeddings() {
    return embeddingModel.equals(Embedder.MINILM);
  }

  String key() {
    return "retriever=" + retriever.id() + ";rrfK=" + rrfK + ";classifier=" + classifier.id()
        + (inProcessEmbeddings() ? "" : ";embeddings=" + embeddingModel);
  }
}
