package dev.ragft.bench.embedding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in model for tests that are about what happens around a model (caching, training): a
 * deterministic unit vector per text from its bytes, and a count of the texts it was asked for.
 */
public final class CountingEmbedder implements Embedder {
  private final String id;
  private final int dimensions;
  private final AtomicInteger texts = new AtomicInteger();

  public CountingEmbedder(String id, int dimensions) {
    this.id = id;
    this.dimensions = dimensions;
  }

  /** How many texts were embedded so far. */
  public int texts() {
    return texts.get();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embed(List<String> in) {
    texts.addAndGet(in.size());
    List<float[]> out = new ArrayList<>();
    for (String t : in) {
      float[] v = new float[dimensions];
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < b.length; i++) {
        v[i % dimensions] += b[i];
      }
      v[0] += 1; // never the zero vector
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < dimensions; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      out.add(v);
    }
    return out;
  }
}
