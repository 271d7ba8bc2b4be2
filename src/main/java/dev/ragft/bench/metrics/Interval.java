package dev.ragft.bench.metrics;

/**
 * A 95% bootstrap interval {@code [low, high]} of a metric or of a difference of two.
 *
 * @param low the 2.5th percentile of the resampled values
 * @param high the 97.5th percentile
 */
public record Interval(double low, double high) {
  public Interval {
    if (!(low <= high)) {
      throw new IllegalArgumentException("interval: low " + low + " must not exceed high " + high);
    }
  }

  /** Whether zero lies outside the interval: a difference that holds beyond noise. */
  public boolean excludesZero() {
    return low > 0 || high < 0;
  }

  /** Half the width: the noise on either side of the estimate. */
  public double halfWidth() {
    return (high - low) / 2;
  }
}
