package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench where it cannot write its cache, and on a dataset with more than one thing wrong. */
class BenchFolderHintsTest {
  @TempDir Path dir;

  /** /sys refuses new files even to root, as a read-only folder does to a user. */
  private static final Path UNWRITABLE = Path.of("/sys");

  @Test
  void aWorkingFolderThatCannotHoldTheCacheFallsBackToATemporaryCacheWithAWarning() {
    Cli r = Cli.run(UNWRITABLE, Map.of("TMPDIR", dir.toString()), "", "bench", BenchCommandTest.TINY, "--no-timing");
    assertThat(r.exit()).as(r.describe()).isZero();
    // The reason is the system's: EACCES or EPERM.
    assertThat(r.err()).containsPattern("^ragft: warning: \\.ragft-cache: cannot write the cache folder \\((permission"
        + " denied|operation not permitted)\\); using " + java.util.regex.Pattern.quote(dir.resolve("ragft-cache")
            .toString()) + " instead \\(--cache-dir DIR chooses another\\)\n");
    assertThat(dir.resolve("ragft-cache/runs")).isDirectory();
    Cli again = Cli.run(UNWRITABLE, Map.of("TMPDIR", dir.toString()), "", "bench", BenchCommandTest.TINY, "--no-timing",
        "--resume");
    assertThat(again.err()).contains("ragft: resumed 27 results from " + dir.resolve("ragft-cache") + "/runs/");
  }

  @Test
  void aCacheFolderGivenThatCannotBeWrittenIsBadInputWithTheHint() {
    Cli r = Cli.run(dir, Map.of(), "", "bench", BenchCommandTest.TINY, "--cache-dir", "/sys/ragft-cache");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).matches("ragft: /sys/ragft-cache: cannot write the cache folder: (permission denied|operation"
        + " not permitted); give --cache-dir a folder you can write\n");
  }

  @Test
  void theCauseComesBeforeTheWarningsItExplains() throws IOException {
    Path d = dir.resolve("bare");
    Files.createDirectories(d);
    Files.writeString(d.resolve("dataset.yaml"), "name: bare\ntasks: [qa]\n", StandardCharsets.UTF_8);
    Files.writeString(d.resolve("eval.jsonl"), "{\"id\": \"q\", \"task\": \"qa\", \"input\": \"What is alpha?\","
        + " \"expected\": \"first\", \"relevant\": [\"a\"]}\n", StandardCharsets.UTF_8);
    Cli r = Cli.run(dir, Map.of(), "", "bench", "bare", "--approach", "rag");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("ragft: bare/corpus.jsonl: the corpus is empty or missing, but eval has qa cases;"
        + " RAG answers from the corpus\n"
        + "ragft: bare/eval.jsonl:1:1: eval case 'q': relevant id 'a' is not in the corpus\n"
        + "ragft: warning: bare/train.jsonl: no training examples; only --approach rag can run on this dataset\n");
  }

  @Test
  void aFineTuneWithoutTrainingPairsIsTheErrorThenTheWarning() throws IOException {
    Path d = dir.resolve("no-train");
    Files.createDirectories(d);
    Files.writeString(d.resolve("dataset.yaml"), "name: x\ntasks: [qa]\n", StandardCharsets.UTF_8);
    Files.writeString(d.resolve("corpus.jsonl"), "{\"id\": \"a\", \"text\": \"Alpha is first.\"}\n",
        StandardCharsets.UTF_8);
    Files.writeString(d.resolve("eval.jsonl"), "{\"id\": \"q\", \"task\": \"qa\", \"input\": \"What is alpha?\","
        + " \"expected\": \"first\", \"relevant\": [\"a\"]}\n", StandardCharsets.UTF_8);
    Cli r = Cli.run(dir, Map.of(), "", "bench", "no-train");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).startsWith("ragft: no-train/train.jsonl: no qa examples to train on, but fine-tune and hybrid"
        + " need them").endsWith("ragft: warning: no-train/train.jsonl: no training examples; only --approach rag can run"
        + " on this dataset\n");
  }
}
