package dev.ragft.bench.embedding;

import java.util.List;

/**
 * A sentence-embedding model: texts in, vectors of unit length out (so a dot product is the
 * cosine). The rest of ragft sees models only through this interface; which library runs one is
 * this package's business.
 */
public interface Embedder {
  /** all-MiniLM-L6-v2's name in reports and cache keys. */
  String MINILM = "all-minilm-l6-v2";

  /** Names the model and its version, for cache keys: another id never reuses cached vectors. */
  String id();

  int dimensions();

  /** One unit-length vector per text, in order. */
  List<float[]> embed(List<String> texts);

  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }
}
