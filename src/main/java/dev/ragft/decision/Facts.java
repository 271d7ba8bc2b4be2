package dev.ragft.decision;

import dev.ragft.framework.Condition;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers plus what the evidence says of exactly these answers, as rules test them. What-if
 * varies the answers; {@link #with} re-asks the evidence, so every alternative is judged by its
 * own estimates.
 */
record Facts(Answers answers, Evidence evidence, Estimate estimate, double cheaperBy) implements Condition.AnswerLookup {
  static Facts of(Answers answers, Evidence evidence, double cheaperBy) {
    return new Facts(answers, evidence, evidence.of(answers), cheaperBy);
  }

  @Override
  public Optional<String> choice(String questionId) {
    return answers.choice(questionId);
  }

  @Override
  public OptionalLong number(String questionId) {
    return answers.number(questionId);
  }

  @Override
  public boolean estimated(String key, String approach) {
    return key.equals(Condition.LATENCY_BUDGET) ? estimate.overBudget(approach) : estimate.cheapest(approach, cheaperBy);
  }

  Facts with(String questionId, Answer answer) {
    return of(answers.with(questionId, answer), evidence, cheaperBy);
  }
}
