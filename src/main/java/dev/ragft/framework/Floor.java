package dev.ragft.framework;

import java.util.Map;
import java.util.Objects;

/**
 * The fewest quality training pairs a fine-tune of a task needs (the framework's reasoning, docs/decisions.md: roughly 1,000 to 50,000,
 * depending on the task): a value per choice of another question ({@code byQuestion}, the task),
 * {@code otherwise} for a choice not named or an unanswered question. {@link #NONE} is a question
 * without a floor.
 */
public record Floor(String byQuestion, long otherwise, Map<String, Long> byChoice) {
  public static final Floor NONE = new Floor("", 0, Map.of());

  public Floor {
    Objects.requireNonNull(byQuestion, "byQuestion");
    byChoice = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byChoice));
    if (otherwise < 0) {
      throw new IllegalArgumentException("a floor cannot be negative: " + otherwise);
    }
  }

  public boolean isNone() {
    return byQuestion.isEmpty() && otherwise == 0;
  }

  /** The floor for these answers. */
  public long of(Condition.AnswerLookup answers) {
    if (byQuestion.isEmpty()) {
      return otherwise;
    }
    return answers.choice(byQuestion).map(c -> byChoice.getOrDefault(c, otherwise)).orElse(otherwise);
  }
}
