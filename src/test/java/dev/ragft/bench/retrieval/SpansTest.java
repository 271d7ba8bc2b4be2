package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpansTest {
  static Bm25Index index;
  static Spans spans;

  @BeforeAll
  static void analyser() {
    index = Bm25Index.inMemory(List.of());
    spans = new Spans(index::terms);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static String span(String sentence, String question, String hint) {
    return spans.span(sentence, question, Set.copyOf(index.terms(question)), hint);
  }

  @Test
  void aQuantityQuestionGetsTheNumberNearestTheQuestionsWordsWithItsUnit() {
    assertThat(span("A webhook that fails continuously for 48 hours is deactivated.",
        "After how long of continuous failure is a webhook deactivated?", "")).isEqualTo("48 hours");
    assertThat(span("Phone numbers can be purchased in 38 countries directly from Admin Center, or ported in.",
        "In how many countries can phone numbers be bought?", "")).as("an adverb is not told from a unit").isEqualTo("38 countries directly");
    assertThat(span("Approvals are available on Enterprise and were introduced in March 2026.",
        "When were Approvals introduced?", "")).isEqualTo("March 2026");
    assertThat(span("Storage depends on the plan: Starter includes 2 GB per agent, Professional includes 10 GB per agent.",
        "How much storage per agent comes with Professional?", "")).isEqualTo("10 GB per agent");
  }

  @Test
  void aNumericHintPicksTheNumberShapedLikeTheLearntAnswer() {
    String sentence = "Exports of more than 500 notes are sent by email, and each export link is valid for 7 days.";
    assertThat(span(sentence, "What happens to large exports?", "14 days")).isEqualTo("7 days");
    assertThat(span(sentence, "How many notes make an export large?", "")).isEqualTo("500 notes");
  }

  @Test
  void otherQuestionsGetTheFirstClauseWithoutTheWordsThatRestateThem() {
    assertThat(span("The Pro plan costs twelve dollars, billed monthly.", "What does the Pro plan cost?", ""))
        .isEqualTo("twelve dollars");
    assertThat(span("Conflicts keep both versions of a note.", "What happens to conflicts?", ""))
        .isEqualTo("keep both versions of a note");
    assertThat(span("The Pro plan.", "What is the Pro plan?", "")).as("nothing but the question: kept whole")
        .isEqualTo("The Pro plan");
  }

  @Test
  void aQuantityQuestionWithoutANumberFallsBackToTheClause() {
    assertThat(span("It is tested every quarter through tabletop exercises.", "How often is it tested?", ""))
        .isEqualTo("every quarter through tabletop exercises");
  }
}
