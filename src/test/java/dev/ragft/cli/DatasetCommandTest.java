package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetCommandTest {
  @Test
  void aValidDatasetExitsZeroWithASummary() {
    Cli r = Cli.run("dataset", "validate", "src/test/resources/datasets/tiny");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).isEqualTo("src/test/resources/datasets/tiny: ok (tiny: 6 documents, 13 train examples,"
        + " 9 eval cases)\n");
  }

  @Test
  void problemsExitOneAndAreListedWithFileAndLine() {
    Cli r = Cli.run("dataset", "validate", "src/test/resources/datasets/broken");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.out()).contains("src/test/resources/datasets/broken/eval.jsonl:3:1: eval case: duplicate id 'q2'"
        + " (first at line 2)\n").endsWith("src/test/resources/datasets/broken: 8 problems, 3 warnings\n");
  }

  @Test
  void warningsAloneDoNotFail() {
    Cli r = Cli.run("dataset", "validate", "src/test/resources/datasets/labels-only");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains(": warning: label 'account' is in eval");
  }

  @Test
  void aMissingFolderExitsTwo() {
    Cli r = Cli.run("dataset", "validate", "nowhere");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("ragft: nowhere: dataset folder not found\n");
  }

  @Test
  void withoutASubcommandItSaysWhichExist() {
    Cli r = Cli.run("dataset");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("ragft: missing subcommand: validate");
  }
}
