package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an interview stands: the framework's questions, the answers given so far and the current
 * step. Immutable: every move returns the next state, so the flow is tested without a terminal
 * and an interrupted interview is simply the last state reached.
 *
 * <p>The steps: asking question {@code i} (on the way through, or to change one answer from the
 * review), reviewing all answers, confirmed.
 */
public final class Interview {
  /** The closed set of steps. */
  public sealed interface Step permits Asking, Reviewing, Confirmed {}

  /** Asking question {@code index}; {@code fromReview} when the user is changing one answer. */
  public record Asking(int index, boolean fromReview) implements Step {}

  /** Showing every answer, with the chance to change one before confirming. */
  public record Reviewing() implements Step {}

  /** The answers are confirmed; the interview is over. */
  public record Confirmed() implements Step {}

  private final List<Question> questions;
  private final Map<String, Answer> answers;
  /** Optional questions the user left without an answer: not asked again on resuming. */
  private final java.util.Set<String> skipped;
  private final Step step;

  private Interview(List<Question> questions, Map<String, Answer> answers, java.util.Set<String> skipped, Step step) {
    this.questions = questions;
    this.answers = answers;
    this.skipped = skipped;
    this.step = step;
  }

  /** A new interview at the first question. */
  public static Interview start(List<Question> questions) {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("an interview needs at least one question");
    }
    return new Interview(List.copyOf(questions), Map.of(), java.util.Set.of(), new Asking(0, false));
  }

  /**
   * Continues an interview from answers given earlier (a draft): at the first unanswered
   * question, or at the review when every question has an answer.
   */
  public static Interview resume(List<Question> questions, Answers given) {
    return resume(questions, given, java.util.Set.of());
  }

  /**
   * As {@link #resume(List, Answers)}, where the optional questions {@code skipped} were left
   * unanswered on purpose: they are not asked again (the review still offers to change them).
   */
  public static Interview resume(List<Question> questions, Answers given, java.util.Set<String> skipped) {
    Interview s = start(questions);
    Map<String, Answer> copy = new LinkedHashMap<>();
    java.util.Set<String> left = new java.util.LinkedHashSet<>();
    for (Question q : s.questions) {
      Optional<Answer> a = given.get(q.id());
      if (a.isPresent()) {
        check(q, a.get());
        copy.put(q.id(), a.get());
      } else if (skipped.contains(q.id()) && !q.required()) {
        left.add(q.id());
      }
    }
    Interview withAnswers = new Interview(s.questions, Map.copyOf(copy), java.util.Set.copyOf(left), s.step);
    Step at = withAnswers.firstUnanswered()
        .<Step>map(q -> new Asking(s.questions.indexOf(q), false))
        .orElse(new Reviewing());
    return new Interview(s.questions, withAnswers.answers, withAnswers.skipped, at);
  }

  public Step step() {
    return step;
  }

  public List<Question> questions() {
    return questions;
  }

  /** The question being asked. */
  public Question question() {
    return questions.get(asking().index());
  }

  /** The current question's number, from 1 ("2 of 6"). */
  public int number() {
    return asking().index() + 1;
  }

  public int total() {
    return questions.size();
  }

  /**
   * The current question's number among the required ones, from 1 ("2 of 5"), or 0 for an
   * optional question: a framework of five questions and an optional one is asked as five.
   */
  public int requiredNumber() {
    Question q = question();
    return q.required() ? (int) questions.subList(0, asking().index() + 1).stream().filter(Question::required).count() : 0;
  }

  /** How many questions must be answered. */
  public int requiredTotal() {
    return (int) questions.stream().filter(Question::required).count();
  }

  /** The optional questions left without an answer on purpose, in the framework's order. */
  public List<String> skipped() {
    return questions.stream().map(Question::id).filter(skipped::contains).toList();
  }

  /** The answer given to {@code q}, if any (preselected when the question is asked again). */
  public Optional<Answer> answer(Question q) {
    return Optional.ofNullable(answers.get(q.id()));
  }

  /** Every answer given so far, in the framework's question order. */
  public Answers answers() {
    Map<String, Answer> ordered = new LinkedHashMap<>();
    for (Question q : questions) {
      if (answers.containsKey(q.id())) {
        ordered.put(q.id(), answers.get(q.id()));
      }
    }
    return new Answers(ordered);
  }

  /** The first question, in order, that has no answer yet and was not skipped. */
  public Optional<Question> firstUnanswered() {
    return questions.stream().filter(q -> !answers.containsKey(q.id()) && !skipped.contains(q.id())).findFirst();
  }

  /** Whether {@link #back()} would move: not at the very first question. */
  public boolean canGoBack() {
    return !(step instanceof Asking a) || a.index() > 0 || a.fromReview();
  }

  /** Answers the current question and moves on: to the next question, or to the review. */
  public Interview answer(Answer a) {
    Asking at = asking();
    Question q = questions.get(at.index());
    check(q, a);
    Map<String, Answer> copy = new LinkedHashMap<>(answers);
    copy.put(q.id(), a);
    java.util.Set<String> left = new java.util.HashSet<>(skipped);
    left.remove(q.id());
    return new Interview(questions, Map.copyOf(copy), java.util.Set.copyOf(left), next(at));
  }

  /** Leaves an optional question without an answer (removing an earlier one) and moves on. */
  public Interview skip() {
    Asking at = asking();
    Question q = questions.get(at.index());
    if (q.required()) {
      throw new IllegalStateException(q.id() + " is required and cannot be skipped");
    }
    Map<String, Answer> copy = new LinkedHashMap<>(answers);
    copy.remove(q.id());
    java.util.Set<String> left = new java.util.HashSet<>(skipped);
    left.add(q.id());
    return new Interview(questions, Map.copyOf(copy), java.util.Set.copyOf(left), next(at));
  }

  /**
   * One step back: to the previous question (its answer kept, to be preselected); from a change
   * started at the review, back to the review unchanged; from the review, to the last question.
   * At the first question there is nothing before it, and the state stays as it is.
   */
  public Interview back() {
    if (step instanceof Reviewing) {
      return at(new Asking(questions.size() - 1, false));
    }
    Asking at = asking();
    if (at.fromReview()) {
      return at(new Reviewing());
    }
    return at.index() == 0 ? this : at(new Asking(at.index() - 1, false));
  }

  /** From the review: asks question {@code index} again, then returns to the review. */
  public Interview change(int index) {
    if (!(step instanceof Reviewing)) {
      throw new IllegalStateException("answers are changed from the review, not at " + step);
    }
    Objects.checkIndex(index, questions.size());
    return at(new Asking(index, true));
  }

  /** From the review: the answers are final. Every required question must have an answer. */
  public Interview confirm() {
    if (!(step instanceof Reviewing)) {
      throw new IllegalStateException("answers are confirmed from the review, not at " + step);
    }
    for (Question q : questions) {
      if (q.required() && !answers.containsKey(q.id())) {
        throw new IllegalStateException("cannot confirm without an answer to " + q.id());
      }
    }
    return at(new Confirmed());
  }

  public boolean confirmed() {
    return step instanceof Confirmed;
  }

  private Step next(Asking at) {
    if (at.fromReview() || at.index() + 1 == questions.size()) {
      return new Reviewing();
    }
    return new Asking(at.index() + 1, false);
  }

  private Interview at(Step s) {
    return new Interview(questions, answers, skipped, s);
  }

  private Asking asking() {
    if (step instanceof Asking a) {
      return a;
    }
    throw new IllegalStateException("no question is being asked at " + step);
  }

  /** An answer of the wrong kind or an unknown choice is a defect of the caller, not user input. */
  private static void check(Question q, Answer a) {
    if (q instanceof Question.ChoiceQuestion cq) {
      if (!(a instanceof Answer.ChoiceAnswer c) || cq.choice(c.id()).isEmpty()) {
        throw new IllegalArgumentException(q.id() + ": not one of its choices: " + a.value());
      }
    } else if (!(a instanceof Answer.NumberAnswer)) {
      throw new IllegalArgumentException(q.id() + ": expected a number, got " + a.value());
    }
  }

  @Override
  public String toString() {
    return "Interview[" + step + ", " + answers().values() + "]";
  }
}
