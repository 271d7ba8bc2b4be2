package dev.ragft.interview;

import static dev.ragft.interview.InterviewTest.FRAMEWORK;
import static dev.ragft.interview.InterviewTest.choice;
import static dev.ragft.interview.InterviewTest.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.framework.Question;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreensTest {
  private final Question task = FRAMEWORK.question("task").orElseThrow();
  private final Question volume = FRAMEWORK.question("volume").orElseThrow();
  private final Screens plain = new Screens(new Style(false, true));

  @Test
  void aChoiceQuestionShowsItsNumberPromptChoicesAndKeys() {
    Prompter.Ask ask = new Prompter.Ask(task, 2, 5, Optional.empty(), true);
    Screens.Frame f = plain.choice(ask, 2, false, 100);
    assertThat(f.lines()).containsExactly(
        "? Question 2 of 5 · Task type",
        "  Is the answer sitting in a document, or must the model perform work in your voice and format?",
        "    1  Look up a fact",
        "    2  Synthesise across documents",
        "  ❯ 3  Draft in our voice  (drafting)",
        "    4  Produce structured output",
        "    5  Classify or score",
        "    6  Facts and voice together",
        "      Emails, replies and proposals that must sound like the company.",
        "  ↑↓ move · Enter choose · 1-6 pick · ? help · b back · Ctrl-C save draft and quit");
    assertThat(f.cursorRow()).isEqualTo(-1);
  }

  @Test
  void helpShowsTheQuestionsHelpWrappedToTheWidth() {
    Prompter.Ask ask = new Prompter.Ask(task, 2, 5, Optional.empty(), true);
    Screens.Frame f = plain.choice(ask, 0, true, 60);
    assertThat(String.join("\n", f.lines())).contains("A retrieval task has its answer in a document");
    assertThat(f.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
  }

  @Test
  void aNumberQuestionShowsTheTypedTextTheCursorAndTheProblem() {
    Prompter.Ask ask = new Prompter.Ask(volume, 0, 5, Optional.empty(), true);
    Screens.Frame f = plain.number(ask, "lots", 4, Optional.of("volume: 'lots' is not a whole number"), false, 100);
    assertThat(f.lines()).contains("? Optional question · Volume (optional)", "  ❯ lots",
        "  ✗ volume: 'lots' is not a whole number");
    assertThat(f.lines().get(f.cursorRow())).isEqualTo("  ❯ lots");
    assertThat(f.cursorColumn()).isEqualTo(8);
    assertThat(f.lines().get(f.lines().size() - 1)).contains("Enter on empty skips");
  }

  @Test
  void theAnsweredLineAndTheReviewShowLabelsAndUnits() {
    Prompter.Ask ask = new Prompter.Ask(task, 2, 5, Optional.empty(), true);
    assertThat(plain.answered(ask, Optional.of(choice("mixed")))).isEqualTo("✔ 2/5 Task type: Facts and voice together");
    Prompter.Review review = Conductor.review(InterviewTest.atVolume().answer(number(12_000)));
    Screens.Frame f = plain.review(review, 6, 100);
    assertThat(f.lines()).contains("    4  Training pairs       0 pairs", "    6  Volume               12,000 requests per day",
        "  ❯ Confirm and see the recommendation");
  }

  @Test
  void withoutColourThereAreNoEscapesAndWithoutUnicodeOnlyAscii() {
    Prompter.Ask ask = new Prompter.Ask(task, 1, 5, Optional.empty(), false);
    Screens ascii = new Screens(new Style(false, false));
    String all = String.join("\n", ascii.choice(ask, 0, true, 80).lines());
    assertThat(all.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n')).as(all).isTrue();
    assertThat(all).contains("  > 1  Look up a fact", "up/down move - Enter choose").doesNotContain("b back");
    String coloured = String.join("\n", new Screens(new Style(true, true)).choice(ask, 0, false, 80).lines());
    assertThat(coloured).contains("\u001b[");
  }
}
