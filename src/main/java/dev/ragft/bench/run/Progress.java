package dev.ragft.bench.run;

/** Told after each case completes, for a progress bar. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (done, total) -> {};

  void advance(int done, int total);
}
