package dev.ragft.cli;

import static dev.ragft.cli.ScriptedTerminal.BACKSPACE;
import static dev.ragft.cli.ScriptedTerminal.CTRL_C;
import static dev.ragft.cli.ScriptedTerminal.CTRL_D;
import static dev.ragft.cli.ScriptedTerminal.CTRL_U;
import static dev.ragft.cli.ScriptedTerminal.DOWN;
import static dev.ragft.cli.ScriptedTerminal.ENTER;
import static dev.ragft.cli.ScriptedTerminal.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.interview.Style;
import dev.ragft.interview.UseCaseFile;
import dev.ragft.advice.Advisor;
import dev.ragft.report.Options;
import dev.ragft.report.RecommendationFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interview end to end on a terminal: the real jline prompter, keys from a script, the screen
 * as jline's VT100 emulator draws it, and the files the interview writes.
 */
class JlinePrompterTest {
  private static final Framework FRAMEWORK = FrameworkLoader.loadBuiltIn("b2b-2026");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** One interview on {@code terminal}; returns the exit code. */
  private int interview(ScriptedTerminal terminal, Style style, Optional<String> resume) {
    return interview(terminal, style, resume, false);
  }

  /** As a bare 'ragft interview' runs: no --name, --id or --resume, so it asks for the name first. */
  private int interviewAskingTheName(ScriptedTerminal terminal) {
    return interview(terminal, new Style(false, true), Optional.empty(), true);
  }

