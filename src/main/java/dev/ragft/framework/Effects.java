package dev.ragft.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Points for (positive) and against (negative) each approach, in the framework's approach order. */
public record Effects(Map<String, Integer> points) {
  public Effects {
    points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
  }

  /** Effects over {@code approachIds}, taking 0 for an approach {@code given} does not name. */
  public static Effects of(List<String> approachIds, Map<String, Integer> given) {
    Map<String, Integer> all = new LinkedHashMap<>();
    for (String a : approachIds) {
      all.put(a, given.getOrDefault(a, 0));
    }
    return new Effects(all);
  }

  public int on(String approachId) {
    return points.getOrDefault(approachId, 0);
  }

  public boolean isZero() {
    return points.values().stream().allMatch(v -> v == 0);
  }

  /** The largest absolute effect, used to order drivers by how much they matter. */
  public int magnitude() {
    return points.values().stream().mapToInt(Math::abs).max().orElse(0);
  }
}
