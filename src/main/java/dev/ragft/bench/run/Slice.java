package dev.ragft.bench.run;

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
 * that does not retrieve, latency when not measured).
 */
public record Slice(String name, Kind kind, int cases, Map<ApproachId, Map<MetricId, Double>> metrics) {
  /** What a slice selects. */
  public enum Kind {
    ALL,
    TASK,
    TAG
  }

  /** The approaches with the best score (several on a tie) and the lead over the next best (0 on a tie). */
  public record Winner(List<ApproachId> leaders, double margin) {
    public Winner {
      leaders = List.copyOf(leaders);
    }

    public boolean tie() {
      return leaders.size() > 1;
    }
  }

  public Slice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    EnumMap<ApproachId, Map<MetricId, Double>> copy = new EnumMap<>(ApproachId.class);
    metrics.forEach((a, m) -> copy.put(a, Collections.unmodifiableMap(new EnumMap<>(m))));
    metrics = Collections.unmodifiableMap(copy);
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

  /** The winner on {@link MetricId#SCORE}. */
  public Optional<Winner> winner() {
    List<ApproachId> best = best(MetricId.SCORE);
    if (best.isEmpty()) {
      return Optional.empty();
    }
    if (best.size() > 1) {
      return Optional.of(new Winner(best, 0));
    }
    double top = metrics.get(best.get(0)).get(MetricId.SCORE);
    double next = metrics.entrySet().stream().filter(e -> e.getKey() != best.get(0))
        .filter(e -> e.getValue().containsKey(MetricId.SCORE))
        .mapToDouble(e -> e.getValue().get(MetricId.SCORE)).max().orElse(top);
    return Optional.of(new Winner(best, top - next));
  }

  private static long rounded(double v) {
    return Math.round(v * 10_000);
  }
}