  private int interview(ScriptedTerminal terminal, Style style, Optional<String> resume, boolean askName) {
    Env env = new Env(new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
        Map.of(), dir, true);
    InterviewRun run = new InterviewRun(env, (path, content) -> {
      if (path.isEmpty()) {
        env.out().print(content);
        return;
      }
      try {
        Files.writeString(dir.resolve(path.get()), content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    UseCaseFile.Draft start = resume
        .map(r -> UseCaseFile.readPartial(dir.resolve(r), r, FRAMEWORK))
        .orElse(askName ? new UseCaseFile.Draft("interview", "interview", "", new Answers(Map.of()))
            : new UseCaseFile.Draft("sla", "SLA answers", "", new Answers(Map.of())));
    InterviewRun.Settings settings = new InterviewRun.Settings(FRAMEWORK, Optional.empty(), start, resume,
        Optional.empty(), Optional.empty(), RecommendationFormat.text, Options.plain(), "stdin",
        new Advisor(FRAMEWORK, Optional.empty()), askName);
    try (JlinePrompter prompter = new JlinePrompter(terminal, style, InterviewRun.parser(FRAMEWORK))) {
      return run.run(settings, prompter);
    }
  }

  private static String screenWith(List<String> screens, String text) {
    return screens.stream().filter(s -> s.contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no screen shows '" + text + "':\n" + String.join("\n-----\n", screens)));
  }

  @Test
  void aWholeInterviewWithArrowsHelpBackAReviewAndSavingGivesTheRecommendationAndAUseCaseFile() throws IOException {
    ScriptedTerminal t = ScriptedTerminal.typing(100, 60,
        DOWN, DOWN, ENTER,                 // freshness: monthly, by arrows
        "?",                               // task: show the help
        "1",                               // task: lookup, by its digit
        "b",                               // auditability: back to task
        DOWN, ENTER,                       // task again, lookup preselected: synthesis
        "2",                               // auditability: high
        "lots", ENTER,                     // training pairs: refused
        CTRL_U + "12k", ENTER,             // training pairs: 12000
        UP, ENTER,                         // latency: up from the first wraps to batch
        "1,500", ENTER,                    // volume
        ENTER,                             // latency budget of its own: none
        "4",                               // review: change training pairs
        CTRL_U + "0", ENTER,               // 0 pairs
        ENTER,                             // review: confirm
        ENTER);                            // save to sla.yaml
    int exit = interview(t, new Style(false, true), Optional.empty());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(t.scriptDone()).isTrue();
    List<String> screens = t.screens();
    assertThat(screens.get(0)).contains("? Question 1 of 5 · Knowledge freshness",
        "How often does the knowledge behind this use case change?", "❯ 1  Daily  (daily)", "  2  Weekly",
        "↑↓ move · Enter choose · 1-5 pick · ? help · Ctrl-C save draft and quit")
        .doesNotContain("b back");
    assertThat(screens.get(2)).contains("❯ 3  Monthly  (monthly)");
    assertThat(screenWith(screens, "Question 2 of 5"))
        .contains("✔ 1/5 Knowledge freshness: Monthly", "❯ 1  Look up a fact  (lookup)", "b back");
    assertThat(screenWith(screens, "A retrieval task has its answer in a document"))
        .as("? shows the question's help from the framework").contains("Question 2 of 5");
    String backAtTask = screens.get(6);
    assertThat(backAtTask).as("back: the task again, with the earlier answer preselected")
        .contains("Question 2 of 5", "❯ 1  Look up a fact  (lookup)")
        .doesNotContain("2/5 Task type", "Question 3 of 5");
    assertThat(screenWith(screens, "'lots' is not a whole number"))
        .as("a rejected number is cleared from the input line; the message quotes it")
        .contains("Question 4 of 5 · Training pairs", "  ❯\n", "✗ training-pairs: 'lots' is not a whole number")
        .doesNotContain("❯ lots");
    assertThat(screenWith(screens, "Optional question")).contains("Volume (optional)", "Enter on empty skips",
        "✔ 5/5 Latency: Batch (overnight)");
    String review = screenWith(screens, "Your answers");
    assertThat(review).contains("1  Knowledge freshness  Monthly", "2  Task type            Synthesise across documents",
        "4  Training pairs       12,000 pairs", "6  Volume               1,500 requests per day",
        "❯ Confirm and see the recommendation");
    assertThat(t.screen()).contains("✔ 4/5 Training pairs: 0 pairs", "✔ 6 answers confirmed",
        "✔ Saving to sla.yaml");

    assertThat(out.toString()).startsWith("RAG for SLA answers").contains("Scores", "Why", "Rollout");
    assertThat(Files.readString(dir.resolve("sla.yaml"))).isEqualTo("""
        id: sla
        name: SLA answers
        answers:
          freshness: monthly
          task: synthesis
          auditability: high
          training-pairs: 0
          latency: batch
          volume: 1500
        """);
    assertThat(err.toString()).contains("see it again with: ragft recommend sla.yaml");
  }

  @Test
  void ctrlCSavesADraftAndResumeContinuesAtTheFirstUnansweredQuestion() throws IOException {
    ScriptedTerminal first = ScriptedTerminal.typing(100, 40, "1", "3", "2", "1,2", CTRL_C);
    assertThat(interview(first, new Style(false, true), Optional.empty())).isEqualTo(InterviewRun.INTERRUPTED);
    assertThat(first.screen()).contains("✔ 3/5 Auditability: High").doesNotContain("Question 4 of 5");
    assertThat(err.toString()).contains("ragft: interview stopped with 3 of 5 questions answered; continue with:\n"
        + "  ragft interview --resume sla.draft.yaml\n");
    assertThat(Files.readString(dir.resolve("sla.draft.yaml"))).isEqualTo("""
        # Draft of 'ragft interview': 3 of 5 questions answered.
        # Continue with: ragft interview --resume sla.draft.yaml
        id: sla
        name: SLA answers
        answers:
          freshness: daily
          task: drafting
          auditability: high
        """);

    ScriptedTerminal second = ScriptedTerminal.typing(100, 40, "500", ENTER, "3", BACKSPACE, ENTER, "2", CTRL_D);
    assertThat(interview(second, new Style(false, true), Optional.of("sla.draft.yaml")))
        .isEqualTo(InterviewRun.INTERRUPTED);
    assertThat(second.screens().get(0)).contains("Question 4 of 5 · Training pairs").doesNotContain("Question 1 of 5");
    assertThat(err.toString()).contains("ragft: resuming from sla.draft.yaml: 3 of 5 answered\n"
        + "  freshness daily, task drafting, auditability high\n");
    assertThat(screenWith(second.screens(), "Optional question")).contains("✔ 5/5 Latency: Async (minutes)");
    assertThat(Files.readString(dir.resolve("sla.draft.yaml")))
        .as("Backspace went back to latency, Enter kept async; Ctrl-D at volume saved the draft in place,"
            + " with the volume typed but not confirmed")
        .contains("5 of 5 questions answered", "training-pairs: 500", "latency: async", "volume: 2");
  }

  /** Freshness, task, auditability, pairs, latency, volume skipped, confirm: the keys up to the offer to save. */
  // Answers, the optional volume and latency budget skipped, the review confirmed.
  private static final String[] TO_THE_SAVE_OFFER = {"1", "1", "1", "0" + ENTER, "2", ENTER, ENTER, ENTER};

  private static String[] then(String... more) {
    String[] all = java.util.Arrays.copyOf(TO_THE_SAVE_OFFER, TO_THE_SAVE_OFFER.length + more.length);
    System.arraycopy(more, 0, all, TO_THE_SAVE_OFFER.length, more.length);
    return all;
  }

  @Test
  void anotherFileThatExistsIsOnlyReplacedWhenConfirmed() throws IOException {
    Files.writeString(dir.resolve("other.yaml"), "keep me\n", StandardCharsets.UTF_8);
    ScriptedTerminal t = ScriptedTerminal.typing(100, 60, then(DOWN, ENTER, CTRL_U + "other.yaml", ENTER, ENTER));
    assertThat(interview(t, new Style(false, true), Optional.empty())).as(err.toString()).isZero();
    assertThat(screenWith(t.screens(), "Save your answers")).contains("❯ Save to sla.yaml", "Save to another file",
        "Don't save");
    assertThat(screenWith(t.screens(), "other.yaml exists")).contains("? Save to which file?", "❯ other.yaml",
        "✗ other.yaml exists; Enter again to replace it");
    assertThat(Files.readString(dir.resolve("other.yaml"))).startsWith("id: sla\n");
    assertThat(dir.resolve("sla.yaml")).doesNotExist();
  }

  @Test
  void aBareInterviewAsksForTheUseCasesNameAndSavesUnderIt() throws IOException {
    String[] keys = then(ENTER);
    String[] all = new String[keys.length + 2];
    all[0] = "Renewal emails (EU)";
    all[1] = ENTER;
    System.arraycopy(keys, 0, all, 2, keys.length);
    ScriptedTerminal t = ScriptedTerminal.typing(100, 60, all);
    assertThat(interviewAskingTheName(t)).as(err.toString()).isZero();
    assertThat(t.screens().get(0)).contains("What do you call this use case? (Enter keeps 'interview')");
    assertThat(screenWith(t.screens(), "Save your answers")).contains("Save to renewal-emails-eu.yaml");
    assertThat(Files.readString(dir.resolve("renewal-emails-eu.yaml")))
        .startsWith("id: renewal-emails-eu\nname: Renewal emails (EU)\n");
  }

  @Test
  void aDraftInTheFolderIsOfferedAndContinued() throws IOException {
    Files.writeString(dir.resolve("pilot.draft.yaml"), "id: pilot\nname: Pilot\nanswers:\n  freshness: daily\n"
        + "  task: lookup\n  auditability: high\n", StandardCharsets.UTF_8);
    ScriptedTerminal t = ScriptedTerminal.typing(100, 40, ENTER, CTRL_C);
    assertThat(interviewAskingTheName(t)).isEqualTo(InterviewRun.INTERRUPTED);
    assertThat(t.screens().get(0)).contains("A draft of an earlier interview is here",
        "❯ Continue pilot.draft.yaml (Pilot, 3 of 5 answered)", "Start a new interview");
    assertThat(t.screens().get(1)).as("continued at the first unanswered question, not asked for a name")
        .contains("Question 4 of 5 · Training pairs").doesNotContain("What do you call");
    assertThat(err.toString()).contains("ragft: resuming from pilot.draft.yaml: 3 of 5 answered\n");
  }

  @Test
  void aKeyThatDoesNothingSaysSo() throws IOException {
    ScriptedTerminal t = ScriptedTerminal.typing(100, 40, "x", "9", "b", CTRL_C);
    interview(t, new Style(false, true), Optional.empty());
    assertThat(t.screens().get(1)).contains("✗ 'x' is not a key here: 1-5 or Enter pick, ? shows help");
    assertThat(t.screens().get(2)).contains("✗ '9' is not a key here");
    assertThat(t.screens().get(3)).as("no going back from the first question").contains("✗ 'b' is not a key here");
  }

  /** 50 columns by 15 rows with the help open: the help is cut, the six choices and the key hint stay. */
  @Test
  void aShortTerminalKeepsTheChoicesAndTheKeysOnScreenWithHelpOpen() throws IOException {
    ScriptedTerminal t = ScriptedTerminal.typing(50, 15, "1", "?", CTRL_C);
    interview(t, new Style(false, true), Optional.empty());
    String withHelp = t.screens().get(2);
    assertThat(withHelp).contains("Question 2 of 5", "1  Look up a fact", "6  Facts and voice together", "↑↓ move");
    assertThat(withHelp.lines().count()).isLessThanOrEqualTo(15);
  }

  @Test
  void aSkippedVolumeIsNotAskedAgainOnResuming() throws IOException {
    ScriptedTerminal first = ScriptedTerminal.typing(100, 60, then(CTRL_C));
    assertThat(interview(first, new Style(false, true), Optional.empty())).isEqualTo(InterviewRun.INTERRUPTED);
    assertThat(Files.readString(dir.resolve("sla.draft.yaml"))).contains("skipped: [volume, latency-budget-ms]");
    ScriptedTerminal second = ScriptedTerminal.typing(100, 60, CTRL_C);
    interview(second, new Style(false, true), Optional.of("sla.draft.yaml"));
    assertThat(second.screens().get(0)).as("straight to the review").contains("Your answers").doesNotContain("Volume (optional)");
  }

  @Test
  void notSavingLeavesNoFile() throws IOException {
    ScriptedTerminal t = ScriptedTerminal.typing(100, 60, then(UP, ENTER));
    assertThat(interview(t, new Style(false, true), Optional.empty())).isZero();
    assertThat(t.screen()).contains("✔ Answers not saved");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void ctrlCAtTheOfferToSaveStillKeepsTheAnswersInADraft() throws IOException {
    ScriptedTerminal t = ScriptedTerminal.typing(100, 60, then(CTRL_C));
    assertThat(interview(t, new Style(false, true), Optional.empty())).isEqualTo(InterviewRun.INTERRUPTED);
    assertThat(out.toString()).startsWith("RAG for SLA answers");
    assertThat(Files.readString(dir.resolve("sla.draft.yaml"))).contains("5 of 5 questions answered",
        "latency: interactive");
  }

  @Test
  void aSignalWhileWaitingForInputSavesTheDraftOnce() throws IOException {
    Env env = new Env(new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
        Map.of(), dir, false);
    InterviewRun run = new InterviewRun(env, (path, content) -> {
      try {
        Files.writeString(dir.resolve(path.orElseThrow()), content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    InterviewRun.Settings settings = new InterviewRun.Settings(FRAMEWORK, Optional.empty(),
        new UseCaseFile.Draft("sig", "sig", "", new Answers(Map.of())), Optional.empty(), Optional.empty(),
        Optional.empty(), RecommendationFormat.text, Options.plain(), "stdin",
        new Advisor(FRAMEWORK, Optional.empty()));
    // Two lines typed, then the process is told to stop while the third is awaited: the input ends as the JVM would end.
    java.io.Reader typed = new java.io.StringReader("weekly\ndrafting\n") {
      @Override
      public int read(char[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
          run.stoppedFromOutside(settings);
        }
        return n;
      }
    };
    int exit = run.run(settings, new dev.ragft.interview.PlainPrompter(new java.io.BufferedReader(typed),
        env.err(), "stdin", InterviewRun.parser(FRAMEWORK)));
    assertThat(exit).isEqualTo(InterviewRun.INTERRUPTED);
    assertThat(Files.readString(dir.resolve("sig.draft.yaml"))).contains("freshness: weekly", "task: drafting");
    assertThat(err.toString()).containsOnlyOnce("interview stopped with 2 of 5 questions answered");
    run.stoppedFromOutside(settings);
    assertThat(err.toString()).containsOnlyOnce("interview stopped");
  }

  @Test
  void colourOnlyWhenTheStyleAllowsItAndAsciiWithoutUnicode() throws IOException {
    ScriptedTerminal plain = ScriptedTerminal.typing(100, 40, CTRL_C);
    interview(plain, new Style(false, false), Optional.empty());
    assertThat(plain.screens().get(0)).contains("> 1  Daily  (daily)", "up/down move - Enter choose")
        .doesNotContain("❯", "·");
    assertThat(plain.written()).doesNotContainPattern("\u001b\\[[0-9;]*m");

    ScriptedTerminal coloured = ScriptedTerminal.typing(100, 40, CTRL_C);
    interview(coloured, new Style(true, true), Optional.empty());
    assertThat(coloured.written()).containsPattern("\u001b\\[[0-9;]*m");
  }

  @Test
  void theTerminalIsLeftAsItWasFound() throws IOException {
    ScriptedTerminal t = ScriptedTerminal.typing(100, 40, CTRL_C);
    var before = t.getAttributes();
    interview(t, new Style(false, true), Optional.empty());
    assertThat(t.getAttributes().getLocalFlags()).isEqualTo(before.getLocalFlags());
    assertThat(t.getAttributes().getInputFlags()).isEqualTo(before.getInputFlags());
  }
}
