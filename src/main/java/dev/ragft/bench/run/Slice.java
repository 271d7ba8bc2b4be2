package dev.ragft.bench.run;

import dev.ragft.bench.metrics.Interval;
import dev.ragft.bench.metrics.MetricId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metrics of every approach on one slice of the eval cases: all of them, one task, or one tag.
 * A metric is absent where it does not apply (accuracy on questions, retrieval for an approach
 * that does not retrieve, latency when not measured). {@code intervals} holds the 95% paired
 * bootstrap interval of each metric that has one; {@code differences} the interval of the best
 * approach's score minus each other approach's (keyed by the other), empty when the bootstrap did
 * not run (--bootstrap 0, a slice of one case, a summary from before intervals).
 */
public record Slice(
    String name, Kind kind, int cases, Map<ApproachId, Map<MetricId, Double>> metrics,
    Map<ApproachId, Map<MetricId, Interval>> intervals, Map<ApproachId, Interval> differences) {
  /** What a slice selects. */
  public enum Kind {
    ALL,
    TASK,
    TAG
  }

  /**
   * The approaches not distinguishable from the best on the score (the best first; several on a
   * tie), the lead of the best over the next best, and the interval of that lead. Without an
   * interval ({@link #tested()} false) the leaders are those with the best score at the reported
   * precision, as before intervals.
   */
  public record Winner(List<ApproachId> leaders, double margin, Optional<Interval> margin95) {
    public Winner {
      leaders = List.copyOf(leaders);
      Objects.requireNonNull(margin95, "margin95");
    }

    /** Two or more approaches lead: equal scores, or (when tested) a lead within noise. */
    public boolean tie() {
      return leaders.size() > 1;
    }

    /** Whether the lead was tested against the noise of the cases (a bootstrap interval). */
    public boolean tested() {
      return margin95.isPresent();
    }
  }

  public Slice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    EnumMap<ApproachId, Map<MetricId, Double>> copy = new EnumMap<>(ApproachId.class);
    metrics.forEach((a, m) -> copy.put(a, byMetric(m)));
    metrics = Collections.unmodifiableMap(copy);
    EnumMap<ApproachId, Map<MetricId, Interval>> ic = new EnumMap<>(ApproachId.class);
    intervals.forEach((a, m) -> ic.put(a, byMetric(m)));
    intervals = Collections.unmodifiableMap(ic);
    EnumMap<ApproachId, Interval> dc = new EnumMap<>(ApproachId.class);
    dc.putAll(differences);
    differences = Collections.unmodifiableMap(dc);
  }

  private static <T> Map<MetricId, T> byMetric(Map<MetricId, T> m) {
    EnumMap<MetricId, T> out = new EnumMap<>(MetricId.class);
    out.putAll(m);
    return Collections.unmodifiableMap(out);
  }

  /** A slice without intervals. */
  public Slice(String name, Kind kind, int cases, Map<ApproachId, Map<MetricId, Double>> metrics) {
    this(name, kind, cases, metrics, Map.of(), Map.of());
  }

  /** The 95% interval of approach {@code a}'s metric {@code m}, when the bootstrap measured one. */
  public Optional<Interval> interval(ApproachId a, MetricId m) {
    return Optional.ofNullable(intervals.getOrDefault(a, Map.of()).get(m));
  }

  public Optional<Double> value(ApproachId a, MetricId m) {
    return Optional.ofNullable(metrics.getOrDefault(a, Map.of()).get(m));
  }

  /** The metrics measured for at least one approach, in report order. */
  public List<MetricId> measured() {
    List<MetricId> out = new ArrayList<>();
    for (MetricId m : MetricId.values()) {
      if (metrics.values().stream().anyMatch(x -> x.containsKey(m))) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The approaches with the best value of {@code m} (several on a tie at the reported precision,
   * four decimals); empty when fewer than two approaches have it, or, but for the score, when all
   * have the same value.
   */
  public List<ApproachId> best(MetricId m) {
    List<ApproachId> with = metrics.keySet().stream().filter(a -> metrics.get(a).containsKey(m)).toList();
    if (with.size() < 2) {
      return List.of();
    }
    long best = m.higherIsBetter() ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (ApproachId a : with) {
      long v = rounded(metrics.get(a).get(m));
      best = m.higherIsBetter() ? Math.max(best, v) : Math.min(best, v);
    }
    List<ApproachId> out = new ArrayList<>();
    for (ApproachId a : with) {
      if (rounded(metrics.get(a).get(m)) == best) {
        out.add(a);
      }
    }
    return out.size() == with.size() && m != MetricId.SCORE ? List.of() : out; // all equal: nothing to mark
  }

  /**
   * The winner on {@link MetricId#SCORE}. With difference intervals, the leaders are the best and
   * every approach whose difference from it has an interval that does not exclude zero (at the
   * reported precision), in score order; the margin is the lead over the next best and
   * {@code margin95} its interval.
   */
  public Optional<Winner> winner() {
    List<ApproachId> best = best(MetricId.SCORE);
    if (best.isEmpty()) {
      return Optional.empty();
    }
    ApproachId top = best.get(0);
    double topScore = metrics.get(top).get(MetricId.SCORE);
    List<ApproachId> others = metrics.keySet().stream().filter(a -> a != top)
        .filter(a -> metrics.get(a).containsKey(MetricId.SCORE))
        .sorted(java.util.Comparator.comparingDouble((ApproachId a) -> -metrics.get(a).get(MetricId.SCORE)))
        .toList();
    if (differences.isEmpty()) {
      if (best.size() > 1) {
        return Optional.of(new Winner(best, 0, Optional.empty()));
      }
      double next = others.isEmpty() ? topScore : metrics.get(others.get(0)).get(MetricId.SCORE);
      return Optional.of(new Winner(best, topScore - next, Optional.empty()));
    }
    List<ApproachId> leaders = new ArrayList<>(List.of(top));
    for (ApproachId a : others) {
      Interval d = differences.get(a);
      if (d == null || !(rounded(d.low()) > 0 || rounded(d.high()) < 0)) {
        leaders.add(a);
      }
    }
    ApproachId next = others.get(0);
    return Optional.of(new Winner(leaders, topScore - metrics.get(next).get(MetricId.SCORE),
        Optional.ofNullable(differences.get(next))));
  }

  /**
   * This slice at the precision the reports print (intervals at four decimals), so that a winner
   * named now is the one a report read back from summary.json names.
   */
  public Slice rounded() {
    Map<ApproachId, Map<MetricId, Double>> m = new EnumMap<>(ApproachId.class);
    metrics.forEach((a, ms) -> {
      Map<MetricId, Double> r = new EnumMap<>(MetricId.class);
      ms.forEach((id, v) -> r.put(id, id.rounded(v)));
      m.put(a, r);
    });
    Map<ApproachId, Map<MetricId, Interval>> i = new EnumMap<>(ApproachId.class);
    intervals.forEach((a, ms) -> {
      Map<MetricId, Interval> r = new EnumMap<>(MetricId.class);
      ms.forEach((id, v) -> r.put(id, round(v)));
      i.put(a, r);
    });
    Map<ApproachId, Interval> d = new EnumMap<>(ApproachId.class);
    differences.forEach((a, v) -> d.put(a, round(v)));
    return new Slice(name, kind, cases, m, i, d);
  }

  /** The approach the differences are measured from: the first with the best score; empty with fewer than two scored. */
  public Optional<ApproachId> reference() {
    return best(MetricId.SCORE).stream().findFirst();
  }

  private static Interval round(Interval v) {
    return new Interval(MetricId.SCORE.rounded(v.low()), MetricId.SCORE.rounded(v.high()));
  }

  private static long rounded(double v) {
    return Math.round(v * 10_000);
  }
}
