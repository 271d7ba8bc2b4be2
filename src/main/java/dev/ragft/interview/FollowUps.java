package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Band;
import dev.ragft.framework.Effects;
import dev.ragft.framework.Floor;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.framework.Scale;
import dev.ragft.usecase.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Questions the interview asks beside the framework's, after them (so a script written for the
 * framework's questions still reads the same lines): whether the use case has a latency budget of
 * its own ({@code latency-budget-ms}, the field beside the
 * answers in a use-case file). Optional: left empty, the latency answer's default applies. The
 * answers the interview collects hold it like any other; {@link #answers} and {@link #budget}
 * split it off again for the engine and the file.
 */
public final class FollowUps {
  private FollowUps() {}

  static final Question.NumberQuestion LATENCY_BUDGET = new Question.NumberQuestion(
      Terms.LATENCY_BUDGET,
      "Latency budget",
      "Does this use case have a latency budget of its own, in milliseconds to the first words?",
      "A budget stricter (or looser) than the latency answer's default: a 300 ms in-CRM autocomplete, a"
          + " voice turn that must start in 500 ms. Leave it empty to use the default for the latency"
          + " answer (real time 800 ms, interactive 1 s). The cost table checks each approach against it.",
      false,
      "ms",
      new Scale.Bands(List.of(new Band(0, Long.MAX_VALUE, "any", new Effects(Map.of()), ""))),
      Floor.NONE,
      3_600_000);

  /** The framework's questions, then the follow-ups. */
  public static List<Question> questions(Framework f) {
    List<Question> out = new ArrayList<>(f.questions());
    if (f.question(LATENCY_BUDGET.id()).isEmpty()) {
      out.add(LATENCY_BUDGET);
    }
    return out;
  }

  /** Whether {@code id} names a follow-up rather than a framework question. */
  public static boolean isFollowUp(String id) {
    return id.equals(LATENCY_BUDGET.id());
  }

  /** The answers to the framework's questions alone, for the engine. */
  public static Answers answers(Answers all) {
    Map<String, Answer> out = new LinkedHashMap<>(all.values());
    out.remove(LATENCY_BUDGET.id());
    return new Answers(out);
  }

  /** The use case's own latency budget, when one was given (0 counts as none). */
  public static OptionalLong budget(Answers all) {
    OptionalLong n = all.number(LATENCY_BUDGET.id());
    return n.isPresent() && n.getAsLong() > 0 ? n : OptionalLong.empty();
  }
}
