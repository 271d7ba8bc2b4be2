package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.export.ExportRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFinetuneCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TINY = "src/test/resources/datasets/tiny";
  private static final int TINY_PAIRS = 13;

  private static Cli export(String... more) {
    List<String> args = new ArrayList<>(List.of("dataset", "export-finetune", TINY));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<JsonNode> jsonLines(String text) throws IOException {
    assertThat(text).endsWith("\n");
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Nested
  class OpenAiChatFormat {
    @Test
    void everyLineIsOneConversationOfUserThenAssistant() throws IOException {
      Cli r = export("--format", "openai", "--out", "-");
      assertThat(r.exit()).as(r.describe()).isZero();
      List<JsonNode> lines = jsonLines(r.out());
      assertThat(lines).hasSize(TINY_PAIRS);
      for (JsonNode l : lines) {
        assertThat(fieldNames(l)).containsExactly("messages");
        JsonNode messages = l.get("messages");
        assertThat(messages.isArray()).isTrue();
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("user", "assistant");
        for (JsonNode m : messages) {
          assertThat(fieldNames(m)).containsExactly("role", "content");
          assertThat(m.get("content").isTextual()).isTrue();
          assertThat(m.get("content").asText()).isNotBlank();
        }
      }
      assertThat(lines.get(0).get("messages").get(0).get("content").asText()).isEqualTo("How much does the Pro plan cost?");
      assertThat(lines.get(0).get("messages").get(1).get("content").asText()).isEqualTo("$10 per user per month");
    }

    @Test
    void aCsvDatasetExportsTheSameBytesAsItsJsonLinesTwin() {
      Cli jsonl = export("--format", "openai", "--out", "-");
      Cli csv = Cli.run("dataset", "export-finetune", "src/test/resources/datasets/tiny-csv", "--format", "openai", "--out", "-");
      assertThat(csv.exit()).as(csv.describe()).isZero();
      assertThat(csv.out()).isEqualTo(jsonl.out()).isNotEmpty();
    }

    @Test
    void aSystemPromptOpensEveryConversation() throws IOException {
      Cli r = export("--format", "openai", "--out", "-", "--system", "Be brief.");
      for (JsonNode l : jsonLines(r.out())) {
        JsonNode messages = l.get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("Be brief.");
      }
    }
  }

  @Nested
  class AlpacaFormat {
    @Test
    void isOneJsonArrayOfInstructionInputOutput() throws IOException {
      Cli r = export("--format", "alpaca", "--out", "-");
      assertThat(r.exit()).as(r.describe()).isZero();
      JsonNode array = JSON.readTree(r.out());
      assertThat(array.isArray()).isTrue();
      assertThat(array).hasSize(TINY_PAIRS);
      ExportRules rules = ExportRules.builtIn();
      for (JsonNode e : array) {
        assertThat(fieldNames(e)).containsExactly("instruction", "input", "output");
        e.forEach(v -> assertThat(v.isTextual()).isTrue());
        assertThat(e.get("instruction").asText()).isIn(rules.instruction(Task.QA), rules.instruction(Task.CLASSIFICATION));
        assertThat(e.get("output").asText()).isNotBlank();
      }
      assertThat(array.get(0).get("instruction").asText()).isEqualTo(rules.instruction(Task.QA));
      assertThat(array.get(4).get("instruction").asText()).isEqualTo(rules.instruction(Task.CLASSIFICATION));
      assertThat(array.get(4).get("output").asText()).isEqualTo("billing");
    }

    @Test
    void theSystemPromptIsTheInstruction() throws IOException {
      Cli r = export("--format", "alpaca", "--out", "-", "--system", "Be brief.");
      for (JsonNode e : JSON.readTree(r.out())) {
        assertThat(e.get("instruction").asText()).isEqualTo("Be brief.");
      }
    }
  }

  @Nested
  class ShareGptFormat {
    @Test
    void everyLineIsConversationsOfHumanThenGpt() throws IOException {
      Cli r = export("--format", "sharegpt", "--out", "-", "--task", "classification");
      assertThat(r.exit()).as(r.describe()).isZero();
      List<JsonNode> lines = jsonLines(r.out());
      assertThat(lines).hasSize(9);
      for (JsonNode l : lines) {
        assertThat(fieldNames(l)).containsExactly("conversations");
        JsonNode turns = l.get("conversations");
        assertThat(turns).extracting(t -> t.get("from").asText()).containsExactly("human", "gpt");
        for (JsonNode t : turns) {
          assertThat(fieldNames(t)).containsExactly("from", "value");
          assertThat(t.get("value").asText()).isNotBlank();
        }
      }
    }

    @Test
    void aSystemPromptIsTheFirstTurn() throws IOException {
      Cli r = export("--format", "sharegpt", "--out", "-", "--system", "Be brief.", "--task", "qa");
      List<JsonNode> lines = jsonLines(r.out());
      assertThat(lines).hasSize(4);
      for (JsonNode l : lines) {
        assertThat(l.get("conversations")).extracting(t -> t.get("from").asText()).containsExactly("system", "human", "gpt");
      }
    }
  }

  @Nested
  class ValidationPass {
    @TempDir Path tmp;

    private Path dataset(String... trainLines) throws IOException {
      Path d = tmp.resolve("ds");
      Files.createDirectories(d);
      Files.writeString(d.resolve("dataset.yaml"), "name: t\ntasks: [qa, classification]\n", StandardCharsets.UTF_8);
      Files.writeString(d.resolve("train.jsonl"), String.join("\n", trainLines) + "\n", StandardCharsets.UTF_8);
      return d;
    }

    private static String pair(String id, String input, String output) {
      return "{\"id\":\"" + id + "\",\"task\":\"qa\",\"input\":\"" + input + "\",\"output\":\"" + output + "\"}";
    }

    @Test
    void unusableExamplesAreSkippedWithFileAndLineAndCounted() throws IOException {
      dataset(pair("a", "q1", "a1"), pair("b", "q2", ""), pair("c", "q1", "a1"), pair("d", "q4", "x".repeat(70_000)),
          "{\"id\":\"e\",\"task\":\"qa\",\"input\":\"q5\"}", pair("f", "q6", "a6"), pair("g", "q1", "another answer"));
      Cli r = Cli.run(tmp, Map.of(), "", "dataset", "export-finetune", "ds", "--format", "openai", "--out", "out.jsonl");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err())
          .contains("ds/train.jsonl:2:", "skipped (empty output)")
          .contains("ds/train.jsonl:3:1: skipped (duplicate): train example 'c': the same input and output as line 1")
          .contains("ds/train.jsonl:4:1: skipped (over the token limit): train example 'd': about 17,501 tokens"
              + " (characters / 4), over the limit of 16,385 in finetune-export.yaml")
          .contains("ds/train.jsonl:5:1: skipped (empty output)")
          .contains("export-finetune: wrote 3 pairs to out.jsonl (openai); skipped 4 (2 empty output, 1 duplicate,"
              + " 1 over the token limit); 2 warnings")
          .contains("out.jsonl: warning: 3 training examples, fewer than the 10 examples openai fine-tuning accepts"
              + " (minimum-examples in finetune-export.yaml)");
      List<JsonNode> written = jsonLines(Files.readString(tmp.resolve("out.jsonl"), StandardCharsets.UTF_8));
      assertThat(written).extracting(l -> l.get("messages").get(0).get("content").asText()).containsExactly("q1", "q6", "q1");
    }

    @Test
    void fewerPairsThanTheFrameworksFloorIsAWarningNotAFailure() throws IOException {
      dataset(pair("a", "q1", "a1"), pair("b", "q2", "a2"));
      Cli r = Cli.run(tmp, Map.of(), "", "dataset", "export-finetune", "ds", "--format", "alpaca", "--out", "out.json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("ds/train.jsonl: warning: 2 usable pairs is below the floor of 1,000 quality pairs"
          + " for fine-tuning (framework b2b-2026, rule pairs-floor)");
      assertThat(Files.exists(tmp.resolve("out.json"))).isTrue();
    }

    @Test
    void theFloorComesFromTheChosenFramework() throws IOException {
      dataset(pair("a", "q1", "a1"), pair("b", "q2", "a2"));
      String framework = Files.readString(Path.of("frameworks/b2b-2026.yaml"), StandardCharsets.UTF_8)
          .replace("when: {training-pairs: {below: floor}}", "when: {training-pairs: {below: 2}}");
      assertThat(framework).contains("below: 2}}");
      Files.writeString(tmp.resolve("fw.yaml"), framework, StandardCharsets.UTF_8);
      Cli r = Cli.run(tmp, Map.of(), "", "dataset", "export-finetune", "ds", "--format", "alpaca", "--out", "out.json",
          "--framework", "fw.yaml");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).doesNotContain("below the floor").contains("; 0 warnings");
    }
  }

  @Nested
  class ValidationSplit {
    @TempDir Path tmp;

    private Cli split(String out, String... more) {
      List<String> args = new ArrayList<>(List.of("dataset", "export-finetune", Path.of(TINY).toAbsolutePath().toString(),
          "--format", "openai", "--out", out, "--validation-split", "0.3"));
      args.addAll(List.of(more));
      return Cli.run(tmp, Map.of(), "", args.toArray(String[]::new));
    }

    @Test
    void writesASiblingValidationFileOfTheRoundedShare() throws IOException {
      Cli r = split("ft.jsonl");
      assertThat(r.exit()).as(r.describe()).isZero();
      List<String> train = Files.readAllLines(tmp.resolve("ft.jsonl"), StandardCharsets.UTF_8);
      List<String> validation = Files.readAllLines(tmp.resolve("ft.validation.jsonl"), StandardCharsets.UTF_8);
      assertThat(validation).hasSize(4); // round(13 x 0.3)
      assertThat(train).hasSize(TINY_PAIRS - 4).doesNotContainAnyElementsOf(validation);
      assertThat(r.err()).contains("wrote 9 pairs to ft.jsonl and 4 to ft.validation.jsonl (openai)");
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedAnotherSplit() throws IOException {
      split("a.jsonl", "--seed", "7");
      split("b.jsonl", "--seed", "7");
      assertThat(Files.readString(tmp.resolve("b.validation.jsonl"))).isEqualTo(Files.readString(tmp.resolve("a.validation.jsonl")));
      assertThat(Files.readString(tmp.resolve("b.jsonl"))).isEqualTo(Files.readString(tmp.resolve("a.jsonl")));
      split("c.jsonl", "--seed", "8");
      assertThat(Files.readString(tmp.resolve("c.validation.jsonl"))).isNotEqualTo(Files.readString(tmp.resolve("a.validation.jsonl")));
    }
  }

  @Nested
  class BadInput {
    @TempDir Path tmp;

    @Test
    void aMissingFolderExitsTwo() {
      Cli r = Cli.run("dataset", "export-finetune", "no/such/dir", "--format", "openai", "--out", "-");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("no/such/dir: dataset folder not found");
    }

    @Test
    void aDatasetWithoutATrainFileExitsTwo() throws IOException {
      Files.createDirectories(tmp.resolve("ds"));
      Files.writeString(tmp.resolve("ds/dataset.yaml"), "name: t\ntasks: [qa]\n", StandardCharsets.UTF_8);
      Cli r = Cli.run(tmp, Map.of(), "", "dataset", "export-finetune", "ds", "--format", "openai", "--out", "o.jsonl");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("ds/train.jsonl: file not found (train.jsonl or train.csv)");
      assertThat(Files.exists(tmp.resolve("o.jsonl"))).isFalse();
    }

    @Test
    void noUsablePairExitsTwoAndNamesEverySkip() throws IOException {
      Files.createDirectories(tmp.resolve("ds"));
      Files.writeString(tmp.resolve("ds/dataset.yaml"), "name: t\ntasks: [qa]\n", StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("ds/train.jsonl"), "{\"id\":\"a\",\"task\":\"qa\",\"input\":\"q\",\"output\":\" \"}\nnot json\n",
          StandardCharsets.UTF_8);
      Cli r = Cli.run(tmp, Map.of(), "", "dataset", "export-finetune", "ds", "--format", "openai", "--out", "o.jsonl");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("ds/train.jsonl:1:", "skipped (empty output)", "ds/train.jsonl:2:",
          "skipped (unreadable row): bad JSON", "no usable training pairs for task qa or classification");
      assertThat(Files.exists(tmp.resolve("o.jsonl"))).isFalse();
    }

    @Test
    void aTaskWithoutPairsInACsvDatasetExitsTwoNamingTheCsvFile() throws IOException {
      Files.createDirectories(tmp.resolve("ds"));
      Files.writeString(tmp.resolve("ds/dataset.yaml"), "name: t\ntasks: [qa, classification]\n", StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("ds/train.csv"), "id,task,input,output\na,classification,refund please,billing\n",
          StandardCharsets.UTF_8);
      Cli r = Cli.run(tmp, Map.of(), "", "dataset", "export-finetune", "ds", "--format", "sharegpt", "--out", "o.jsonl",
          "--task", "qa");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("ds/train.csv: no usable training pairs for task qa; nothing to export");
    }

    @Test
    void badOptionsExitTwoAndNameTheValidChoices() {
      assertThat(export("--format", "jsonl", "--out", "-")).satisfies(r -> {
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--format: unknown format 'jsonl'; expected one of openai, alpaca, sharegpt");
      });
      assertThat(export("--format", "openai", "--out", "-", "--task", "summary")).satisfies(r -> {
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--task: unknown task 'summary'; expected one of qa, classification, all");
      });
      assertThat(export("--format", "openai", "--out", "x.jsonl", "--validation-split", "1.5")).satisfies(r -> {
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--validation-split: 1.5 is out of range");
      });
      assertThat(export("--format", "openai", "--out", "-", "--validation-split", "0.1")).satisfies(r -> {
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("give --out a file name");
      });
      assertThat(export("--format", "openai")).satisfies(r -> {
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--out");
      });
      assertThat(export("--format", "openai", "--out", "-", "--system", " ")).satisfies(r -> {
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--system: the prompt must not be blank");
      });
    }
  }
}
