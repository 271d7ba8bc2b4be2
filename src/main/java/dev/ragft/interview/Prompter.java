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

  /**
   * Before the questions: the use case's name, {@code suggested} when the user gives none. A
   * script is never asked (its lines answer the framework's questions only): it keeps the name.
   */
  default NameReply askName(String suggested) {
    return new KeepName();
  }

  /**
   * Before the questions, when drafts of earlier interviews are in the working folder: continue
   * one of them, or start afresh. A script is never asked: it starts afresh.
   */
  default ResumeReply offerResume(List<DraftOffer> drafts) {
    return new StartAfresh();
  }

  /**
   * One question as asked: its place among the required questions ("2 of 5"; {@code number} 0 for
   * an optional question), the earlier answer to preselect, and whether back is possible.
   */
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

  /**
   * Ctrl-C or Ctrl-D on a terminal: stop, keeping every answer given so far, and {@code pending},
   * a valid answer typed at the current question but not yet confirmed with Enter.
   */
  record Interrupted(Optional<Answer> pending) implements Reply, ReviewReply, SaveReply, NameReply, ResumeReply {
    public Interrupted {
      Objects.requireNonNull(pending, "pending");
    }

    public Interrupted() {
      this(Optional.empty());
    }
  }

  /** What the user did when asked for the use case's name. */
  sealed interface NameReply permits Named, KeepName, Interrupted {}

  record Named(String name) implements NameReply {
    public Named {
      Objects.requireNonNull(name, "name");
    }
  }

  /** No name typed: the use case keeps the one it has. */
  record KeepName() implements NameReply {}

  /** A draft in the working folder, as offered: its file and how far it got. */
  record DraftOffer(String path, String name, int answered, int total) {
    public DraftOffer {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name");
    }
  }

  /** What the user did with the offer to continue a draft. */
  sealed interface ResumeReply permits ResumeFrom, StartAfresh, Interrupted {}

  record ResumeFrom(String path) implements ResumeReply {
    public ResumeFrom {
      Objects.requireNonNull(path, "path");
    }
  }

  record StartAfresh() implements ResumeReply {}

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
