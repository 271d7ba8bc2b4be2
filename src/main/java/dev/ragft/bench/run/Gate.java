package dev.ragft.bench.run;

import dev.ragft.bench.metrics.MetricId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code --fail-under} gate: {@code APPROACH.SLICE.METRIC=VALUE} (or {@code APPROACH.METRIC=VALUE}
 * for the slice {@code all}), e.g. {@code rag.qa.f1=0.6}. It fails when the metric is below the
 * value.
 */
public record Gate(String text, ApproachId approach, String slice, MetricId metric, double threshold) {
  /** A gate checked against a summary. */
  public record Result(Gate gate, double value, boolean passed) {}

  public Gate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(metric, "metric");
  }

  /**
   * Parses a gate.
   *
   * @throws IllegalArgumentException with a message naming the valid values
   */
  public static Gate parse(String text) {
    int eq = text.lastIndexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("'" + text + "': expected APPROACH.SLICE.METRIC=VALUE, e.g. rag.qa.f1=0.6");
    }
    String left = text.substring(0, eq).strip();
    String right = text.substring(eq + 1).strip();
    int first = left.indexOf('.');
    int last = left.lastIndexOf('.');
    if (first < 0) {
      throw new IllegalArgumentException("'" + text + "': expected APPROACH.SLICE.METRIC=VALUE, e.g. rag.qa.f1=0.6");
    }
    String approach = left.substring(0, first);
    String slice = first == last ? "all" : left.substring(first + 1, last);
    String metric = left.substring(last + 1);
    ApproachId a = ApproachId.of(approach).orElseThrow(() -> new IllegalArgumentException(
        "'" + text + "': unknown approach '" + approach + "'; expected one of " + ApproachId.ids()));
    MetricId m = MetricId.of(metric).filter(MetricId::higherIsBetter).orElseThrow(() -> new IllegalArgumentException(
        "'" + text + "': unknown metric '" + metric + "'; expected one of " + gateMetrics()));
    double v;
    try {
      v = Double.parseDouble(right);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': '" + right + "' is not a number; expected 0 to 1");
    }
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException("'" + text + "': " + right + " is out of range; expected 0 to 1");
    }
    return new Gate(text, a, slice, m, v);
  }

  /** The metrics a gate can name: all but latency, which is better lower. */
  public static String gateMetrics() {
    StringBuilder b = new StringBuilder();
    for (MetricId m : MetricId.values()) {
      if (m.higherIsBetter()) {
        b.append(b.length() == 0 ? "" : ", ").append(m.id());
      }
    }
    return b.toString();
  }

  /**
   * Checks the gate against {@code s}; empty with a reason when the slice, approach or metric is not
   * in the summary.
   */
  public Result check(BenchSummary s) {
    Optional<Slice> sl = s.slice(slice);
    if (sl.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "': no slice '" + slice + "' in this dataset; expected one of "
          + String.join(", ", s.slices().stream().map(Slice::name).toList()));
    }
    if (!s.settings().approaches().contains(approach)) {
      throw new IllegalArgumentException("'" + text + "': approach '" + approach.id() + "' did not run (see --approach)");
    }
    Optional<Double> v = sl.get().value(approach, metric);
    if (v.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "': " + metric.id() + " is not measured for " + approach.id()
          + " on slice " + slice + "; measured: " + String.join(", ", sl.get().metrics().get(approach).keySet().stream()
              .filter(MetricId::higherIsBetter).map(MetricId::id).toList()));
    }
    // Compared at the reported precision, so a gate never fails on a value printed as equal.
    boolean passed = Math.round(v.get() * 10_000) >= Math.round(threshold * 10_000);
    return new Result(this, v.get(), passed);
  }

  /** "rag.qa.f1 0.5512 < 0.6000", for messages. */
  public String describe(Result r) {
    return String.format(Locale.ROOT, "%s = %.4f %s %.4f", text.substring(0, text.lastIndexOf('=')), r.value(),
        r.passed() ? ">=" : "<", threshold);
  }
}
