package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from input files never reaches a person raw: an escape sequence in a CSV cell or a piped
 * answer is shown escaped in every message and table, so it cannot clear the screen or set the
 * window title.
 */
class ControlCharactersTest {
  private static final String CLEAR = "\u001b[2J";
  private static final String TITLE = "\u001b]0;pwned\u0007";
  private static final String HEADER = "id,name,description,freshness,task,auditability,training-pairs,latency,volume\n";

  @TempDir Path dir;

  private void csv(String row) throws IOException {
    Files.writeString(dir.resolve("cases.csv"), HEADER + row + "\n", StandardCharsets.UTF_8);
  }

  private Cli run(String... args) {
    return Cli.run(dir, Map.of(), "", args);
  }

  /** As on a terminal: stdout is one, colours on. */
  private Cli onTerminal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), Map.of("TERM", "xterm", "LANG", "C.UTF-8"), dir, true);
    return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTableShowsEscapeSequencesOfACsvCellEscaped() throws IOException {
    csv("kb," + CLEAR + "Wiped" + TITLE + ",d,daily,lookup,regulated,0,interactive,100");
    Cli r = run("score", "cases.csv");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("\\x1b[2JWiped\\x1b]0;pwned\\x07").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void dataFormatsKeepTheDataButJsonEscapesItAsJsonDoes() throws IOException {
    csv("kb," + CLEAR + "Wiped,d,daily,lookup,regulated,0,interactive,100");
    assertThat(run("score", "cases.csv", "--format", "csv").out()).contains(CLEAR + "Wiped");
    assertThat(run("score", "cases.csv", "--format", "json").out()).contains("\\u001B[2JWiped")
        .doesNotContain("\u001b");
  }

  @Test
  void onATerminalEveryFormatIsEscapedButRagftsOwnColours() throws IOException {
    csv("kb," + CLEAR + "Wiped\u001b[31m,d,daily,lookup,regulated,0,interactive,100");
    Cli csvOut = onTerminal("score", "cases.csv", "--format", "csv");
    assertThat(csvOut.out()).contains("\\x1b[2JWiped\\x1b[31m").doesNotContain("\u001b");
    Cli table = onTerminal("score", "cases.csv");
    assertThat(table.exit()).as(table.describe()).isZero();
    assertThat(table.out()).contains("\u001b[1m", "\\x1b[2JWiped\\x1b[31m").doesNotContain(CLEAR, "\u001b[31m");
  }

  @Test
  void aRecommendationOfAYamlFileIsEscapedToo() throws IOException {
    Files.writeString(dir.resolve("kb.yaml"), "id: kb\nname: \"KB\\e]0;pwned\\a\"\nanswers:\n  freshness: daily\n"
        + "  task: lookup\n  auditability: regulated\n  training-pairs: 0\n  latency: interactive\n",
        StandardCharsets.UTF_8);
    Cli r = run("recommend", "kb.yaml");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("KB\\x1b]0;pwned\\x07").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void anErrorMessageShowsTheBadValueEscaped() throws IOException {
    csv("kb,KB,d," + TITLE + ",lookup,regulated,0,interactive,100");
    Cli r = run("score", "cases.csv");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).contains("'\\x1b]0;pwned\\x07'").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void aPipedInterviewAnswerIsEchoedEscaped() {
    Cli r = Cli.run(dir, Map.of("TERM", "dumb"), CLEAR + "soon\ndaily\nlookup\nregulated\n0\ninteractive\n\n",
        "interview", "--format", "json");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.err()).contains("\\x1b[2Jsoon").doesNotContain("\u001b");
  }

  @Test
  void theEscapingNamesEveryControlCharacterButLineEndsAndTabs() {
    assertThat(SafeText.escape("a\tb\nc\u0000d\u007fe\u009bf\rg\u202eh")).isEqualTo("a\tb\nc\\x00d\\x7fe\\u009bf\\x0dg"
        + "\\u202eh");
  }
}
