package dev.ragft.framework;

import java.util.Map;

/**
 * How scores start and how sure the engine is. {@code baseline} is each approach's score before
 * any answer; {@code fullConfidenceMargin} is the lead in points at which confidence reaches 1;
 * {@code foundation} is the approach no gate may exclude, so that some approach always remains.
 */
public record Scoring(Map<String, Integer> baseline, int fullConfidenceMargin, String foundation) {
  public Scoring {
    // Insertion order is the framework's approach order; reports rely on it being stable.
    baseline = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baseline));
  }
}
