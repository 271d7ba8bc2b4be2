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
  /**
   * A gate checked against a summary: the value it read and whether it passed; or, when the run did
   * not measure the gate's metric, why not (then value is 0 and unused, and the gate passed only if
   * the user let unmeasured gates pass).
   */
  public record Result(Gate gate, double value, boolean passed, Optional<String> unmeasured) {
    public Result {
      Objects.requireNonNull(gate, "gate");
      Objects.requireNonNull(unmeasured, "unmeasured");
    }

    /** A gate whose metric was measured. */
    public Result(Gate gate, double value, boolean passed) {
      this(gate, value, passed, Optional.empty());
    }

    /** The value at the reported precision, or "unmeasured". */
    public String valueText() {
      return unmeasured.isPresent() ? "unmeasured" : String.format(Locale.ROOT, "%.4f", value);
    }
  }

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

  /** Checks the gate against {@code s}; a gate that cannot be checked fails. */
  public Result check(BenchSummary s) {
    return check(s, false);
  }

  /**
   * Checks the gate against {@code s}. A gate whose approach did not run, or whose metric the run did
   * not measure on the slice, cannot be checked: it fails, unless {@code allowUnmeasured}.
   *
   * @throws IllegalArgumentException when the dataset has no such slice (a misspelt slice)
   */
  public Result check(BenchSummary s, boolean allowUnmeasured) {
    Optional<Slice> sl = s.slice(slice);
    if (sl.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "': no slice '" + slice + "' in this dataset; expected one of "
          + String.join(", ", s.slices().stream().map(Slice::name).toList()));
    }
    if (!s.settings().approaches().contains(approach)) {
      return new Result(this, 0, allowUnmeasured,
          Optional.of("approach " + approach.id() + " did not run (see --approach)"));
    }
    Optional<Double> v = sl.get().value(approach, metric);
    if (v.isEmpty()) {
      return new Result(this, 0, allowUnmeasured, Optional.of(metric.id() + " is not measured for " + approach.id()
          + " on slice " + slice + "; measured: " + String.join(", ", sl.get().metrics().get(approach).keySet().stream()
              .filter(MetricId::higherIsBetter).map(MetricId::id).toList())));
    }
    // Compared at the reported precision, so a gate never fails on a value printed as equal.
    boolean passed = Math.round(v.get() * 10_000) >= Math.round(threshold * 10_000);
    return new Result(this, v.get(), passed);
  }

  /** "rag.qa.f1 = 0.5512 < 0.6000", or "rag.qa.f1 cannot be checked: ...", for messages. */
  public String describe(Result r) {
    String metricText = text.substring(0, text.lastIndexOf('='));
    if (r.unmeasured().isPresent()) {
      return metricText + " cannot be checked: " + r.unmeasured().get()
          + (r.passed() ? " (let pass: --allow-unmeasured)" : "; --allow-unmeasured lets it pass");
    }
    return String.format(Locale.ROOT, "%s = %.4f %s %.4f", metricText, r.value(), r.passed() ? ">=" : "<", threshold);
  }
}
