package dev.ragft.framework;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A test on one answer, used by rules, warnings and situations ("task is lookup or synthesis"). */
public sealed interface Condition permits Condition.ChoiceIn, Condition.NumberIn, Condition.FloorRelative, Condition.Estimated {
  String question();

  /** Whether the answer matches; an unanswered optional question matches nothing. */
  boolean matches(AnswerLookup answers);

  /** The condition as a reader says it: "task is lookup or synthesis", "training-pairs < 1,000". */
  String describe();

  /** The keys under {@code when} that test evidence rather than an answer. */
  String LATENCY_BUDGET = "overLatencyBudget";

  String CHEAPEST = "cheapestOver12Months";

  List<String> EVIDENCE_KEYS = List.of(LATENCY_BUDGET, CHEAPEST);

  /** Read-only view of answers; kept here so conditions do not depend on the engine. */
  interface AnswerLookup {
    Optional<String> choice(String questionId);

    OptionalLong number(String questionId);

    /**
     * What the evidence says of an approach under an evidence key ({@link #LATENCY_BUDGET}, {@link
     * #CHEAPEST}); false without estimates (and, for cost, without a volume).
     */
    default boolean estimated(String key, String approach) {
      return false;
    }
  }

  /**
   * A number against its question's floor, which depends on other answers (the pairs a fine-tune
   * of this task needs): {@code below} holds under the floor, otherwise at or above it.
   */
  record FloorRelative(String question, Floor floor, boolean below) implements Condition {
    @Override
    public boolean matches(AnswerLookup answers) {
      OptionalLong v = answers.number(question);
      return v.isPresent() && (v.getAsLong() < floor.of(answers)) == below;
    }

    /** How far the answer is from the floor (0 when at or above it). */
    public long shortfall(AnswerLookup answers) {
      return Math.max(0, floor.of(answers) - answers.number(question).orElse(0));
    }

    @Override
    public String describe() {
      return question + (below ? " below" : " at or above") + " the floor for the " + floor.byQuestion();
    }
  }

  /**
   * Evidence, not an answer: holds when the cost model (or a bench run) says {@code key} of any
   * of these approaches: {@link #LATENCY_BUDGET}, expected over the use case's latency budget;
   * {@link #CHEAPEST}, expected to cost clearly the least over 12 months.
   */
  record Estimated(String key, List<String> approaches) implements Condition {
    public Estimated {
      approaches = List.copyOf(approaches);
      if (!EVIDENCE_KEYS.contains(key)) {
        throw new IllegalArgumentException("not an evidence key: " + key);
      }
    }

    @Override
    public String question() {
      return key;
    }

    @Override
    public boolean matches(AnswerLookup answers) {
      for (String approach : approaches) {
        if (answers.estimated(key, approach)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String describe() {
      return String.join(" or ", approaches) + (key.equals(LATENCY_BUDGET) ? " is expected to miss the latency budget"
          : " is expected to cost clearly the least over 12 months");
    }
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

    @Override
    public String describe() {
      return question + " is " + String.join(" or ", choices);
    }
  }

  /** Number in [atLeast, below); {@code below} is Long.MAX_VALUE when there is no upper bound. */
  record NumberIn(String question, long atLeast, long below) implements Condition {
    @Override
    public boolean matches(AnswerLookup answers) {
      OptionalLong v = answers.number(question);
      return v.isPresent() && v.getAsLong() >= atLeast && v.getAsLong() < below;
    }

    @Override
    public String describe() {
      String from = atLeast > 0 ? question + " >= " + String.format(java.util.Locale.ROOT, "%,d", atLeast) : "";
      String to = below != Long.MAX_VALUE ? question + " < " + String.format(java.util.Locale.ROOT, "%,d", below) : "";
      return from.isEmpty() ? to : to.isEmpty() ? from : from + " and " + to;
    }
  }
}
