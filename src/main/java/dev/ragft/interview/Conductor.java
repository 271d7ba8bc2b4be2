package dev.ragft.interview;

import dev.ragft.decision.Answers;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs an {@link Interview} over a {@link Prompter}: asks what the state asks for, applies what
 * the user did, until the answers are confirmed or the user stops. Never loses an answer: an
 * interrupted run returns the state it reached.
 */
public final class Conductor {
  private Conductor() {}

  /** How an interview ended. */
  public sealed interface Outcome permits Completed, Stopped, EndedEarly {}

  /** Every question answered and confirmed. */
  public record Completed(Answers answers) implements Outcome {}

  /** The user pressed Ctrl-C or Ctrl-D; {@code state} holds every answer given so far. */
  public record Stopped(Interview state) implements Outcome {}

  /** The input ended before {@code unanswered}, a required question, had an answer. */
  public record EndedEarly(Interview state, Question unanswered) implements Outcome {
    public EndedEarly {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(unanswered, "unanswered");
    }
  }

  public static Outcome run(Interview start, Prompter prompter) {
    return run(start, prompter, state -> {});
  }

  /**
   * As {@link #run(Interview, Prompter)}, telling {@code progress} every state reached, so that a
   * caller can still save a draft when the process is stopped from outside (a signal, a closed
   * terminal).
   */
  public static Outcome run(Interview start, Prompter prompter, Consumer<Interview> progress) {
    Interview s = start;
    progress.accept(s);
    while (!s.confirmed()) {
      if (s.step() instanceof Interview.Reviewing) {
        Prompter.ReviewReply r = prompter.review(review(s));
        if (r instanceof Prompter.Interrupted) {
          return new Stopped(s);
        }
        s = r instanceof Prompter.Change c ? s.change(c.index()) : r instanceof Prompter.Back ? s.back() : s.confirm();
        progress.accept(s);
        continue;
      }
      Question q = s.question();
      Prompter.Reply r = prompter.ask(new Prompter.Ask(q, s.requiredNumber(), s.requiredTotal(), s.answer(q), s.canGoBack()));
      if (r instanceof Prompter.Answered a) {
        s = s.answer(a.answer());
      } else if (r instanceof Prompter.Skipped) {
        s = s.skip();
      } else if (r instanceof Prompter.Back) {
        s = s.back();
      } else if (r instanceof Prompter.Interrupted i) {
        // A number typed but not confirmed when the user stopped still goes to the draft.
        return new Stopped(i.pending().isPresent() ? s.answer(i.pending().get()) : s);
      } else if (q.required()) {
        return new EndedEarly(s, q);
      } else {
        s = s.skip(); // the end of a script at an optional question leaves it unanswered
      }
      progress.accept(s);
    }
    return new Completed(s.answers());
  }

  static Prompter.Review review(Interview s) {
    List<Prompter.Row> rows = new ArrayList<>();
    for (Question q : s.questions()) {
      rows.add(new Prompter.Row(q, s.answer(q)));
    }
    return new Prompter.Review(rows);
  }
}
