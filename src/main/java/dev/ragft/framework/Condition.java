package dev.ragft.framework;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A test on one answer, used by rules, warnings and situations ("task is lookup or synthesis"). */
public sealed interface Condition permits Condition.ChoiceIn, Condition.NumberIn, Condition.FloorRelative, Condition.OverLatencyBudget,
        Condition.CheapestOver12Months {
  String question();

  /** Whether the answer matches; an unanswered optional question matches nothing. */
  boolean matches(AnswerLookup answers);

  /** The condition as a reader says it: "task is lookup or synthesis", "training-pairs < 1,000". */
  String describe();

  /** Read-only view of answers; kept here so conditions do not depend on the engine. */
  interface AnswerLookup {
    Optional<String> choice(String questionId);

    OptionalLong number(String questionId);

    /** Whether the cost model expects {@code approach} to miss the latency budget; false without estimates. */
    default boolean overLatencyBudget(String approach) {
      return false;
    }

    /**
     * Whether the cost model expects {@code approach} to cost clearly the least over 12 months (by
     * the framework's {@code scoring.cheaperBy}); false without estimates or without a volume.
     */
    default boolean cheapestOver12Months(String approach) {
      return false;
    }
  }

  /** The key under {@code when} for {@link CheapestOver12Months}. */
  String CHEAPEST = "cheapestOver12Months";

  /** Evidence, not an answer: holds when the cost model finds one of these approaches clearly cheapest. */
  record CheapestOver12Months(List<String> approaches) implements Condition {
    public CheapestOver12Months {
      approaches = List.copyOf(approaches);
    }

    @Override
    public String question() {
      return CHEAPEST;
    }

    @Override
    public boolean matches(AnswerLookup answers) {
      for (String approach : approaches) {
        if (answers.cheapestOver12Months(approach)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String describe() {
      return String.join(" or ", approaches) + " is expected to cost clearly the least over 12 months";
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

  /** The key under {@code when} for {@link OverLatencyBudget}, and the pseudo-question drivers name. */
  String LATENCY_BUDGET = "overLatencyBudget";

  /**
   * Evidence, not an answer: holds when the latency estimate of any of these approaches is over
   * the use case's budget (from the price file, or measured by a bench run).
   */
  record OverLatencyBudget(List<String> approaches) implements Condition {
    public OverLatencyBudget {
      approaches = List.copyOf(approaches);
    }

    @Override
    public String question() {
      return LATENCY_BUDGET;
    }

    @Override
    public boolean matches(AnswerLookup answers) {
      // A loop, not a stream: the engine's what-if search calls this hundreds of times at start-up.
      for (String approach : approaches) {
        if (answers.overLatencyBudget(approach)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String describe() {
      return String.join(" or ", approaches) + " is expected to miss the latency budget";
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
