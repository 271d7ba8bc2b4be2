package dev.ragft.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ragft.bench.dataset.DatasetInfo;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Slice;
import dev.ragft.cli.Cli;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point of the bench reports: rendering later from the files gives what the run wrote. */
class BenchReportsTest {
  private static final Path TINY = Path.of("src/test/resources/datasets/tiny").toAbsolutePath();
  private static final Path FIXTURE = Path.of("src/test/resources/bench-report/tiny");

  @TempDir Path tmp;

  @Nested
  class FromTheFilesARunWrites {
    @Test
    void everyFormatRendersToTheBytesTheBenchWrote() throws IOException {
      Cli run = bench("--junit-cases");
      assertThat(run.exit()).as(run.describe()).isEqualTo(1);
      assertRendersAsWritten(run);
    }

    @Test
    void aResumedRunWhoseCasesRanAgainRendersAsWritten() throws IOException {
      assertThat(bench("--no-timing").exit()).isEqualTo(1);
      Cli resumed = bench("--junit-cases", "--resume");
      assertThat(resumed.err()).as("untimed results are run again with timing").doesNotContain("resumed");
      assertThat(Files.readAllLines(tmp.resolve("out/cases.jsonl"))).as("each case logged twice").hasSize(1 + 2 * 27);
      assertRendersAsWritten(resumed);
    }

    @Test
    void aRunResumedWithFewerApproachesRendersOnlyItsOwn() throws IOException {
      assertThat(bench("--no-timing").exit()).isEqualTo(1);
      Cli rag = bench("--no-timing", "--resume", "--approach", "rag", "--junit-cases");
      assertThat(rag.err()).contains("resumed 9 results");
      assertRendersAsWritten(rag);
    }

    private Cli bench(String... more) {
      List<String> args = new ArrayList<>(List.of("bench", TINY.toString(), "--report-dir", "out", "--fail-under",
          "rag.qa.citation=0.9", "--fail-under", "rag.changed-after-training.f1=0.95", "--cache-dir", "cache"));
      args.addAll(List.of(more));
      return Cli.run(tmp, Map.of(), "", args.toArray(String[]::new));
    }

    private void assertRendersAsWritten(Cli run) throws IOException {
      Path out = tmp.resolve("out");
      Path summary = out.resolve("summary.json");
      BenchReports.Options cases = new BenchReports.Options(false, true, 0.5);
      for (BenchFormat f : List.of(BenchFormat.JSON, BenchFormat.CSV, BenchFormat.JUNIT, BenchFormat.MARKDOWN,
          BenchFormat.HTML)) {
        assertThat(BenchReports.render(summary, "out/summary.json", f, cases)).as(f.id())
            .isEqualTo(Files.readString(out.resolve(f.fileName()), StandardCharsets.UTF_8));
      }
      assertThat(BenchReports.render(summary, BenchFormat.TEXT, cases)).as("the table bench printed").isEqualTo(run.out());
    }

    @Test
    void theFormatsBenchPrintsAreTheOnesItWrites() throws IOException {
      for (String format : List.of("markdown", "html", "junit", "csv", "json")) {
        Cli run = Cli.run(tmp, Map.of(), "", "bench", TINY.toString(), "--no-timing", "--report-dir", "out-" + format,
            "--format", format, "--cache-dir", "cache");
        assertThat(run.exit()).as(run.describe()).isZero();
        BenchFormat f = BenchFormat.of(format).orElseThrow();
        assertThat(run.out()).as(format).isEqualTo(Files.readString(tmp.resolve("out-" + format).resolve(f.fileName())));
      }
    }

    @Test
    void theJsonRendersBackToItself() throws IOException {
      String json = Files.readString(FIXTURE.resolve("summary.json"), StandardCharsets.UTF_8);
      assertThat(BenchReports.render(FIXTURE.resolve("summary.json"), BenchFormat.JSON, BenchReports.Options.DEFAULTS))
          .isEqualTo(json);
    }

