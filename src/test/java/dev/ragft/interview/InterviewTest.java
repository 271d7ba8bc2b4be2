package dev.ragft.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.framework.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InterviewTest {
  static final Framework FRAMEWORK = FrameworkLoader.loadBuiltIn("b2b-2026");
  static final List<Question> QUESTIONS = FRAMEWORK.questions();

  static Answer choice(String id) {
    return new Answer.ChoiceAnswer(id);
  }

  static Answer number(long n) {
    return new Answer.NumberAnswer(n);
  }

  /** freshness, task, auditability, training-pairs, latency answered; volume not yet. */
  static Interview atVolume() {
    return Interview.start(QUESTIONS).answer(choice("daily")).answer(choice("lookup")).answer(choice("regulated"))
        .answer(number(0)).answer(choice("interactive"));
  }

  @Nested
  class GoingThrough {
    @Test
    void startsAtTheFirstQuestionNumberedOneOfAll() {
      Interview s = Interview.start(QUESTIONS);
      assertThat(s.question().id()).isEqualTo("freshness");
      assertThat(s.number()).isEqualTo(1);
      assertThat(s.total()).isEqualTo(6);
      assertThat(s.canGoBack()).isFalse();
      assertThat(s.answers().values()).isEmpty();
    }

    @Test
    void eachAnswerMovesToTheNextQuestionAndTheLastToTheReview() {
      Interview s = atVolume();
      assertThat(s.question().id()).isEqualTo("volume");
      assertThat(s.number()).isEqualTo(6);
      Interview reviewing = s.answer(number(500));
      assertThat(reviewing.step()).isEqualTo(new Interview.Reviewing());
      assertThat(reviewing.answers().values()).containsExactly(
          Map.entry("freshness", choice("daily")), Map.entry("task", choice("lookup")),
          Map.entry("auditability", choice("regulated")), Map.entry("training-pairs", number(0)),
          Map.entry("latency", choice("interactive")), Map.entry("volume", number(500)));
      assertThat(reviewing.confirm().confirmed()).isTrue();
    }

    @Test
    void anOptionalQuestionCanBeSkippedButARequiredOneCannot() {
      Interview skipped = atVolume().skip();
      assertThat(skipped.step()).isEqualTo(new Interview.Reviewing());
      assertThat(skipped.answers().get("volume")).isEmpty();
      assertThatThrownBy(() -> Interview.start(QUESTIONS).skip())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("freshness is required");
    }

    @Test
    void answersOfTheWrongKindAreRefused() {
      Interview s = Interview.start(QUESTIONS);
      assertThatThrownBy(() -> s.answer(choice("hourly"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.answer(number(3))).isInstanceOf(IllegalArgumentException.class);
      Interview atPairs = s.answer(choice("daily")).answer(choice("lookup")).answer(choice("low"));
      assertThatThrownBy(() -> atPairs.answer(choice("daily"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statesAreImmutable() {
      Interview s = Interview.start(QUESTIONS);
      s.answer(choice("daily"));
      assertThat(s.number()).isEqualTo(1);
      assertThat(s.answers().values()).isEmpty();
    }
  }

  @Nested
  class GoingBack {
    @Test
    void backReturnsToThePreviousQuestionKeepingItsAnswerToPreselect() {
      Interview s = Interview.start(QUESTIONS).answer(choice("weekly")).answer(choice("drafting")).back();
      assertThat(s.question().id()).isEqualTo("task");
      assertThat(s.answer(s.question())).contains(choice("drafting"));
      Interview again = s.back();
      assertThat(again.question().id()).isEqualTo("freshness");
      assertThat(again.answer(again.question())).contains(choice("weekly"));
    }

    @Test
    void backAtTheFirstQuestionStaysThere() {
      Interview s = Interview.start(QUESTIONS);
      assertThat(s.back().step()).isEqualTo(s.step());
    }

    @Test
    void backFromTheReviewGoesToTheLastQuestion() {
      Interview s = atVolume().answer(number(10)).back();
      assertThat(s.question().id()).isEqualTo("volume");
      assertThat(s.answer(s.question())).contains(number(10));
    }

    @Test
    void goingForwardAgainAfterBackKeepsLaterAnswers() {
      Interview s = atVolume().back().back().answer(number(70)).answer(choice("async"));
      assertThat(s.question().id()).isEqualTo("volume");
      assertThat(s.answers().get("training-pairs")).contains(number(70));
      assertThat(s.answers().get("auditability")).contains(choice("regulated"));
      assertThat(s.answers().get("latency")).contains(choice("async"));
    }
  }

  @Nested
  class Reviewing {
    @Test
    void changingOneAnswerReturnsToTheReview() {
      Interview s = atVolume().skip().change(1);
      assertThat(s.step()).isEqualTo(new Interview.Asking(1, true));
      assertThat(s.canGoBack()).isTrue();
      Interview changed = s.answer(choice("synthesis"));
      assertThat(changed.step()).isEqualTo(new Interview.Reviewing());
      assertThat(changed.answers().get("task")).contains(choice("synthesis"));
      assertThat(changed.answers().get("freshness")).contains(choice("daily"));
    }

    @Test
    void backDuringAChangeReturnsToTheReviewUnchanged() {
      Interview review = atVolume().answer(number(7));
      Interview s = review.change(5).back();
      assertThat(s.step()).isEqualTo(new Interview.Reviewing());
      assertThat(s.answers()).isEqualTo(review.answers());
    }

    @Test
    void skippingDuringAChangeRemovesTheOptionalAnswer() {
      Interview s = atVolume().answer(number(7)).change(5).skip();
      assertThat(s.step()).isEqualTo(new Interview.Reviewing());
      assertThat(s.answers().get("volume")).isEmpty();
    }

    @Test
    void changeAndConfirmOnlyFromTheReview() {
      Interview s = Interview.start(QUESTIONS);
      assertThatThrownBy(() -> s.change(0)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(s::confirm).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> atVolume().skip().change(6)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Nested
  class Resuming {
    @Test
    void resumesAtTheFirstUnansweredQuestionWithTheEarlierAnswers() {
      Answers draft = new Answers(Map.of("freshness", choice("static"), "task", choice("classification")));
      Interview s = Interview.resume(QUESTIONS, draft);
      assertThat(s.question().id()).isEqualTo("auditability");
      assertThat(s.number()).isEqualTo(3);
      assertThat(s.back().answer(QUESTIONS.get(1))).contains(choice("classification"));
    }

    @Test
    void aGapIsTheFirstUnansweredQuestion() {
      Answers draft = new Answers(Map.of("freshness", choice("static"), "auditability", choice("low")));
      assertThat(Interview.resume(QUESTIONS, draft).question().id()).isEqualTo("task");
    }

    @Test
    void aCompleteDraftResumesAtTheReview() {
      Map<String, Answer> all = new LinkedHashMap<>(atVolume().answers().values());
      all.put("volume", number(5));
      Interview s = Interview.resume(QUESTIONS, new Answers(all));
      assertThat(s.step()).isEqualTo(new Interview.Reviewing());
      assertThat(s.firstUnanswered()).isEmpty();
    }

    @Test
    void anEmptyDraftStartsAtTheBeginning() {
      assertThat(Interview.resume(QUESTIONS, new Answers(Map.of())).step()).isEqualTo(new Interview.Asking(0, false));
    }
  }

  /**
   * Random walks over every move: whatever a user does, the state stays consistent, no answer is
   * lost except by an explicit skip or a new answer to the same question, and the walk can always
   * be finished.
   */
  @Test
  void randomWalksNeverLoseAnswersAndAlwaysFinish() {
    for (long seed = 1; seed <= 300; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Interview s = Interview.start(QUESTIONS);
      Map<String, Answer> expected = new LinkedHashMap<>();
      for (int move = 0; move < 60 && !s.confirmed(); move++) {
        if (s.step() instanceof Interview.Reviewing) {
          int r = random.nextInt(4);
          s = r == 0 ? s.back() : r == 1 ? s.change(random.nextInt(QUESTIONS.size())) : s.confirm();
          continue;
        }
        Question q = s.question();
        int r = random.nextInt(5);
        if (r == 0) {
          s = s.back();
        } else if (r == 1 && !q.required()) {
          s = s.skip();
          expected.remove(q.id());
        } else {
          Answer a = randomAnswer(q, random);
          s = s.answer(a);
          expected.put(q.id(), a);
        }
        assertThat(s.answers().values()).as("seed %d", seed).isEqualTo(expected);
      }
      while (!s.confirmed()) {
        if (s.step() instanceof Interview.Reviewing) {
          s = s.confirm();
        } else {
          Question q = s.question();
          Answer a = s.answer(q).orElse(randomAnswer(q, random));
          s = s.answer(a);
          expected.put(q.id(), a);
        }
      }
      assertThat(s.answers().values()).as("seed %d", seed).isEqualTo(expected);
      assertThat(s.answers().values().keySet()).as("seed %d", seed)
          .containsAll(QUESTIONS.stream().filter(Question::required).map(Question::id).toList());
    }
  }

  private static Answer randomAnswer(Question q, SplittableRandom random) {
    if (q instanceof Question.ChoiceQuestion cq) {
      return choice(cq.choiceIds().get(random.nextInt(cq.choices().size())));
    }
    return number(random.nextInt(3) == 0 ? 0 : random.nextLong(1, 100_000));
  }
}
