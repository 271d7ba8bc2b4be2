package dev.ragft.advice;

import dev.ragft.decision.Answers;
import dev.ragft.decision.Grouped;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Numbers beyond what the framework treats as plausible (its {@code plausibleMax}): accepted, since
 * a tool should not refuse a real outlier, but named, since a typo priced in exact dollars reads
 * as a fact.
 */
final class Plausibility {
  private Plausibility() {}

  static List<Warning> warnings(Framework framework, Answers answers) {
    List<Warning> out = new ArrayList<>();
    for (Question q : framework.questions()) {
      if (q instanceof Question.NumberQuestion nq) {
        OptionalLong v = answers.number(q.id());
        if (v.isPresent() && v.getAsLong() > nq.plausibleMax()) {
          out.add(new Warning("implausible-" + q.id(), q.label() + ": " + Grouped.of(v.getAsLong())
              + (nq.unit().isEmpty() ? "" : " " + nq.unit()) + " is more than the " + Grouped.of(nq.plausibleMax())
              + " this framework treats as plausible; check for a typo. The figures below use the number as given."));
        }
      }
    }
    return out;
  }
}
