package dev.ragft.interview;

import static dev.ragft.interview.InterviewTest.QUESTIONS;
import static dev.ragft.interview.InterviewTest.choice;
import static dev.ragft.interview.InterviewTest.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.decision.Answer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ConductorTest {
  /** A prompter that plays back replies and records what it was asked. */
  static final class Recorded implements Prompter {
    final Deque<Object> replies;
    final List<Object> asked = new ArrayList<>();

    Recorded(Object... replies) {
      this.replies = new ArrayDeque<>(List.of(replies));
    }

    @Override
    public Reply ask(Ask ask) {
      asked.add(ask);
      return (Reply) replies.pop();
    }

    @Override
    public ReviewReply review(Review review) {
      asked.add(review);
      return (ReviewReply) replies.pop();
    }

    @Override
    public SaveReply offerSave(String suggested, Predicate<String> exists) {
      throw new AssertionError("the conductor never offers to save");
    }
  }

  static Prompter.Answered a(Answer answer) {
    return new Prompter.Answered(answer);
  }

  @Test
  void asksEveryQuestionInOrderThenTheReviewAndCompletes() {
    Recorded p = new Recorded(a(choice("daily")), a(choice("lookup")), a(choice("high")), a(number(0)),
        a(choice("batch")), new Prompter.Skipped(), new Prompter.Confirm());
    Conductor.Outcome o = Conductor.run(Interview.start(QUESTIONS), p);
    assertThat(o).isInstanceOf(Conductor.Completed.class);
    assertThat(((Conductor.Completed) o).answers().values()).hasSize(5).doesNotContainKey("volume");
    Prompter.Ask second = (Prompter.Ask) p.asked.get(1);
    assertThat(second.question().id()).isEqualTo("task");
    assertThat(second.number()).isEqualTo(2);
    assertThat(second.total()).as("the required questions: volume is extra").isEqualTo(5);
    Prompter.Ask volume = (Prompter.Ask) p.asked.get(5);
    assertThat(volume.number()).as("an optional question is not counted").isZero();
    assertThat(second.canGoBack()).isTrue();
    assertThat(((Prompter.Ask) p.asked.get(0)).canGoBack()).isFalse();
    Prompter.Review review = (Prompter.Review) p.asked.get(6);
    assertThat(review.rows()).hasSize(6);
    assertThat(review.rows().get(5).answer()).isEmpty();
  }

  @Test
  void backAsksThePreviousQuestionWithItsAnswerPreselected() {
    Recorded p = new Recorded(a(choice("daily")), new Prompter.Back(), new Prompter.Interrupted());
    Conductor.run(Interview.start(QUESTIONS), p);
    Prompter.Ask again = (Prompter.Ask) p.asked.get(2);
    assertThat(again.question().id()).isEqualTo("freshness");
    assertThat(again.previous()).contains(choice("daily"));
  }

  @Test
  void aChangeFromTheReviewAsksThatQuestionThenReviewsAgain() {
    Recorded p = new Recorded(new Prompter.Change(0), a(choice("static")), new Prompter.Confirm());
    Interview review = InterviewTest.atVolume().skip();
    Conductor.Completed o = (Conductor.Completed) Conductor.run(review, p);
    assertThat(o.answers().get("freshness")).contains(choice("static"));
    assertThat(p.asked).hasSize(3).last().isInstanceOf(Prompter.Review.class);
  }

  @Test
  void anInterruptionKeepsEveryAnswerGivenSoFar() {
    Recorded p = new Recorded(a(choice("weekly")), a(choice("mixed")), new Prompter.Interrupted());
    Conductor.Stopped o = (Conductor.Stopped) Conductor.run(Interview.start(QUESTIONS), p);
    assertThat(o.state().answers().values()).containsOnlyKeys("freshness", "task");
    assertThat(o.state().question().id()).isEqualTo("auditability");
  }

  @Test
  void anInterruptionAtTheReviewKeepsAllAnswers() {
    Recorded p = new Recorded(new Prompter.Interrupted());
    Conductor.Stopped o = (Conductor.Stopped) Conductor.run(InterviewTest.atVolume().answer(number(3)), p);
    assertThat(o.state().answers().values()).hasSize(6);
  }

  @Test
  void progressSeesEveryStateReached() {
    Recorded p = new Recorded(a(choice("daily")), new Prompter.Back(), a(choice("static")), new Prompter.Interrupted());
    List<Interview> seen = new ArrayList<>();
    Conductor.run(Interview.start(QUESTIONS), p, seen::add);
    assertThat(seen).extracting(s -> s.answers().values().size()).containsExactly(0, 1, 1, 1);
    assertThat(seen.get(3).answers().get("freshness")).contains(choice("static"));
  }

  @Test
  void theEndOfInputAtARequiredQuestionNamesIt() {
    Recorded p = new Recorded(a(choice("daily")), new Prompter.EndOfInput());
    Conductor.EndedEarly o = (Conductor.EndedEarly) Conductor.run(Interview.start(QUESTIONS), p);
    assertThat(o.unanswered().id()).isEqualTo("task");
  }

  @Test
  void theEndOfInputAtAnOptionalQuestionLeavesItUnanswered() {
    Recorded p = new Recorded(new Prompter.EndOfInput(), new Prompter.Confirm());
    Conductor.Completed o = (Conductor.Completed) Conductor.run(InterviewTest.atVolume(), p);
    assertThat(o.answers().get("volume")).isEmpty();
  }
}
