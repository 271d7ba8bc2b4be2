package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.framework.Question;
import dev.ragft.input.Location;
import dev.ragft.input.NodeReader;
import dev.ragft.usecase.AnswerReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a user typed into an answer: a choice's id or its number in the list, or a whole
 * number written as 12000, 12,000 or 12k. The checks and messages are {@link AnswerReader}'s, so
 * a typo reads the same in the interview as in a use-case file.
 */
public final class AnswerParser {
  private static final Location TYPED = Location.ofFile("typed");

  private final AnswerReader reader;

  public AnswerParser(AnswerReader reader) {
    this.reader = reader;
  }

  /** The outcome of reading one typed line. */
  public sealed interface Parsed permits Ok, Skip, Invalid {}

  public record Ok(Answer answer) implements Parsed {}

  /** An empty line for an optional question. */
  public record Skip() implements Parsed {}

  /** What is wrong, in a sentence that names the question and the valid answers. */
  public record Invalid(String message) implements Parsed {
    public Invalid {
      Objects.requireNonNull(message, "message");
    }
  }

  public Parsed parse(Question q, String typed) {
    String text = typed.strip();
    if (text.isEmpty()) {
      return q.required()
          ? new Invalid(q.id() + ": no answer; expected " + expected(q))
          : new Skip();
    }
    if (q instanceof Question.ChoiceQuestion cq && cq.choice(text).isEmpty() && text.chars().allMatch(Character::isDigit)) {
      // An id always wins over a number, in case a framework uses digits as choice ids.
      int n = text.length() > 6 ? -1 : Integer.parseInt(text);
      List<String> ids = cq.choiceIds();
      if (n >= 1 && n <= ids.size()) {
        return new Ok(new Answer.ChoiceAnswer(ids.get(n - 1)));
      }
    }
    NodeReader problems = new NodeReader();
    Optional<Answer> a = reader.answer(q, new AnswerReader.Raw(q.id(), text, TYPED, TYPED), problems);
    if (a.isPresent()) {
      return new Ok(a.get());
    }
    String message = problems.problems().get(0).message();
    return new Invalid(message + numbers(q));
  }

  /** What a valid answer looks like, as {@link AnswerReader} says it, plus numbers for choices. */
  public static String expected(Question q) {
    return AnswerReader.expected(q) + numbers(q);
  }

  private static String numbers(Question q) {
    return q instanceof Question.ChoiceQuestion cq ? " (or its number, 1 to " + cq.choices().size() + ")" : "";
  }
}
