package dev.ragft.framework;

import java.util.List;

/** A tension worth telling the reader about when its conditions hold. */
public record WarningRule(String id, List<Condition> when, String message) {
  public WarningRule {
    when = List.copyOf(when);
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