    @Test
    void withoutTheResultsLogTheSummaryFormatsStillRender() throws IOException {
      Files.copy(FIXTURE.resolve("summary.json"), tmp.resolve("summary.json"));
      BenchResult r = BenchReports.read(tmp.resolve("summary.json"), "summary.json");
      assertThat(r.hasCases()).isFalse();
      assertThat(BenchReports.render(r, BenchFormat.MARKDOWN, BenchReports.Options.DEFAULTS))
          .contains("Per-case detail needs the results log cases.jsonl beside summary.json.");
      assertThatThrownBy(() -> BenchReports.render(r, BenchFormat.CSV, BenchReports.Options.DEFAULTS))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("cases.jsonl: the csv report needs the results log cases.jsonl beside summary.json");
    }
  }

  @Nested
  class BadFiles {
    @Test
    void aFileThatIsNotABenchSummaryIsNamedWithLineAndColumn() throws IOException {
      Path f = tmp.resolve("summary.json");
      Files.writeString(f, "{\n  \"approach\": \"rag\"\n}\n");
      assertThatThrownBy(() -> BenchReports.render(f, "reports/summary.json", BenchFormat.TEXT, BenchReports.Options.DEFAULTS))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("reports/summary.json:1:1: not a bench summary: expected \"schema\": \"ragft-bench-summary/2\"");
    }

    @Test
    void everyBrokenFieldIsReportedWhereItIs() throws IOException {
      String json = Files.readString(FIXTURE.resolve("summary.json"), StandardCharsets.UTF_8)
          .replace("\"topK\": 5", "\"topK\": \"five\"").replace("\"kind\": \"task\"", "\"kind\": \"task-ish\"");
      Path f = tmp.resolve("summary.json");
      Files.writeString(f, json);
      BadInputException e = (BadInputException) catchThrowable(() -> BenchReports.read(f, "summary.json"));
      assertThat(e.problems()).extracting(p -> p.toString())
          .anySatisfy(p -> assertThat(p).matches("summary\\.json:\\d+:\\d+: settings\\.topK: expected a whole number.*"))
          .anySatisfy(p -> assertThat(p).matches("summary\\.json:\\d+:\\d+: slices\\[\\]\\.kind: unknown kind 'task-ish';"
              + " expected one of all, task, tag"));
    }

    @Test
    void aMissingFileIsNamedAsGivenWithoutTheMachinesPath() {
      assertThatThrownBy(() -> BenchReports.read(tmp.resolve("nothing.json"), "nothing.json"))
          .isInstanceOf(BadInputException.class).hasMessage("nothing.json: no such file");
    }

    @Test
    void aResultsLogOfAnotherRunIsRefused() throws IOException {
      Files.copy(FIXTURE.resolve("summary.json"), tmp.resolve("summary.json"));
      Files.writeString(tmp.resolve("cases.jsonl"), Files.readString(FIXTURE.resolve("cases.jsonl"))
          .replace("seed=42", "seed=7"));
      assertThatThrownBy(() -> BenchReports.read(tmp.resolve("summary.json"), "out/summary.json"))
          .isInstanceOf(BadInputException.class)
          .hasMessage("out/cases.jsonl:1:1: this results log belongs to another run than out/summary.json (another"
              + " dataset or other settings); render the summary.json written beside it");
    }

    @Test
    void aResultsLogOfAnUnfinishedRunIsRefused() throws IOException {
      Files.copy(FIXTURE.resolve("summary.json"), tmp.resolve("summary.json"));
      List<String> lines = Files.readAllLines(FIXTURE.resolve("cases.jsonl"));
      Files.write(tmp.resolve("cases.jsonl"), lines.subList(0, 10));
      assertThatThrownBy(() -> BenchReports.read(tmp.resolve("summary.json"), "summary.json"))
          .isInstanceOf(BadInputException.class)
          .hasMessage("cases.jsonl: this results log holds results for 3 of the 9 eval cases in summary.json: the run"
              + " that wrote it did not finish");
    }

