package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {
  private static final String SLA = "examples/usecases/enterprise-sla-answers.yaml";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Cli runIn(String... args) {
    return Cli.run(dir, Map.of(), "", args);
  }

  private static final String VALID = """
      id: sla
      name: SLA answers
      answers:
        freshness: monthly
        task: lookup
        auditability: high
        training-pairs: 0
        latency: interactive
      """;

  @Nested
  class WithGoodInput {
    @Test
    void printsARecommendationForAnExampleFile() {
      Cli r = Cli.run("recommend", SLA);
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).startsWith("RAG for Enterprise SLA answers").contains("Scores", "Why", "Stack", "Rollout");
      assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasTheKeysOfTheDesignContract() throws IOException {
      Cli r = Cli.run("recommend", SLA, "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.fieldNames()).toIterable()
          .contains("id", "approach", "scores", "confidence", "drivers", "warnings", "stack", "rollout", "whatIf");
      assertThat(json.get("approach").asText()).isEqualTo("rag");
      assertThat(json.get("scores").fieldNames()).toIterable().containsExactly("rag", "hybrid", "fine-tune");
      JsonNode driver = json.get("drivers").get(0);
      assertThat(driver.fieldNames()).toIterable().contains("question", "answer", "effects", "reason", "rule");
      assertThat(json.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void flagsGiveTheSameResultAsTheFile() {
      Cli fromFile = Cli.run("recommend", SLA, "--format", "json");
      Cli fromFlags = Cli.run("recommend", "--freshness", "monthly", "--task", "lookup", "--auditability", "high",
          "--training-pairs", "0", "--latency", "interactive", "--volume", "400", "--format", "json",
          "--id", "enterprise-sla-answers", "--name", "Enterprise SLA answers for account managers");
      assertThat(fromFlags.exit()).as(fromFlags.describe()).isZero();
      String withoutDescription = fromFile.out().replaceFirst("\"description\": \"[^\"]*\"", "\"description\": \"\"");
      assertThat(fromFlags.out()).isEqualTo(withoutDescription);
    }

    @Test
    void numbersMayBeWrittenWithSeparatorsOrSuffixes() {
      Cli r = Cli.run("recommend", "--freshness", "static", "--task", "classification", "--auditability", "low",
          "--training-pairs", "12k", "--latency", "batch", "--volume", "1,500", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).contains("\"training-pairs\": 12000", "\"volume\": 1500");
    }

    @Test
    void writesToAFileWithOut() throws IOException {
      write("uc.yaml", VALID);
      Cli r = runIn("recommend", "uc.yaml", "--format", "markdown", "--out", "reports/uc.md");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(Files.readString(dir.resolve("reports/uc.md"))).startsWith("## SLA answers: RAG");
    }

    @Test
    void picksOneUseCaseOfAListWithId() throws IOException {
      write("list.yaml", "- " + VALID.strip().replace("\n", "\n  ") + "\n- " + VALID.strip().replace("id: sla", "id: other")
          .replace("\n", "\n  ") + "\n");
      Cli both = runIn("recommend", "list.yaml");
      assertThat(both.exit()).isEqualTo(2);
      assertThat(both.err()).contains("holds 2 use cases (sla, other)", "--id");
      Cli one = runIn("recommend", "list.yaml", "--id", "other", "--format", "json");
      assertThat(one.exit()).as(one.describe()).isZero();
      assertThat(one.out()).contains("\"id\": \"other\"");
    }

    @Test
    void usesAFrameworkFileGivenWithFramework() throws IOException {
      String text = Files.readString(Path.of("frameworks/b2b-2026.yaml"))
          .replace("baseline: {rag: 50, hybrid: 40, fine-tune: 30}", "baseline: {rag: 10, hybrid: 90, fine-tune: 30}")
          .replace("id: b2b-2026", "id: my-framework");
      write("my.yaml", text);
      write("uc.yaml", VALID.replace("training-pairs: 0", "training-pairs: 5000").replace("task: lookup", "task: mixed"));
      Cli r = runIn("recommend", "uc.yaml", "--framework", "my.yaml", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).contains("\"id\": \"my-framework\"", "\"approach\": \"hybrid\"");
    }
  }

  @Nested
  class WithBadInput {
    private void assertOneLineError(Cli r, String... expected) {
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.out()).as(r.describe()).isEmpty();
      assertThat(r.err().lines().count()).as(r.describe()).isEqualTo(1);
      assertThat(r.err()).as(r.describe()).startsWith("ragft: ").contains(expected).doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownChoiceNamesFileLineColumnAndTheValidChoices() throws IOException {
      write("uc.yaml", VALID.replace("task: lookup", "task: lookups"));
      assertOneLineError(runIn("recommend", "uc.yaml"),
          "uc.yaml:5:9: task: unknown choice 'lookups'; expected one of lookup, synthesis, drafting, structured-output, classification, mixed");
    }

    @Test
    void misspeltKeyNamesTheValidKeys() throws IOException {
      write("uc.yaml", VALID.replace("name: SLA answers", "nmae: SLA answers"));
      assertOneLineError(runIn("recommend", "uc.yaml"), "uc.yaml:2:1: use case: unknown key 'nmae'; expected one of id, name, description, answers");
    }

    @Test
    void misspeltQuestionNamesTheValidQuestions() throws IOException {
      write("uc.yaml", VALID.replace("  latency: interactive", "  latency: interactive\n  volumes: 5"));
      assertOneLineError(runIn("recommend", "uc.yaml"),
          "uc.yaml:9:3: unknown question 'volumes'; expected one of freshness, task, auditability, training-pairs, latency, volume");
    }

    @Test
    void missingAnswerNamesTheQuestionAndItsChoices() throws IOException {
      write("uc.yaml", VALID.replace("  latency: interactive\n", ""));
      assertOneLineError(runIn("recommend", "uc.yaml"),
          "uc.yaml:4:3: missing answer to 'latency'", "expected one of realtime, interactive, async, batch");
    }

    @Test
    void negativePairsAreRefused() throws IOException {
      write("uc.yaml", VALID.replace("training-pairs: 0", "training-pairs: -5"));
      assertOneLineError(runIn("recommend", "uc.yaml"), "uc.yaml:7:19: training-pairs: -5 is negative; expected a whole number, 0 or more");
    }

    @Test
    void nonNumericPairsAreRefused() throws IOException {
      write("uc.yaml", VALID.replace("training-pairs: 0", "training-pairs: lots"));
      assertOneLineError(runIn("recommend", "uc.yaml"), "uc.yaml:7:19: training-pairs: 'lots' is not a whole number");
    }

    @Test
    void emptyFileIsReported() throws IOException {
      write("uc.yaml", "");
      assertOneLineError(runIn("recommend", "uc.yaml"), "uc.yaml: file is empty");
    }

    @Test
    void missingFileIsReported() {
      assertOneLineError(runIn("recommend", "nope.yaml"), "nope.yaml: file not found");
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() throws IOException {
      write("uc.yaml", "id: x\nanswers:\n  task: [lookup\n");
      Cli r = runIn("recommend", "uc.yaml");
      assertOneLineError(r, "uc.yaml:", "YAML syntax error");
      assertThat(r.err()).containsPattern("uc\\.yaml:\\d+:\\d+: YAML syntax error");
    }

    @Test
    void unknownChoiceInAFlagNamesTheValidChoices() {
      Cli r = Cli.run("recommend", "--freshness", "daily", "--task", "lookup", "--auditability", "sometimes",
          "--training-pairs", "0", "--latency", "batch");
      assertOneLineError(r, "command line: auditability: unknown choice 'sometimes'; expected one of regulated, high, medium, low");
    }

    @Test
    void invalidFrameworkFileIsBadInputWithItsLocation() throws IOException {
      write("bad.yaml", Files.readString(Path.of("frameworks/b2b-2026.yaml"))
          .replace("fullConfidenceMargin: 25", "fullConfidenceMargin: 25\n  foundaton: rag"));
      write("uc.yaml", VALID);
      assertOneLineError(runIn("recommend", "uc.yaml", "--framework", "bad.yaml"), "bad.yaml:", "scoring: unknown key 'foundaton'");
    }

    @Test
    void anInvalidFrameworkIsReportedBeforeTheUseCaseFileIsJudged() throws IOException {
      // recommend parses the file before the framework is read, to use the wait; the order of
      // messages must not change with it.
      write("bad.yaml", Files.readString(Path.of("frameworks/b2b-2026.yaml"))
          .replace("fullConfidenceMargin: 25", "fullConfidenceMargin: 25\n  foundaton: rag"));
      assertOneLineError(runIn("recommend", "missing.yaml", "--framework", "bad.yaml"), "bad.yaml:",
          "scoring: unknown key 'foundaton'");
      write("broken.yaml", "id: x\nanswers: [\n");
      assertOneLineError(runIn("recommend", "broken.yaml", "--framework", "bad.yaml"), "bad.yaml:",
          "scoring: unknown key 'foundaton'");
    }

    @Test
    void aFileAndAnswerFlagsTogetherAreRefusedBeforeAnythingIsRead() {
      Cli r = runIn("recommend", "missing.yaml", "--freshness", "daily");
      assertOneLineError(r, "give either a use-case FILE or answer flags, not both");
    }

    @Test
    void unknownFormatIsAUsageErrorNamingTheValidValues() {
      Cli r = Cli.run("recommend", SLA, "--format", "pdf");
      assertOneLineError(r, "text, markdown, json");
    }

    @Test
    void fileAndFlagsTogetherIsAUsageError() {
      assertOneLineError(Cli.run("recommend", SLA, "--task", "lookup"), "either a use-case FILE or answer flags");
    }

    @Test
    void verboseAddsTheStackTrace() {
      Cli r = Cli.run("--verbose", "recommend", "nope.yaml");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("nope.yaml: file not found", "BadInputException", "\tat ");
    }
  }

  @Test
  void helpShowsExamplesAndExitCodes() {
    Cli r = Cli.run("recommend", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Examples:", "ragft recommend examples/usecases/", "Exit codes:", "--what-if", "--explain");
  }
}
