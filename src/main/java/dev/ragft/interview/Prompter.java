package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.framework.Question;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the interview needs from whoever answers it: a terminal with arrow keys, or plain lines of
 * input. A prompter only asks and reports what the user did; {@link Conductor} decides what
 * comes next.
 */
public interface Prompter {

  /** Asks one question until the user gives a valid answer, skips, goes back or stops. */
  Reply ask(Ask ask);

  /** Shows every answer; the user confirms, picks one to change, goes back or stops. */
  ReviewReply review(Review review);

  /**
   * Offers to save the answers as a use-case file: to {@code suggested}, to a path the user
   * types, or not at all (a script is never asked). {@code exists} tells which paths would
   * replace a file, so that the user confirms that first.
   */
  SaveReply offerSave(String suggested, Predicate<String> exists);

  /** One question as asked: its place ("2 of 6"), the earlier answer to preselect, and whether back is possible. */
  record Ask(Question question, int number, int total, Optional<Answer> previous, boolean canGoBack) {
    public Ask {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(previous, "previous");
    }
  }

  /** What the user did with a question. */
  sealed interface Reply permits Answered, Skipped, Back, Interrupted, EndOfInput {}

  record Answered(Answer answer) implements Reply {
    public Answered {
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** Left an optional question empty. */
  record Skipped() implements Reply {}

  record Back() implements Reply, ReviewReply {}

  /** Ctrl-C or Ctrl-D on a terminal: stop, keeping every answer given so far. */
  record Interrupted() implements Reply, ReviewReply, SaveReply {}

  /** The input ended (a script ran out of lines). */
  record EndOfInput() implements Reply {}

  /** Every question with its answer (empty when skipped), for the review. */
  record Review(List<Row> rows) {
    public Review {
      rows = List.copyOf(rows);
    }
  }

  record Row(Question question, Optional<Answer> answer) {
    public Row {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** What the user did at the review. */
  sealed interface ReviewReply permits Confirm, Change, Back, Interrupted {}

  record Confirm() implements ReviewReply {}

  /** Change the answer to the question at {@code index} (from 0). */
  record Change(int index) implements ReviewReply {}

  /** What the user did with the offer to save. */
  sealed interface SaveReply permits SaveTo, Declined, Interrupted {}

  record SaveTo(String path) implements SaveReply {
    public SaveTo {
      Objects.requireNonNull(path, "path");
    }
  }

  record Declined() implements SaveReply {}
}
