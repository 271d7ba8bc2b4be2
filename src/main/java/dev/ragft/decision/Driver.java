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
    return effects.values().stream().mapToInt(Math::abs).max().orElse(0);
  }
}
