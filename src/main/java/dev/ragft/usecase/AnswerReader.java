package dev.ragft.usecase;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.input.Location;
import dev.ragft.input.NodeReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks raw answers (from a file, a CSV row, flags or the interview) against a framework and
 * turns them into {@link Answers}. One reader serves every source, so the same mistake gets the
 * same message everywhere.
 */
public final class AnswerReader {
  private final Framework framework;

  public AnswerReader(Framework framework) {
    this.framework = framework;
  }

  /** An answer as given: its text and where it was written. */
  public record Raw(String question, String text, Location location, Location keyLocation) {}

  /**
   * Reads {@code raw} answers; problems go to {@code problems}; {@code where} locates a missing
   * answer (the answers mapping, a CSV row). Empty when any answer is wrong or missing.
   */
  public Optional<Answers> read(List<Raw> raw, Location where, NodeReader problems) {
    Map<String, Answer> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Raw r : raw) {
      Optional<Question> q = framework.question(r.question());
      if (q.isEmpty()) {
        problems.problem(r.keyLocation(), "unknown question '" + r.question() + "'; expected one of "
            + String.join(", ", framework.questions().stream().map(Question::id).toList()));
        ok = false;
        continue;
      }
      Optional<Answer> a = answer(q.get(), r, problems);
      if (a.isPresent()) {
        values.put(q.get().id(), a.get());
      } else {
        ok = false;
      }
    }
    for (Question q : framework.questions()) {
      boolean given = false;
      for (Raw r : raw) {
        given |= r.question().equals(q.id());
      }
      if (q.required() && !given) {
        problems.problem(where, "missing answer to '" + q.id() + "' (" + q.prompt() + "); expected " + expected(q));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    // Keep the framework's question order, whatever order the file used.
    Map<String, Answer> ordered = new LinkedHashMap<>();
    for (Question q : framework.questions()) {
      if (values.containsKey(q.id())) {
        ordered.put(q.id(), values.get(q.id()));
      }
    }
    return Optional.of(new Answers(ordered));
  }

  /** One answer to one question, or empty after reporting why not. */
  public Optional<Answer> answer(Question q, Raw r, NodeReader problems) {
    String text = r.text().strip();
    if (q instanceof Question.ChoiceQuestion cq) {
      // Any case, as a spreadsheet or a person writes it: Daily, LOOKUP.
      Optional<String> id = cq.choiceIds().stream().filter(c -> c.equalsIgnoreCase(text)).findFirst();
      if (id.isPresent() && cq.choice(id.get()).isPresent()) {
        return Optional.of(new Answer.ChoiceAnswer(id.get()));
      }
      String shown = text.isEmpty() ? "no answer" : "unknown choice '" + text + "'";
      problems.problem(r.location(), q.id() + ": " + shown + "; expected " + expected(q));
      return Optional.empty();
    }
    if (text.isEmpty() && !q.required()) {
      problems.problem(r.location(), q.id() + ": empty; leave the key out if unknown, or give " + expected(q));
      return Optional.empty();
    }
    if (text.isEmpty()) {
      problems.problem(r.location(), q.id() + ": no answer; expected " + expected(q));
      return Optional.empty();
    }
    if (text.startsWith("-") && NumberText.parse(text.substring(1)).isPresent()) {
      problems.problem(r.location(), q.id() + ": " + text + " is negative; expected " + expected(q));
      return Optional.empty();
    }
    OptionalLong n = NumberText.parse(text);
    if (n.isEmpty()) {
      problems.problem(r.location(), q.id() + ": '" + text + "' is not a whole number; expected " + expected(q));
      return Optional.empty();
    }
    return Optional.of(new Answer.NumberAnswer(n.getAsLong()));
  }

  /** What a valid answer looks like, for messages. */
  public static String expected(Question q) {
    if (q instanceof Question.ChoiceQuestion cq) {
      return "one of " + String.join(", ", cq.choiceIds());
    }
    return "a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)";
  }
}
