package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.framework.Choice;
import dev.ragft.framework.Question;
import java.util.Optional;

/** An answer as a person reads it: a choice's label, a number with separators and its unit. */
public final class AnswerText {
  private AnswerText() {}

  public static String show(Question q, Optional<Answer> a) {
    if (a.isEmpty()) {
      return q.required() ? "not answered" : "skipped";
    }
    Answer answer = a.get();
    if (q instanceof Question.ChoiceQuestion cq && answer instanceof Answer.ChoiceAnswer c) {
      return cq.choice(c.id()).map(Choice::label).orElse(c.id());
    }
    if (q instanceof Question.NumberQuestion nq && answer instanceof Answer.NumberAnswer n) {
      return nq.unit().isEmpty() ? n.grouped() : n.grouped() + " " + nq.unit();
    }
    return answer.value();
  }
}
