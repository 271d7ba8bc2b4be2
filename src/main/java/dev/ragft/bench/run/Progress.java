package dev.ragft.bench.run;

/** Told after each case completes, for a progress bar. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (done, total) -> {};

  void advance(int done, int total);

  /** Told as a long step before the cases advances: {@code "indexing"} the corpus, {@code "embedding"} texts. */
  default void task(String what, long done, long total) {}
}
