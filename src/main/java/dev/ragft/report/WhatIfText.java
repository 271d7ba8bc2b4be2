package dev.ragft.report;

import dev.ragft.decision.Grouped;
import dev.ragft.decision.WhatIf;
import dev.ragft.framework.Choice;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A what-if as a reader reads it: "If Latency were Real time (< 800 ms) instead of Interactive
 * (~2 s), the recommendation would be Hybrid." Choice labels carry their own parentheses, so the
 * answer now is said with "instead of", never in parentheses of its own around them.
 */
public final class WhatIfText {
  private WhatIfText() {}

  public static String of(WhatIf w, Framework f) {
    List<String> phrases = new ArrayList<>();
    for (WhatIf.Change c : w.changes()) {
      Optional<Question> q = f.question(c.question());
      String label = q.map(Question::label).orElse(c.question());
      String now = c.from().isEmpty() ? "no answer" : q.map(x -> value(x, c.from())).orElse(c.from());
      phrases.add(label + " were " + q.map(x -> target(x, c)).orElse(c.to()) + " instead of " + now);
    }
    return "If " + String.join(" and ", phrases) + ", the recommendation would be " + f.approachName(w.approach()) + ".";
  }

  /** The answer the change is to: a choice's label, or a band's edge ("1,000 or more"). */
  private static String target(Question q, WhatIf.Change c) {
    if (q instanceof Question.NumberQuestion n) {
      long to = Long.parseLong(c.to());
      boolean up = c.from().isEmpty() || to > Long.parseLong(c.from());
      return Grouped.of(to) + (up ? " or more" : " or fewer") + unit(n);
    }
    return value(q, c.to());
  }

  private static String value(Question q, String answer) {
    if (q instanceof Question.ChoiceQuestion cq) {
      return cq.choice(answer).map(Choice::label).orElse(answer);
    }
    try {
      return Grouped.of(Long.parseLong(answer));
    } catch (NumberFormatException notANumber) {
      return answer;
    }
  }

  /** "Training pairs were 1,000 or more", not "... or more pairs": the label already says it. */
  private static String unit(Question.NumberQuestion n) {
    boolean saysUnit = n.unit().isEmpty() || n.label().toLowerCase(Locale.ROOT).contains(n.unit().toLowerCase(Locale.ROOT));
    return saysUnit ? "" : " " + n.unit();
  }
}
