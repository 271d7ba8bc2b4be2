package dev.ragft.bench.compare;

import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import java.util.Objects;

/**
 * A {@code --fail-on-regression} threshold, {@code APPROACH.SLICE.METRIC=DELTA} (slice {@code all}
 * when left out), e.g. {@code rag.qa.f1=0.02}: the metric regressed when it got worse by more than
 * DELTA, a drop for most metrics, a rise for latency.
 */
public record Threshold(String text, String approach, String slice, MetricId metric, double delta) {
  public Threshold {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(metric, "metric");
  }

  /**
   * Parses a threshold.
   *
   * @throws IllegalArgumentException with a message naming the valid values
   */
  public static Threshold parse(String text) {
    String expected = "'" + text + "': expected APPROACH.SLICE.METRIC=DELTA, e.g. rag.qa.f1=0.02";
    int eq = text.lastIndexOf('=');
    String left = eq < 0 ? "" : text.substring(0, eq).strip();
    int first = left.indexOf('.');
    if (eq < 0 || first < 0) {
      throw new IllegalArgumentException(expected);
    }
    int last = left.lastIndexOf('.');
    String approach = left.substring(0, first);
    String slice = first == last ? "all" : left.substring(first + 1, last);
    String metric = left.substring(last + 1);
    if (ApproachId.of(approach).isEmpty()) {
      throw new IllegalArgumentException("'" + text + "': unknown approach '" + approach + "'; expected one of "
          + ApproachId.ids());
    }
    MetricId m = MetricId.of(metric).orElseThrow(() -> new IllegalArgumentException("'" + text
        + "': unknown metric '" + metric + "'; expected one of " + String.join(", ",
            java.util.Arrays.stream(MetricId.values()).map(MetricId::id).toList())));
    String right = text.substring(eq + 1).strip();
    double d;
    try {
      d = Double.parseDouble(right);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': '" + right + "' is not a number; expected a change of 0 or more");
    }
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("'" + text + "': " + right + " is out of range; expected a change of 0 or more");
    }
    return new Threshold(text, approach, slice, m, d);
  }

  public String key() {
    return approach + "." + slice + "." + metric.id();
  }
}
