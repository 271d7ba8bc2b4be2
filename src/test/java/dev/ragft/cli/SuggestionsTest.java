package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A misspelt command or option gets the close names in its one line of error, and only those. */
class SuggestionsTest {
  private static void oneLine(Cli r, String expected) {
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).as(r.describe()).hasSize(1);
    assertThat(r.err()).startsWith("ragft: ").contains(expected);
  }

  @Test
  void aMisspeltCommandSuggestsTheCommand() {
    oneLine(Cli.run("recomend", "x.yaml"), "; did you mean 'recommend'? (see 'ragft --help')");
    oneLine(Cli.run("framework", "shw"), "; did you mean 'show'? (see 'ragft framework --help')");
  }

  @Test
  void aMisspeltOptionSuggestsTheOption() {
    oneLine(Cli.run("recommend", "examples/usecases/enterprise-sla-answers.yaml", "--what-iff"),
        "Unknown option: '--what-iff'; did you mean '--what-if'? (see 'ragft recommend --help')");
    oneLine(Cli.run("score", "examples/usecases", "--verbos"), "did you mean '--verbose'?");
  }

  @Test
  void aWordLikeNoNameSuggestsNothing() {
    Cli r = Cli.run("nonsense");
    oneLine(r, "Unmatched argument at index 0: 'nonsense' (see 'ragft --help')");
    assertThat(r.err()).doesNotContain("did you mean");
  }

  @Test
  void editsCountInsertionsDeletionsAndSubstitutions() {
    assertThat(ErrorHandler.edits("recomend", "recommend")).isEqualTo(1);
    assertThat(ErrorHandler.edits("scor", "score")).isEqualTo(1);
    assertThat(ErrorHandler.edits("kitten", "sitting")).isEqualTo(3);
    assertThat(ErrorHandler.edits("", "abc")).isEqualTo(3);
    assertThat(ErrorHandler.edits("same", "same")).isZero();
  }
}
