package dev.ragft.framework;

import java.util.List;

/**
 * A rule that fires when all its conditions hold. It may add points ({@code effects}), and as a
 * gate it may exclude approaches from being recommended now; {@code laterPhases} are appended to
 * the rollout when it fires (the deferred fine-tune phase), and {@code warning} is shown when the
 * exclusion changed the outcome.
 */
public record Rule(
    String id,
    List<Condition> when,
    Effects effects,
    List<String> excludes,
    String reason,
    String warning,
    List<Phase> laterPhases) {
  public Rule {
    when = List.copyOf(when);
    excludes = List.copyOf(excludes);
    laterPhases = List.copyOf(laterPhases);
  }

  public boolean matches(Condition.AnswerLookup answers) {
    for (Condition c : when) {
      if (!c.matches(answers)) {
        return false;
      }
    }
    return true;
  }
}
