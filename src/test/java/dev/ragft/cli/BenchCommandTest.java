package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  static final String TINY = Path.of("src/test/resources/datasets/tiny").toAbsolutePath().toString();
  @TempDir Path cwd;

  Cli bench(String... args) {
    String[] all = Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new);
    return Cli.run(cwd, Map.of(), "", all);
  }

  @Nested
  class Gates {
    @Test
    void aFailedGateExitsOneAndIsPrinted() {
      Cli r = bench(TINY, "--no-timing", "--fail-under", "rag.qa.f1=0.9", "--fail-under", "fine-tune.classification.accuracy=0.9");
      assertThat(r.exit()).as(r.describe()).isEqualTo(1);
      assertThat(r.err()).contains("ragft: gate failed: rag.qa.f1 = 0.3709 < 0.9000\n")
          .doesNotContain("gate failed: fine-tune");
      assertThat(r.out()).contains("  FAIL  rag.qa.f1 = 0.3709 < 0.9000\n",
          "  pass  fine-tune.classification.accuracy = 1.0000 >= 0.9000\n");
    }

    @Test
    void passingGatesExitZero() {
      Cli r = bench(TINY, "--no-timing", "--fail-under", "hybrid.accuracy=0.5");
      assertThat(r.exit()).as(r.describe()).isZero();
    }

    @Test
    void aSecondOutputOnStdoutIsBadUsage() {
      Cli r = bench(TINY, "--markdown", "-");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("ragft: the printed report (--format text) and --markdown - would both go to stdout;"
          + " send one of them to a file");
    }

    @Test
    void aGateThatCannotBeReadIsBadUsage() {
      Cli r = bench(TINY, "--fail-under", "rag.qa.f1");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: --fail-under 'rag.qa.f1': expected APPROACH.SLICE.METRIC=VALUE");
    }

    @Test
    void aGateOnASliceTheDatasetLacksIsBadUsage() {
      Cli r = bench(TINY, "--no-timing", "--fail-under", "rag.nope.f1=0.5");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).contains("no slice 'nope' in this dataset; expected one of all, qa, classification,"
          + " changed-after-training, long-tail");
    }
  }

  @Nested
  class AnswerQuality {
    @Test
    void scoreByTokenF1ChangesTheQuestionScoreAndSaysSo() {
      Cli r = bench(TINY, "--no-timing", "--score", "f1", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      // qa slice: rag's token F1 is 0.3709, and with --score f1 that is its score too
      assertThat(r.out()).contains("\"questionScore\": \"f1\"", "\"context-recall\": 1.0000");
      Cli text = bench(TINY, "--no-timing", "--score", "f1");
      assertThat(text.out()).contains("score: token F1 for a question (chosen by --score f1), 1 or 0 for a label.");
    }

    @Test
    void similarityNeedsTheEmbeddingMetricsAndAnUnknownScoreIsBadUsage() {
      Cli r = bench(TINY, "--score", "similarity");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).contains("--score similarity needs --embedding-metrics");
      Cli u = bench(TINY, "--score", "bleu");
      assertThat(u.exit()).isEqualTo(2);
      assertThat(u.err()).contains("--score: unknown 'bleu'; expected one of fact-f1, f1, em, similarity");
    }

    @Test
    void theEmbeddingMetricsMeasureSimilarityWithTheShippedModel() {
      Cli r = bench(TINY, "--no-timing", "--embedding-metrics", "--score", "similarity", "--format", "json",
          "--cache-dir", "cache");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).contains("\"embeddingMetrics\": true", "\"embeddingModel\": \"all-minilm-l6-v2\"",
          "\"similarity\": ", "\"context-recall-embedding\": ", "\"questionScore\": \"similarity\"");
    }
  }

  @Nested
  class OutOfScope {
    /** Three intents with words of their own, and out-of-scope inputs made of words no intent uses. */
    Path dataset() throws IOException {
      Path d = Files.createDirectories(cwd.resolve("oos"));
      Files.writeString(d.resolve("dataset.yaml"), "name: oos\ntasks: [classification]\nout-of-scope-label: oos\n",
          StandardCharsets.UTF_8);
      String[][] intents = {{"card", "lost card blocked card stolen card replace card"},
          {"refund", "refund money back return payment refund please"},
          {"transfer", "transfer funds send money wire transfer account"}};
      String[] strange = {"weather tomorrow rain", "pizza recipe cheese", "football score tonight", "song lyrics guitar",
          "movie tickets cinema", "holiday beach flight", "cat food brand", "garden flowers spring"};
      StringBuilder train = new StringBuilder();
      StringBuilder eval = new StringBuilder();
      int n = 0;
      for (String[] intent : intents) {
        String[] words = intent[1].split(" ");
        for (int i = 0; i < 12; i++) {
          String text = words[i % words.length] + " " + words[(i + 2) % words.length] + " " + words[(i + 3) % words.length]
              + " " + i;
          (i < 9 ? train : eval).append("{\"id\": \"x").append(n++).append("\", \"task\": \"classification\", \"input\": \"")
              .append(text).append("\", \"").append(i < 9 ? "output" : "expected").append("\": \"").append(intent[0])
              .append("\"}\n");
        }
      }
      for (int i = 0; i < strange.length; i++) {
        (i < 5 ? train : eval).append("{\"id\": \"x").append(n++).append("\", \"task\": \"classification\", \"input\": \"")
            .append(strange[i]).append("\", \"").append(i < 5 ? "output" : "expected").append("\": \"oos\"}\n");
      }
      Files.writeString(d.resolve("train.jsonl"), train, StandardCharsets.UTF_8);
      Files.writeString(d.resolve("eval.jsonl"), eval, StandardCharsets.UTF_8);
      return d;
    }

    @Test
    void theClassifierAbstainsBelowAThresholdChosenOnHeldOutTrainAndBothRatesAreReported() throws IOException {
      dataset();
      Cli r = bench("oos", "--no-timing", "--approach", "fine-tune", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).contains("\"outOfScopeLabel\": \"oos\"", "\"outOfScopeHoldout\": 0.2", "\"abstainBelow\": ",
          "\"oos-recall\": ", "\"in-scope-accuracy\": ", "\"accuracy\": ");
      Cli text = bench("oos", "--no-timing", "--approach", "fine-tune");
      assertThat(text.out()).contains("out-of-scope recall", "in-scope accuracy",
          "out-of-scope label 'oos': the trained classifier answers it when its confidence is below");
    }

    @Test
    void aDatasetWithoutTheLabelReportsNeither() {
      Cli r = bench(TINY, "--no-timing", "--format", "json");
      assertThat(r.out()).doesNotContain("oos-recall", "in-scope-accuracy", "abstainBelow");
    }
  }

  @Nested
  class EvalCasesAlsoInTrain {
    Path dataset() throws IOException {
      Path d = Files.createDirectories(cwd.resolve("overlap"));
      Files.writeString(d.resolve("dataset.yaml"), "name: overlap\ntasks: [classification]\n", StandardCharsets.UTF_8);
      Files.writeString(d.resolve("train.jsonl"), String.join("\n",
          "{\"id\": \"t1\", \"task\": \"classification\", \"input\": \"lost my card\", \"output\": \"card\"}",
          "{\"id\": \"t2\", \"task\": \"classification\", \"input\": \"refund please\", \"output\": \"refund\"}",
          ""), StandardCharsets.UTF_8);
      Files.writeString(d.resolve("eval.jsonl"), String.join("\n",
          "{\"id\": \"e1\", \"task\": \"classification\", \"input\": \"Lost my  card\", \"expected\": \"card\"}",
          "{\"id\": \"e2\", \"task\": \"classification\", \"input\": \"I want a refund\", \"expected\": \"refund\"}",
          ""), StandardCharsets.UTF_8);
      return d;
    }

    @Test
    void areLeftOutWithAWarningAndCountedInTheSummary() throws IOException {
      dataset();
      Cli r = bench("overlap", "--no-timing", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("ragft: warning: overlap/eval.jsonl:1:1: 1 of 2 eval cases has an input that is also"
          + " in train (ignoring case and spacing) and is left out of the evaluation: 'e1' (line 1, in train at"
          + " overlap/train.jsonl:1:1 as 't1'); --strict refuses such a dataset instead");
      assertThat(r.out()).contains("\"eval\": 1,", "\"excludedOverlap\": 1", "\"cases\": 1,");
      Cli text = bench("overlap", "--no-timing");
      assertThat(text.out()).contains("1 eval case was left out: the input is also in train (ignoring case and"
          + " spacing); --strict refuses such a dataset.");
    }

    @Test
    void strictRefusesTheDataset() throws IOException {
      dataset();
      Cli r = bench("overlap", "--no-timing", "--strict");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).contains("overlap/eval.jsonl:1:1: eval case 'e1': the same input is in train"
          + " (overlap/train.jsonl:1:1, id 't1'); a held-out case must not be trained on");
    }

    @Test
    void datasetValidateWarnsAndExitsZero() throws IOException {
      Cli r = Cli.run(cwd, Map.of(), "", "dataset", "validate", dataset().getFileName().toString());
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).contains("warning: 1 of 2 eval cases has an input that is also in train",
          "1 eval case (1 more left out: input also in train), 1 warning)");
      Cli strict = Cli.run(cwd, Map.of(), "", "dataset", "validate", "--strict", "overlap");
      assertThat(strict.exit()).as(strict.describe()).isEqualTo(1);
    }
  }

  @Nested
  class BadInput {
    @Test
    void aMissingDatasetFolder() {
      Cli r = bench("nope");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: nope: dataset folder not found\n");
    }

    @Test
    void aMalformedDatasetListsEveryProblemWithFileAndLine() {
      Cli r = bench(Path.of("src/test/resources/datasets/broken").toAbsolutePath().toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("broken/corpus.jsonl:4:44: bad JSON:", "broken/eval.jsonl:2:1: eval case 'q2':"
          + " relevant id 'zeta' is not in the corpus").doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownApproach() {
      Cli r = bench(TINY, "--approach", "rag,lora");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: --approach: unknown approach 'lora'; expected one of rag, fine-tune, hybrid");
    }

    @Test
    void topKOutOfRange() {
      assertThat(bench(TINY, "--top-k", "0").err()).startsWith("ragft: --top-k: 0 is out of range; expected 1 to 100");
    }

    @Test
    void anEmptyTrainSplitWhenATrainedApproachIsAsked() throws IOException {
      Path d = cwd.resolve("no-train");
      Files.createDirectories(d);
      Files.writeString(d.resolve("dataset.yaml"), "name: x\ntasks: [qa]\n");
      Files.writeString(d.resolve("corpus.jsonl"), "{\"id\": \"a\", \"text\": \"Alpha is first.\"}\n");
      Files.writeString(d.resolve("eval.jsonl"), "{\"id\": \"q\", \"task\": \"qa\", \"input\": \"What is alpha?\","
          + " \"expected\": \"first\", \"relevant\": [\"a\"]}\n");
      Cli r = bench("no-train", "--approach", "fine-tune");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).contains("ragft: no-train/train.jsonl: no qa examples to train on, but fine-tune needs them");
      assertThat(bench("no-train", "--approach", "rag").exit()).isZero();
    }

    @Test
    void aReportFolderThatCannotBeWritten() throws IOException {
      Files.writeString(cwd.resolve("file"), "not a folder");
      Cli r = bench(TINY, "--report-dir", "file/reports");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: file/reports: cannot write the report folder:");
    }
  }

  @Nested
  class Reports {
    @Test
    void theReportFolderGetsSummaryCasesAndTheLogAndNothingHalfWritten() throws IOException {
      Cli r = bench(TINY, "--no-timing", "--report-dir", "out", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      Path out = cwd.resolve("out");
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly("cases.csv", "cases.jsonl", "junit.xml", "report.html", "report.md", "slices.csv",
                "summary.json");
      }
      assertThat(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8)).isEqualTo(r.out());
      assertThat(Files.readAllLines(out.resolve("cases.csv"))).hasSize(1 + 27)
          .first().asString().startsWith("approach,id,task,tags,input,expected,answer,citation,retrieved,score,");
      assertThat(r.err()).isEqualTo("ragft: wrote out/summary.json\nragft: wrote out/cases.csv\nragft: wrote out/slices.csv\nragft: wrote out/junit.xml\n"
          + "ragft: wrote out/report.md\nragft: wrote out/report.html\n");
    }

    @Test
    void withoutAReportFolderTheLogGoesToTheCacheFolderAndResumeUsesIt() {
      Cli first = bench(TINY, "--no-timing");
      assertThat(first.exit()).isZero();
      assertThat(cwd.resolve(".ragft-cache/runs")).isDirectory();
      Cli again = bench(TINY, "--no-timing", "--resume");
      assertThat(again.err()).startsWith("ragft: resumed 27 results from .ragft-cache/runs/");
      assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void sameInputSameBytes() {
      assertThat(bench(TINY, "--no-timing").out()).isEqualTo(bench(TINY, "--no-timing").out());
    }

    @Test
    void aProgressBarIsDrawnOnStderrOnlyOnATerminal() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int exit = Main.run(new String[] {"bench", TINY, "--no-timing"}, new java.io.PrintStream(out, true,
          StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
          new java.io.ByteArrayInputStream(new byte[0]), Map.of("NO_COLOR", "1"), cwd, true);
      assertThat(exit).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("[##############################] 27/27");
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("27/27");
    }

    @Test
    void timedRunsReportLatency() {
      Cli r = bench(TINY, "--approach", "fine-tune");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("latency p50 ms", "latency p95 ms").doesNotContain("Latency not measured");
    }
  }
}
