package dev.ragft.bench.metrics;

import java.util.Arrays;

/** Latency percentiles by the nearest-rank method: the smallest value with at least p% of values at or below it. */
public final class Latency {
  private Latency() {}

  /**
   * The {@code p}-th percentile (0 < p <= 100) of {@code values}.
   *
   * @throws IllegalArgumentException for an empty array or p out of range
   */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
