package dev.ragft.framework;

import java.util.List;

/** A tension worth telling the reader about when its conditions hold. */
public record WarningRule(String id, List<Condition> when, String message) {
  public WarningRule {
    when = List.copyOf(when);
  }

  public boolean matches(Condition.AnswerLookup answers) {
    return when.stream().allMatch(c -> c.matches(answers));
  }
}