    @Test
    void aLineThatIsNotAResultIsNamed() throws IOException {
      Files.copy(FIXTURE.resolve("summary.json"), tmp.resolve("summary.json"));
      List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURE.resolve("cases.jsonl")));
      lines.set(3, "{\"approach\": \"rag\", \"id\": \"q9\"}");
      Files.write(tmp.resolve("cases.jsonl"), lines);
      assertThatThrownBy(() -> BenchReports.read(tmp.resolve("summary.json"), "summary.json"))
          .isInstanceOf(BadInputException.class).hasMessageStartingWith("cases.jsonl:4:1: not a logged result: expected");
    }
  }

  @Nested
  class Markdown {
    @Test
    void aLargeResultIsCutUnderTheCommentLimitWithANoteSayingWhatWasLeftOut() {
      int n = 4000;
      BenchResult r = large(n);
      String md = BenchReports.render(r, BenchFormat.MARKDOWN, BenchReports.Options.DEFAULTS);
      assertThat(md.length()).isLessThan(BenchMarkdown.LIMIT);
      long listed = md.lines().filter(l -> l.startsWith("| RAG | case-")).count();
      assertThat(listed).isPositive().isLessThan(n);
      assertThat(md).contains("_" + (n - listed) + " more failing cases left out to keep this report under 65,000"
          + " characters (a pull-request comment's limit); every case is in cases.csv._");
      assertThat(md).as("the summary comes first and stays whole").startsWith("## ragft bench: big (synthetic)\n")
          .contains("<summary>How this was measured</summary>").endsWith("</details>\n");
      assertThat(md.indexOf("<details>")).as("details after the verdict").isGreaterThan(md.indexOf("By score:"));
    }

    @Test
    void thousandsOfDatasetWarningsAreCountedNotListed() {
      BenchResult big = large(10);
      List<String> warnings = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        warnings.add("eval.jsonl:" + (i + 1) + ":1: a warning that repeats itself for a long while, line " + i);
      }
      BenchSummary s = big.summary();
      BenchResult r = new BenchResult(new BenchSummary(s.dataset(), s.info(), s.documents(), s.passages(),
          s.trainExamples(), s.evalCases(), s.settings(), s.slices(), warnings, 0), big.gates(), big.provenance(),
          big.eval(), big.results());
      String md = BenchReports.render(r, BenchFormat.MARKDOWN, BenchReports.Options.DEFAULTS);
      assertThat(md.length()).isLessThan(BenchMarkdown.LIMIT);
      assertThat(md).contains("- 4980 more warnings, in summary.json.");
      assertThat(md.lines().filter(l -> l.startsWith("- Warning: "))).hasSize(20);
      assertThat(BenchReports.render(r, BenchFormat.HTML, BenchReports.Options.DEFAULTS))
          .contains("<li>4980 more warnings, in summary.json.</li>");
    }

    @Test
    void aSmallResultIsNotCut() {
      String md = BenchReports.render(large(20), BenchFormat.MARKDOWN, BenchReports.Options.DEFAULTS);
      assertThat(md).doesNotContain("left out").contains("Failing cases: 20 of 20 results score below 0.50");
      assertThat(md.lines().filter(l -> l.startsWith("| RAG | case-"))).hasSize(20);
    }

    @Test
    void textFromTheDatasetCannotBreakTheTableOrAddMarkup() {
      assertThat(BenchMarkdown.esc("a|b <script> *x* [l](u)\nnext"))
          .isEqualTo("a\\|b &lt;script&gt; \\*x\\* \\[l\\](u) next");
    }

    /** A RAG-only result of {@code n} failing qa cases with long answers. */
    private BenchResult large(int n) {
      BenchSettings s = BenchSettings.of(List.of(ApproachId.RAG), 5, 42, false);
      List<EvalCase> eval = new ArrayList<>();
      Map<String, CaseResult> results = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String id = String.format(java.util.Locale.ROOT, "case-%05d", i);
        eval.add(new EvalCase(id, Task.QA, "question " + i, List.of("the expected answer " + i), List.of("d1"),
            List.of(), new Location("eval.jsonl", i + 1, 1)));
        results.put("rag\u0000" + id, new CaseResult(ApproachId.RAG, id, "an unrelated answer ".repeat(10), "d2",
            List.of("d2"), true, -1));
      }
      Map<ApproachId, Map<MetricId, Double>> m = new EnumMap<>(ApproachId.class);
      m.put(ApproachId.RAG, Map.of(MetricId.SCORE, 0.0, MetricId.F1, 0.0));
      BenchSummary summary = new BenchSummary("big", new DatasetInfo("big", "", "", "", true, List.of(Task.QA), ""),
          1, 1, 1, n, s, List.of(new Slice("all", Slice.Kind.ALL, n, m)), List.of(), 0);
      return new BenchResult(summary, List.<Gate.Result>of(), new Provenance("dev", "0123"), eval, results);
    }
  }
}
