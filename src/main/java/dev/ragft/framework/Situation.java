package dev.ragft.framework;

import java.util.List;

/** A "where it wins" situation: an approach's known strength, recognised from the answers. */
public record Situation(String id, String approach, String title, String description, List<Condition> when) {
  public Situation {
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
