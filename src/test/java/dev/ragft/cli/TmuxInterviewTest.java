package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interview as a user runs it: ragft in its own JVM on a real pseudo-terminal (tmux), keys
 * typed with send-keys, the screen read with capture-pane. This is the one test that covers
 * choosing the terminal form from a real tty and Ctrl-C arriving as a key in raw mode. Skipped,
 * with the reason in the report, where tmux is not installed; in CI (CI=true) it must run, so
 * there a missing tmux fails it.
 */
class TmuxInterviewTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @BeforeEach
  void needsTmux() {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(available()).as("tmux must be installed in CI: the real-terminal interview test must run").isTrue();
    }
    assumeTrue(available(), "tmux is not installed: the real-terminal interview test is skipped");
  }

  @AfterEach
  void stopOurTmuxServer() throws IOException, InterruptedException {
    if (available()) {
      tmux(List.of("kill-server"), true);
    }
  }

  @Test
  void aRealTerminalGetsTheArrowKeyInterviewAndSavesTheAnswers() throws Exception {
    start("interview --save real.yaml --name 'Real terminal' --format json > report.json");
    waitFor("Question 1 of 5");
    keys("Down", "Enter");
    waitFor("Question 2 of 5");
    keys("?");
    waitFor("A retrieval task has its answer in a document");
    keys("b");
    waitFor("> 2  Weekly");
    keys("Enter", "2", "1", "1,200", "Enter", "Up", "Enter");
    waitFor("Optional question");
    keys("Enter");
    waitFor("Latency budget");
    keys("Enter");
    waitFor("Your answers");
    String review = screen();
    assertThat(review).contains("Training pairs       1,200 pairs", "Volume               skipped");
    keys("Enter");
    waitFor("EXIT=0");
    assertThat(Files.readString(dir.resolve("real.yaml"))).isEqualTo("""
        id: real
        name: Real terminal
        answers:
          freshness: weekly
          task: synthesis
          auditability: regulated
          training-pairs: 1200
          latency: batch
        """);
    assertThat(Files.readString(dir.resolve("report.json"))).startsWith("{\n  \"id\": \"real\"");
  }

  @Test
  void ctrlCOnARealTerminalSavesADraft() throws Exception {
    start("interview --id pilot");
    waitFor("Question 1 of 5");
    keys("3", "4");
    waitFor("Question 3 of 5");
    keys("C-c");
    String screen = waitFor("EXIT=130");
    assertThat(screen).contains("continue with:\n  ragft interview --resume pilot.draft.yaml\n");
    assertThat(Files.readString(dir.resolve("pilot.draft.yaml")))
        .contains("id: pilot", "freshness: monthly", "task: structured-output").doesNotContain("auditability");
  }

  @Test
  void ctrlCInThePlainFormOnATerminalAlsoSavesADraft() throws Exception {
    start("interview --id plain", "TERM=dumb");
    waitFor("[1/5] Knowledge freshness");
    keys("weekly", "Enter", "3", "Enter");
    waitFor("[3/5] Auditability");
    keys("C-c");
    String screen = waitFor("EXIT=130");
    assertThat(screen).contains("ragft: interview stopped with 2 of 5 questions answered; continue with:\n"
        + "  ragft interview --resume plain.draft.yaml\n");
    assertThat(Files.readString(dir.resolve("plain.draft.yaml"))).contains("freshness: weekly", "task: drafting");
  }

  /** A bare 'ragft interview' on a terminal of 50 by 15: the name first, a word for a key that does nothing, the choices kept with help open. */
  @Test
  void aBareInterviewAsksTheNameSaysWhenAKeyDoesNothingAndFitsAShortTerminal() throws Exception {
    start("interview", "TERM=xterm-256color", 50, 15);
    waitFor("What do you call this use case?");
    keys("pilot bot", "Enter");
    waitFor("Question 1 of 5");
    keys("x");
    waitFor("'x' is not a key here");
    keys("1", "?");
    String withHelp = waitFor("Facts and voice together");
    assertThat(withHelp).contains("Question 2 of 5", "1  Look up a fact", "up/down move");
    keys("C-c");
    waitFor("EXIT=130");
    assertThat(Files.readString(dir.resolve("pilot-bot.draft.yaml"))).contains("id: pilot-bot", "name: pilot bot",
        "freshness: daily");
  }

  /** Runs ragft with {@code args} (shell syntax) in a new tmux window, in ASCII so that the screen is predictable. */
  private void start(String args) throws IOException, InterruptedException {
    start(args, "TERM=xterm-256color");
  }

  private void start(String args, String term) throws IOException, InterruptedException {
    start(args, term, 100, 50);
  }

  private void start(String args, String term, int columns, int rows) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // env -u CI: the test plays a person at a terminal even when the suite itself runs in CI, where
    // CI=true (inherited by our tmux server) would rightly ask ragft for the plain form.
    String command = "env -u CI LANG=C LC_ALL=C " + term + " " + quote(java) + " -cp " + quote(System.getProperty("java.class.path"))
        + " dev.ragft.cli.Main " + args + "; echo EXIT=$?; exec cat";
    tmux(List.of("new-session", "-d", "-x", Integer.toString(columns), "-y", Integer.toString(rows), "-c", dir.toString(),
        command), false);
  }

  private void keys(String... keys) throws IOException, InterruptedException {
    for (String k : keys) {
      List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
      if (k.length() > 1 && !Character.isUpperCase(k.charAt(0)) && !k.startsWith("C-")) {
        args.add("-l"); // literal text, such as 1,200
      }
      args.add(k);
      tmux(args, false);
    }
  }

  private String screen() throws IOException, InterruptedException {
    return tmux(List.of("capture-pane", "-p", "-J", "-t", "0"), false);
  }

  /** Reads the screen until it shows {@code text}; each capture is a process run, so this polls without sleeping. */
  private String waitFor(String text) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    String s = screen();
    while (!s.contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the screen never showed '" + text + "':\n" + s);
      }
      s = screen();
    }
    return s;
  }

  private String tmux(List<String> args, boolean mayFail) throws IOException, InterruptedException {
    // A server of our own, its socket in the test's folder: nothing shared with other tmux users, nothing left behind.
    List<String> command = new ArrayList<>(List.of("tmux", "-S", dir.resolve("tmux.sock").toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    if (exit != 0 && !mayFail) {
      throw new AssertionError(command + " failed (" + exit + "): " + out);
    }
    return out;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
