package dev.ragft.decision;

import java.util.Map;

/**
 * One contribution to the scores, traced to where it came from: the question(s) and answer(s),
 * and the framework element ({@code rule}) that says what they are worth.
 */
public record Driver(String rule, String question, String answer, Map<String, Integer> effects, String reason) {
  public Driver {
    effects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effects));
  }

  public int on(String approach) {
    return effects.getOrDefault(approach, 0);
  }

  public int magnitude() {
    // A plain loop: the engine sorts drivers by this, so it runs many times per assessment.
    int max = 0;
    for (int v : effects.values()) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
