package dev.ragft.bench.embedding;

/** The real all-MiniLM-L6-v2, loaded once for all the tests that use it (a second or two). */
public final class RealModel {
  private RealModel() {}

  private static final class Holder {
    static final Embedder MODEL = new MiniLmEmbedder();
  }

  public static Embedder get() {
    return Holder.MODEL;
  }
}
