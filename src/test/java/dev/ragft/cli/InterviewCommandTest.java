package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interview without a terminal: one line of stdin per question, as a script feeds it. */
class InterviewCommandTest {
  private static final String SCRIPT = "daily\nlookup\nregulated\n0\ninteractive\n500\n";

  @TempDir Path dir;

  private Cli interview(String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "interview";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(dir, Map.of("TERM", "dumb"), stdin, all);
  }

  private Cli recommend(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "recommend";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(dir, Map.of(), "", all);
  }

  @Nested
  class AScript {
    @Test
    void printsOnlyTheJsonOnStdoutTheSameAsRecommendWithFlags() throws IOException {
      Cli r = interview(SCRIPT, "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.get("id").asText()).isEqualTo("interview");
      assertThat(json.get("approach").asText()).isEqualTo("rag");
      Cli flags = recommend("--freshness", "daily", "--task", "lookup", "--auditability", "regulated",
          "--training-pairs", "0", "--latency", "interactive", "--volume", "500", "--id", "interview", "--format", "json");
      assertThat(r.out()).isEqualTo(flags.out());
    }

    @Test
    void promptsAreNumberedOnStderrInTheFrameworksOrder() {
      Cli r = interview(SCRIPT, "--format", "json");
      assertThat(r.err()).contains(
          "[1/5] Knowledge freshness: How often does the knowledge behind this use case change?\n  1  daily      Daily\n",
          "[2/5] Task type:", "[3/5] Auditability:", "[4/5] Training pairs:", "[5/5] Latency:",
          "[optional] Volume:");
      assertThat(r.err().indexOf("[1/5]")).isLessThan(r.err().indexOf("[2/5]"));
      assertThat(r.err().indexOf("[5/5]")).isLessThan(r.err().indexOf("[optional]"));
    }

    @Test
    void choicesMayBeGivenByNumberAndNumbersWithSeparatorsOrSuffixes() throws IOException {
      Cli r = interview("5\n5\n4\n12k\n4\n1,500\n", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      JsonNode answers = new ObjectMapper().readTree(r.out()).get("answers");
      assertThat(answers.toString()).isEqualTo("{\"freshness\":\"static\",\"task\":\"classification\","
          + "\"auditability\":\"low\",\"training-pairs\":12000,\"latency\":\"batch\",\"volume\":1500}");
    }

    @Test
    void aWrongAnswerIsReportedAndTheSameQuestionAskedAgainFromTheNextLine() throws IOException {
      Cli r = interview("daily\nlookups\n9\nlookup\nregulated\nlots\n0\ninteractive\n500\n", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains(
          "ragft: stdin:2: task: unknown choice 'lookups'; expected one of lookup, synthesis, drafting, "
              + "structured-output, classification, mixed (or its number, 1 to 6)\n[2/5] Task type: answer again on the next line\n",
          "ragft: stdin:3: task: unknown choice '9'",
          "ragft: stdin:6: training-pairs: 'lots' is not a whole number; expected a whole number, 0 or more");
      assertThat(new ObjectMapper().readTree(r.out()).get("answers").get("task").asText()).isEqualTo("lookup");
    }

    @Test
    void theEndOfInputBeforeARequiredAnswerIsExit2NamingTheQuestion() {
      Cli r = interview("daily\nlookup\n", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).endsWith("ragft: stdin: end of input before an answer to 'auditability' (Will a regulator, "
          + "auditor, contract or public document depend on the output?); expected one of regulated, high, medium, low "
          + "(or its number, 1 to 4)\n");
    }

    @Test
    void noInputAtAllNamesTheFirstQuestion() {
      Cli r = interview("");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("end of input before an answer to 'freshness'");
    }

    @Test
    void aFollowUpAsksForALatencyBudgetOfItsOwnAndSavesItBesideTheAnswers() throws IOException {
      Cli r = interview(SCRIPT + "300\n", "--format", "json", "--save", "own.yaml");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("[optional] Latency budget: Does this use case have a latency budget of its own");
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.get("cost").get("latencyBudgetMs").asLong()).isEqualTo(300);
      assertThat(json.get("answers").has("latency-budget-ms")).as("a field beside the answers, not an answer").isFalse();
      String saved = Files.readString(dir.resolve("own.yaml"));
      assertThat(saved).contains("\nlatency-budget-ms: 300\n").doesNotContain("  latency-budget-ms");
      assertThat(new ObjectMapper().readTree(recommend("own.yaml", "--format", "json").out()).get("cost")
          .get("latencyBudgetMs").asLong()).isEqualTo(300);
      // Left empty (or not reached by a script): the latency answer's default.
      Cli skipped = interview(SCRIPT, "--format", "json");
      assertThat(new ObjectMapper().readTree(skipped.out()).get("cost").get("latencyBudgetMs").asLong()).isEqualTo(1000);
    }

    @Test
    void theOptionalVolumeMayBeAnEmptyLineOrMissing() throws IOException {
      for (String script : new String[] {"daily\nlookup\nregulated\n0\ninteractive\n\n", "daily\nlookup\nregulated\n0\ninteractive\n",
          "daily\nlookup\nregulated\n0\ninteractive"}) {
        Cli r = interview(script, "--format", "json");
        assertThat(r.exit()).as(script + r.describe()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("answers").has("volume")).isFalse();
      }
    }

    @Test
    void aQuestionMarkShowsTheHelpWithoutUsingUpTheQuestion() {
      Cli r = interview("?\n" + SCRIPT);
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("Knowledge freshness: Think of the facts an answer depends on",
          "  daily: Prices, stock, tickets, release notes");
    }

    @Test
    void theDefaultReportIsTextAsRecommendPrintsIt() {
      Cli r = interview(SCRIPT, "--id", "kb", "--name", "Knowledge base answers");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).startsWith("RAG for Knowledge base answers\n");
      Cli same = recommend("--freshness", "daily", "--task", "lookup", "--auditability", "regulated",
          "--training-pairs", "0", "--latency", "interactive", "--volume", "500", "--id", "kb", "--name",
          "Knowledge base answers");
      assertThat(r.out()).isEqualTo(same.out());
    }

    @Test
    void markdownAndAnOutFileWork() throws IOException {
      Cli r = interview(SCRIPT, "--format", "markdown", "--out", "report.md");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(Files.readString(dir.resolve("report.md"))).startsWith("## interview: RAG\n");
    }

    @Test
    void neverAsksToSaveWithoutSave() throws IOException {
      Cli r = interview(SCRIPT + "yes\n");
      assertThat(r.exit()).as(r.describe()).isZero();
      try (var files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Nested
  class Saving {
    @Test
    void saveWritesAUseCaseThatRecommendReadsToTheSameAssessment() throws IOException {
      Cli r = interview(SCRIPT, "--save", "kb-answers.yaml", "--name", "KB answers: support", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("ragft: wrote kb-answers.yaml");
      assertThat(Files.readString(dir.resolve("kb-answers.yaml"))).isEqualTo("""
          id: kb-answers
          name: "KB answers: support"
          answers:
            freshness: daily
            task: lookup
            auditability: regulated
            training-pairs: 0
            latency: interactive
            volume: 500
          """);
      Cli again = recommend("kb-answers.yaml", "--format", "json");
      assertThat(again.exit()).as(again.describe()).isZero();
      assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void everyExampleUseCaseRoundTripsThroughTheInterview() throws IOException {
      Path examples = Path.of("examples/usecases").toAbsolutePath();
      try (var files = Files.list(examples)) {
        for (Path example : files.sorted().toList()) {
          String name = example.getFileName().toString();
          Cli original = Cli.run(dir, Map.of(), "", "recommend", example.toString(), "--format", "json");
          ObjectNode json = (ObjectNode) new ObjectMapper().readTree(original.out());
          StringBuilder script = new StringBuilder();
          for (String q : new String[] {"freshness", "task", "auditability", "training-pairs", "latency", "volume"}) {
            script.append(json.get("answers").has(q) ? json.get("answers").get(q).asText() : "").append('\n');
          }
          Cli r = interview(script.toString(), "--save", name, "--id", json.get("id").asText(), "--name",
              json.get("name").asText(), "--format", "json");
          assertThat(r.exit()).as(name + r.describe()).isZero();
          Cli saved = recommend(name, "--format", "json");
          assertThat(saved.out()).as(name).isEqualTo(r.out());
          json.put("description", "");
          assertThat(new ObjectMapper().readTree(saved.out())).as(name).isEqualTo(json);
        }
      }
    }

    @Test
    void saveToAFolderIsRefusedBeforeTheFirstQuestion() throws IOException {
      Files.createDirectories(dir.resolve("answers"));
      Cli r = interview(SCRIPT, "--save", "answers");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: answers: --save: a folder; give a file name, such as answers/answers.yaml")
          .doesNotContain("[1/5]");
    }

    /** The save fails after every answer was given: the answers go to a draft in the working folder, named on stderr. */
    @Test
    void aSaveThatFailsLeavesTheAnswersInADraft() throws IOException {
      Files.writeString(dir.resolve("not-a-folder"), "a file\n");
      Cli r = interview(SCRIPT, "--save", "not-a-folder/kb.yaml", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.out()).as("the report was printed").contains("\"approach\": \"rag\"");
      assertThat(r.err()).contains("ragft: cannot save to not-a-folder/kb.yaml (", "); the answers are in kb.draft.yaml"
          + " instead; see them again with: ragft recommend kb.draft.yaml");
      Cli again = recommend("kb.draft.yaml", "--format", "json");
      assertThat(again.exit()).as(again.describe()).isZero();
      assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void anInvalidIdIsRefusedBeforeAnyQuestion() {
      Cli r = interview(SCRIPT, "--id", "not valid");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: --id: 'not valid' is not a valid id").doesNotContain("[1/5]");
    }
  }

  @Nested
  class Resuming {
    /** Ctrl-D in the plain form, or a script that ends early: what was answered is in a draft. */
    @Test
    void inputThatEndsBeforeTheLastRequiredAnswerLeavesADraft() throws IOException {
      Cli r = interview("weekly\ndrafting\n", "--id", "short");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("ragft: interview stopped with 2 of 5 questions answered; continue with:\n"
          + "  ragft interview --resume short.draft.yaml\n", "ragft: stdin: end of input before an answer to 'auditability'");
      assertThat(Files.readString(dir.resolve("short.draft.yaml"))).contains("freshness: weekly", "task: drafting");
    }

    @Test
    void aSkippedVolumeIsNotAskedAgain() throws IOException {
      Files.writeString(dir.resolve("kb.draft.yaml"), "id: kb\nname: KB\nanswers:\n  freshness: daily\n  task: lookup\n"
          + "  auditability: regulated\n  training-pairs: 0\n  latency: interactive\nskipped: [volume]\n");
      Cli r = interview("", "--resume", "kb.draft.yaml", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("volume skipped").doesNotContain("Volume:");
    }

    @Test
    void continuesFromTheFirstUnansweredQuestionOfADraft() throws IOException {
      Files.writeString(dir.resolve("kb.draft.yaml"), """
          # Draft of 'ragft interview': 3 of 5 questions answered.
          id: kb
          name: Knowledge base
          answers:
            freshness: daily
            task: lookup
            auditability: regulated
          """, StandardCharsets.UTF_8);
      Cli r = interview("0\ninteractive\n500\n", "--resume", "kb.draft.yaml", "--format", "json", "--save", "kb.yaml");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).startsWith("ragft: resuming from kb.draft.yaml: 3 of 5 answered\n"
          + "  freshness daily, task lookup, auditability regulated\n[4/5] Training pairs").doesNotContain("[1/5]", "[3/5]");
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.get("id").asText()).isEqualTo("kb");
      assertThat(json.get("name").asText()).isEqualTo("Knowledge base");
      assertThat(json.get("answers").size()).isEqualTo(6);
      assertThat(recommend("kb.yaml", "--format", "json").out()).isEqualTo(r.out());
    }

    @Test
    void aDraftWithProblemsIsExit2WithEveryPlace() throws IOException {
      Files.writeString(dir.resolve("bad.draft.yaml"), "id: bad\nanswers:\n  freshness: hourly\n  pace: fast\n",
          StandardCharsets.UTF_8);
      Cli r = interview(SCRIPT, "--resume", "bad.draft.yaml");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("ragft: bad.draft.yaml:3:14: freshness: unknown choice 'hourly'",
          "ragft: bad.draft.yaml:4:3: unknown question 'pace'");
    }

    @Test
    void aMissingDraftIsExit2() {
      Cli r = interview(SCRIPT, "--resume", "nope.yaml");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("ragft: nope.yaml: file not found");
    }
  }

  @Test
  void helpHasExamplesAndTheExitCodes() {
    Cli r = Cli.run("interview", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Examples:", "printf 'daily\\nlookup\\nregulated\\n0\\ninteractive\\n500\\n' \\\n"
        + "    | ragft interview --format json", "--resume", "--save", "--id", "--name", "--no-color", "Exit codes:", "130");
  }
}
