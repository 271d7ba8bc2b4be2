package dev.ragft.framework;

import java.util.Map;

/**
 * How much a measured win counts: {@code pointsPerMarginPoint} points per hundredth of margin
 * (a 0.08 lead in token F1 is 8 margin points), times the slice's weight, times {@code
 * proxyFactor} when the winner was an offline proxy, capped at {@code cap} per slice. A slice the
 * framework does not list counts nothing; {@code speaksTo} names the question whose answer the
 * slice tests (changed-after-training speaks to freshness). {@link #NONE}: evidence moves nothing.
 */
public record EvidenceWeights(double pointsPerMarginPoint, int cap, double proxyFactor, Map<String, Slice> slices) {
  public static final EvidenceWeights NONE = new EvidenceWeights(0, 0, 0, Map.of());

  public EvidenceWeights {
    slices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slices));
  }

  /** One slice's weight and the question it speaks to ("" for the whole evaluation set). */
  public record Slice(double weight, String speaksTo) {}

  /** The points a win earns its approach; 0 for a tie within noise or a slice not listed. */
  public int points(String slice, double margin, boolean significant, boolean proxy) {
    Slice s = slices.get(slice);
    if (!significant || s == null) {
      return 0;
    }
    double p = margin * 100 * pointsPerMarginPoint * s.weight() * (proxy ? proxyFactor : 1);
    return (int) Math.min(cap, Math.round(p));
  }
}
