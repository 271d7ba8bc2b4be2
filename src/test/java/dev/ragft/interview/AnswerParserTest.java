package dev.ragft.interview;

import static dev.ragft.interview.InterviewTest.FRAMEWORK;
import static dev.ragft.interview.InterviewTest.choice;
import static dev.ragft.interview.InterviewTest.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.framework.Question;
import dev.ragft.usecase.AnswerReader;
import org.junit.jupiter.api.Test;

class AnswerParserTest {
  private final AnswerParser parser = new AnswerParser(new AnswerReader(FRAMEWORK));
  private final Question task = FRAMEWORK.question("task").orElseThrow();
  private final Question pairs = FRAMEWORK.question("training-pairs").orElseThrow();
  private final Question volume = FRAMEWORK.question("volume").orElseThrow();

  @Test
  void aChoiceIsGivenByItsIdOrItsNumber() {
    assertThat(parser.parse(task, " lookup ")).isEqualTo(new AnswerParser.Ok(choice("lookup")));
    assertThat(parser.parse(task, "3")).isEqualTo(new AnswerParser.Ok(choice("drafting")));
    assertThat(parser.parse(task, "6")).isEqualTo(new AnswerParser.Ok(choice("mixed")));
  }

  @Test
  void aWrongChoiceSaysWhatIsExpected() {
    assertThat(parser.parse(task, "lookups")).isEqualTo(new AnswerParser.Invalid(
        "task: unknown choice 'lookups'; expected one of lookup, synthesis, drafting, structured-output, "
            + "classification, mixed (or its number, 1 to 6)"));
    assertThat(parser.parse(task, "7")).isInstanceOf(AnswerParser.Invalid.class);
    assertThat(parser.parse(task, "0")).isInstanceOf(AnswerParser.Invalid.class);
    assertThat(parser.parse(task, "99999999999")).isInstanceOf(AnswerParser.Invalid.class);
  }

  @Test
  void numbersAreWrittenAsPeopleWriteThem() {
    assertThat(parser.parse(pairs, "12000")).isEqualTo(new AnswerParser.Ok(number(12000)));
    assertThat(parser.parse(pairs, "12,000")).isEqualTo(new AnswerParser.Ok(number(12000)));
    assertThat(parser.parse(pairs, "12k")).isEqualTo(new AnswerParser.Ok(number(12000)));
    assertThat(parser.parse(pairs, "0")).isEqualTo(new AnswerParser.Ok(number(0)));
  }

  @Test
  void somethingElseIsNotANumber() {
    assertThat(parser.parse(pairs, "lots")).isEqualTo(new AnswerParser.Invalid(
        "training-pairs: 'lots' is not a whole number; expected a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)"));
    assertThat(parser.parse(pairs, "-5")).isInstanceOf(AnswerParser.Invalid.class);
    assertThat(parser.parse(pairs, "1.5")).isInstanceOf(AnswerParser.Invalid.class);
  }

  @Test
  void anEmptyLineSkipsAnOptionalQuestionOnly() {
    assertThat(parser.parse(volume, "  ")).isEqualTo(new AnswerParser.Skip());
    assertThat(parser.parse(pairs, "")).isEqualTo(new AnswerParser.Invalid(
        "training-pairs: no answer; expected a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)"));
    assertThat(parser.parse(task, "")).isInstanceOf(AnswerParser.Invalid.class);
  }
}
