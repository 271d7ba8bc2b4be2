package dev.ragft.bench.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgeTest {
  @Test
  void readsBothGradesOnTheirLinesOrRunTogether() {
    Judge.Grade g = Judge.parse("correctness: 0.8\nfaithfulness: 1");
    assertThat(g.correctness()).hasValue(0.8);
    assertThat(g.faithfulness()).hasValue(1.0);
    assertThat(Judge.parse("Correctness: .5, Faithfulness: 0").correctness()).hasValue(0.5);
  }

  @Test
  void aReplyWithoutAGradeOrWithOneAboveOneLeavesItUnmeasured() {
    Judge.Grade g = Judge.parse("The answer looks right to me.");
    assertThat(g.correctness()).isEmpty();
    assertThat(g.faithfulness()).isEmpty();
    assertThat(Judge.parse("correctness: 7\nfaithfulness: 0.5").correctness()).isEmpty();
  }
}
