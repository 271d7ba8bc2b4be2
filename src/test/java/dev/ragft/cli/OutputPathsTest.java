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

/** Where a command may write: never over one of its own inputs, and a failed write says why. */
class OutputPathsTest {
  private static final String SLA = Path.of("examples/usecases/enterprise-sla-answers.yaml").toAbsolutePath().toString();
  private static final String REFUSED = ": is an input of this command; writing the output there would destroy it:"
      + " expected another output file\n";

  @TempDir Path dir;

  private Cli run(String... args) {
    return Cli.run(dir, Map.of(), "", args);
  }

  private Path copy(String from, String to) throws IOException {
    Path p = dir.resolve(to);
    Files.createDirectories(p.getParent());
    Files.copy(Path.of(from), p);
    return p;
  }

  private Path tinyDataset() throws IOException {
    Path ds = dir.resolve("tiny");
    try (Stream<Path> files = Files.list(Path.of(BenchCommandTest.TINY))) {
      for (Path f : files.toList()) {
        copy(f.toString(), "tiny/" + f.getFileName());
      }
    }
    return ds;
  }

  @Nested
  class AnOutputThatIsAnInput {
    @Test
    void isRefusedByRecommendAndTheInputIsKept() throws IOException {
      Path self = copy(SLA, "self.yaml");
      String before = Files.readString(self);
      Cli r = run("recommend", "self.yaml", "--out", "self.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: self.yaml" + REFUSED);
      assertThat(Files.readString(self)).isEqualTo(before);
    }

    @Test
    void isRefusedThroughALinkOrAnotherSpelling() throws IOException {
      copy(SLA, "self.yaml");
      Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("self.yaml"));
      Cli r = run("recommend", "self.yaml", "--out", "link.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: link.yaml" + REFUSED);
      Cli dotted = run("recommend", "./self.yaml", "--out", "sub/../self.yaml", "--format", "json");
      assertThat(dotted.exit()).as(dotted.describe()).isEqualTo(2);
      assertThat(Files.isSymbolicLink(dir.resolve("link.yaml"))).isTrue();
    }

    @Test
    void isRefusedByScoreForAFileOfAFolderItReads() throws IOException {
      copy(SLA, "cases/sla.yaml");
      Cli r = run("score", "cases", "--format", "csv", "--out", "cases/sla.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: cases/sla.yaml" + REFUSED);
      Cli junit = run("score", "cases", "--junit", "cases/sla.yaml");
      assertThat(junit.exit()).as(junit.describe()).isEqualTo(2);
      assertThat(junit.out()).as("refused before the report is printed").isEmpty();
    }

    @Test
    void isRefusedForTheFrameworkFile() throws IOException {
      copy(SLA, "sla.yaml");
      Files.writeString(dir.resolve("fw.yaml"), run("framework", "show", "--source").out(), StandardCharsets.UTF_8);
      Cli r = run("recommend", "sla.yaml", "--framework", "fw.yaml", "--out", "fw.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: fw.yaml" + REFUSED);
    }

    @Test
    void isRefusedByCompareAndRender() throws IOException {
      copy("src/test/resources/compare/baseline.json", "a.json");
      copy("src/test/resources/compare/current.json", "b.json");
      Cli compare = run("report", "compare", "a.json", "b.json", "--format", "json", "--out", "b.json");
      assertThat(compare.exit()).as(compare.describe()).isEqualTo(2);
      assertThat(compare.err()).isEqualTo("ragft: b.json" + REFUSED);
      copy("src/test/resources/bench-report/tiny/summary.json", "run/summary.json");
      copy("src/test/resources/bench-report/tiny/cases.jsonl", "run/cases.jsonl");
      Cli render = run("report", "render", "run/summary.json", "--format", "csv", "--out", "run/cases.jsonl");
      assertThat(render.exit()).as(render.describe()).isEqualTo(2);
      assertThat(render.err()).isEqualTo("ragft: run/cases.jsonl" + REFUSED);
    }

    @Test
    void isRefusedByBenchBeforeTheRun() throws IOException {
      Path ds = tinyDataset();
      String corpus = Files.readString(ds.resolve("corpus.jsonl"));
      Cli r = run("bench", "tiny", "--no-timing", "--cache-dir", "cache", "--html", "tiny/corpus.jsonl");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: tiny/corpus.jsonl" + REFUSED);
      assertThat(Files.readString(ds.resolve("corpus.jsonl"))).isEqualTo(corpus);
      assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void isRefusedByExportFinetune() throws IOException {
      tinyDataset();
      Cli r = run("dataset", "export-finetune", "tiny", "--format", "openai", "--out", "tiny/train.jsonl");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: tiny/train.jsonl" + REFUSED);
    }

    @Test
    void butTheInterviewMaySaveOverTheDraftItResumes() throws IOException {
      Files.writeString(dir.resolve("kb.yaml"), "id: kb\nname: KB\nanswers:\n  freshness: daily\n  task: lookup\n",
          StandardCharsets.UTF_8);
      Cli r = Cli.run(dir, Map.of("TERM", "dumb"), "regulated\n0\ninteractive\n\n", "interview", "--resume", "kb.yaml",
          "--save", "kb.yaml", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(Files.readString(dir.resolve("kb.yaml"))).contains("auditability: regulated");
      Cli report = Cli.run(dir, Map.of("TERM", "dumb"), "", "interview", "--resume", "kb.yaml", "--out", "kb.yaml");
      assertThat(report.exit()).as("but not replace it by its report: " + report.describe()).isEqualTo(2);
      assertThat(report.err()).isEqualTo("ragft: kb.yaml" + REFUSED);
    }
  }

  @Nested
  class AFailedWrite {
    @Test
    void namesTheFileAskedForAndTheReasonNotTheTemporaryFile() {
      Cli r = run("recommend", SLA, "--out", "/proc/ragft-report.txt");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: /proc/ragft-report.txt: cannot write: ").doesNotContain(".tmp", ".ragft-");
      assertThat(r.err().lines().count()).isOne();
    }

    @Test
    void saysNoSpaceOnAFullDevice() {
      Cli r = run("recommend", SLA, "--out", "/dev/full");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: /dev/full: cannot write: no space left on device\n");
    }

    @Test
    void saysWhenTheOutputIsAFolder() throws IOException {
      Files.createDirectories(dir.resolve("out"));
      Cli r = run("recommend", SLA, "--out", "out");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: out: cannot write: is a directory\n");
    }

    @Test
    void saysPermissionDeniedInAFolderThatRefusesFiles() {
      // /sys refuses new files even to root, where a read-only folder would not.
      Cli r = run("recommend", SLA, "--out", "/sys/ragft-report.txt");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: /sys/ragft-report.txt: cannot write: permission denied\n");
    }
  }
}
