package dev.ragft.framework;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A test on one answer, used by rules, warnings and situations ("task is lookup or synthesis"). */
public sealed interface Condition permits Condition.ChoiceIn, Condition.NumberIn {
  String question();

  /** Whether the answer matches; an unanswered optional question matches nothing. */
  boolean matches(AnswerLookup answers);

  /** Read-only view of answers; kept here so conditions do not depend on the engine. */
  interface AnswerLookup {
    Optional<String> choice(String questionId);

    OptionalLong number(String questionId);
  }

  record ChoiceIn(String question, List<String> choices) implements Condition {
    public ChoiceIn {
      choices = List.copyOf(choices);
    }

    @Override
    public boolean matches(AnswerLookup answers) {
      Optional<String> given = answers.choice(question);
      return given.isPresent() && choices.contains(given.get());
    }
  }

  /** Number in [atLeast, below); {@code below} is Long.MAX_VALUE when there is no upper bound. */
  record NumberIn(String question, long atLeast, long below) implements Condition {
    @Override
    public boolean matches(AnswerLookup answers) {
      OptionalLong v = answers.number(question);
      return v.isPresent() && v.getAsLong() >= atLeast && v.getAsLong() < below;
    }
  }
}
