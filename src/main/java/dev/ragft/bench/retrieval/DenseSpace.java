package dev.ragft.bench.retrieval;

import dev.ragft.bench.embedding.EmbeddingCache;
import dev.ragft.bench.embedding.Embedder;
import java.util.List;

/**
 * Texts as sentence embeddings, searchable by the embedding of a query: the embedder (which embeds
 * each query) and the HNSW index of the texts' vectors (taken from the embedding cache when there).
 */
public final class DenseSpace implements AutoCloseable {
  private final Embedder embedder;
  private final DenseIndex index;
  private final List<float[]> vectors;

  private DenseSpace(Embedder embedder, List<float[]> vectors) {
    this.embedder = embedder;
    this.vectors = List.copyOf(vectors);
    this.index = DenseIndex.of(vectors, vectors.isEmpty() ? embedder.dimensions() : vectors.get(0).length);
  }

  /** Embeds {@code texts} (or reads them from {@code cache} under {@code key}) and indexes them. */
  public static DenseSpace build(Embedder embedder, EmbeddingCache cache, String key, List<String> texts) {
    return new DenseSpace(embedder, cache.embed(embedder, key, texts));
  }

  public List<Hit> search(String query, int n) {
    return index.search(embedder.embed(query), n);
  }

  public List<Hit> search(float[] query, int n) {
    return index.search(query, n);
  }

  /**
   * The embedding of {@code query} moved towards {@code hint} by {@code weight} (0 to 1), back to
   * unit length: the dense counterpart of adding the hint's terms to a BM25 query.
   */
  public float[] steered(String query, String hint, double weight) {
    List<float[]> v = embedder.embed(List.of(query, hint));
    float[] out = new float[v.get(0).length];
    double norm = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (v.get(0)[i] + weight * v.get(1)[i]);
      norm += out[i] * out[i];
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < out.length; i++) {
        out[i] *= inv;
      }
    }
    return out;
  }

  /** The texts' vectors, in order (shared, e.g. with a classifier trained on the same texts). */
  public List<float[]> vectors() {
    return vectors;
  }

  public Embedder embedder() {
    return embedder;
  }

  @Override
  public void close() {
    index.close();
  }
}
