package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final String YAML = "examples/portfolio/usecases";
  private static final String CSV = "examples/portfolio/portfolio.csv";
  private static final String BAD = "src/test/resources/portfolio/bad";

  @TempDir Path dir;

  private static Cli run(String... args) {
    return Cli.run(args);
  }

  @Nested
  class WithAGoodPortfolio {
    @Test
    void printsATableThatFitsOneHundredColumnsThenTheRoadmap() {
      Cli r = run("score", YAML);
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
      assertThat(r.out()).contains("ID ", "NAME ", "APPROACH", "CONF", "PER MONTH", "Recommended approaches: one-time $", "a month,", "over 12 months", "WAVE", "Warnings", "Roadmap", "Wave 1: RAG foundation",
          "needs 1,000 more pairs, then Fine-tune");
      assertThat(r.out().indexOf("Roadmap")).as("the roadmap comes after the table").isGreaterThan(r.out().indexOf("WAVE"));
      assertThat(r.out()).as("long names are cut with an ellipsis").containsPattern("Replies in the custom[^ ]*\\.\\.\\.");
    }

    @Test
    void theMarkdownOfABigPortfolioStaysUnderAPullRequestCommentsLimitAndSaysWhatItLeftOut() throws IOException {
      StringBuilder csv = new StringBuilder("id,name,freshness,task,auditability,training-pairs,latency,volume\n");
      String[] tasks = {"lookup", "synthesis", "classification", "structured-output", "drafting", "mixed"};
      for (int i = 0; i < 1500; i++) {
        csv.append("use-case-").append(i).append(",A use case with a long descriptive name number ").append(i).append(',')
            .append(i % 2 == 0 ? "daily" : "static").append(',').append(tasks[i % tasks.length]).append(",low,")
            .append(i * 7 % 3000).append(",interactive,").append(1000 + i).append('\n');
      }
      Files.writeString(dir.resolve("big.csv"), csv);
      Cli r = Cli.run(dir, Map.of(), "", "score", "big.csv", "--format", "markdown");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out().length()).isLessThan(dev.ragft.report.MarkdownBudget.LIMIT);
      assertThat(r.out()).as("the summary comes whole, first").startsWith("# AI use-case portfolio")
          .contains("1500 use cases scored", "| Wave | When | Use cases | Goal |")
          .containsPattern("_\\d+ more use cases left out to keep this report under 65,000 characters \\(a pull-request"
              + " comment's limit\\); every use case is in 'ragft score --format csv' and '--format json'._")
          .contains("<summary>Use cases (1500)</summary>");
      assertThat(r.out().split("<details>", -1).length).isEqualTo(r.out().split("</details>", -1).length);
    }

    @Test
    void twoOutputsOnStdoutAreRefusedBeforeAnyWorkAndOneIsFine() throws IOException {
      Cli both = Cli.run(dir, Map.of(), "", "score", ROOT.resolve(YAML).toString(), "--junit", "-");
      assertThat(both.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(both.out()).isEmpty();
      assertThat(both.err()).contains("the report and --junit - would both go to stdout; send one of them to a file");
      Cli one = Cli.run(dir, Map.of(), "", "score", ROOT.resolve(YAML).toString(), "--junit", "-", "--out", "p.txt");
      assertThat(one.exit()).as(one.describe()).isZero();
      assertThat(one.out()).startsWith("<?xml");
      assertThat(Files.readString(dir.resolve("p.txt"))).contains("Roadmap");
    }

    @Test
    void aClientColumnNamedLikeAResultColumnIsNamedInAWarningAndScoresOwnOutputReadsBackSilently() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,freshness,task,auditability,training-pairs,latency,approach,owner\n"
          + "x,daily,lookup,low,0,async,\"RAG, says the vendor\",Ana\n");
      Cli r = Cli.run(dir, Map.of(), "", "score", "p.csv", "--format", "csv", "--out", "scored.csv");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).isEqualTo("ragft: warning: p.csv:1:7: column 'approach' has the name of a column score writes, so"
          + " it is not passed through; rename it to keep it in the output\nragft: wrote scored.csv\n");
      assertThat(Files.readString(dir.resolve("scored.csv"))).contains("owner").contains("Ana")
          .doesNotContain("says the vendor");
      Cli again = Cli.run(dir, Map.of(), "", "score", "scored.csv", "--format", "csv");
      assertThat(again.exit()).as(again.describe()).isZero();
      assertThat(again.err()).as("score's own output, every result column there, reads back without a warning").isEmpty();
    }

    @Test
    void aNameWithALineBreakStaysOnItsRowOfTheTable() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,name,freshness,task,auditability,training-pairs,latency\n"
          + "x,\"Two\nlines\",daily,lookup,low,0,async\n");
      Cli r = Cli.run(dir, Map.of(), "", "score", "p.csv");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).contains("\nx   Two lines  RAG ").contains("\n    task=lookup +20, freshness=daily +15\n");
    }

    @Test
    void writesTheReportToAFileWholeAndSaysSo() throws IOException {
      Path out = dir.resolve("reports/portfolio.md");
      Cli r = run("score", YAML, "--format", "markdown", "--out", out.toString());
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("ragft: wrote " + out + "\n");
      assertThat(Files.readString(out)).startsWith("# AI use-case portfolio").contains("## Roadmap", "### Wave 4:");
      try (var files = Files.list(out.getParent())) {
        assertThat(files).as("no temporary file left behind").containsExactly(out);
      }
    }

    @Test
    void writesToADeviceWithoutReplacingIt() throws IOException {
      Path devNull = Path.of("/dev/null");
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "needs /dev/null");
      Cli r = run("score", CSV, "--format", "csv", "--out", "/dev/null");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(Files.isRegularFile(devNull)).as("/dev/null is still a device").isFalse();
    }

    @Test
    void csvOutputKeepsThePassThroughColumnsAndReadsBackToTheSameBytes() throws IOException {
      Path first = dir.resolve("scored.csv");
      Path second = dir.resolve("rescored.csv");
      assertThat(run("score", CSV, "--format", "csv", "--out", first.toString()).exit()).isZero();
      Cli again = run("score", first.toString(), "--format", "csv", "--out", second.toString());
      assertThat(again.exit()).as(again.describe()).isZero();
      assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
      try (CSVParser p = CSVParser.parse(first, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().get())) {
        List<CSVRecord> rows = p.getRecords();
        assertThat(p.getHeaderNames()).startsWith("id", "name", "description", "freshness", "task", "auditability",
            "training-pairs", "latency", "volume", "latency-budget-ms", "value-per-request", "department", "approach",
            "confidence");
        assertThat(rows).hasSize(28);
        CSVRecord qbr = rows.stream().filter(x -> x.get("id").equals("qbr-narrative-drafting")).findFirst().orElseThrow();
        assertThat(qbr.get("department")).isEqualTo("Customer success");
        assertThat(qbr.get("wave")).isEqualTo("4");
        assertThat(qbr.get("pairs-needed")).isEqualTo("1550"); // mixed needs 2,000; it has 450
        assertThat(qbr.get("target-approach")).isEqualTo("hybrid");
      }
    }

    @Test
    void jsonIsAnArrayOfTheRecommendObjectsEachWithItsWave() throws IOException {
      String one = "src/test/resources/portfolio/mixed/a-single.yaml";
      Cli score = run("score", one, "src/test/resources/portfolio/mixed/b-list.yaml", "--format", "json");
      assertThat(score.exit()).as(score.describe()).isZero();
      JsonNode array = new ObjectMapper().readTree(score.out());
      assertThat(array.isArray()).isTrue();
      assertThat(array).extracting(n -> n.get("id").asText())
          .containsExactly("warranty-answers", "renewal-email-drafts", "order-intent-routing");
      ObjectNode first = (ObjectNode) array.get(0);
      assertThat(first.get("wave").get("number").asInt()).isEqualTo(1);
      // Waiting for data: its own smallest what-if on training pairs says how many it lacks.
      assertThat(array.get(1).get("wave").get("pairsNeeded").asLong()).isPositive();
      assertThat(array.get(1).get("wave").get("target").asText()).isNotEqualTo("rag");
      first.remove("wave");
      Cli recommend = run("recommend", one, "--format", "json");
      assertThat(first).as("the same object recommend prints").isEqualTo(new ObjectMapper().readTree(recommend.out()));
    }

    @Test
    void sortsByApproach() {
      Cli r = run("score", CSV, "--sort", "approach", "--format", "csv");
      assertThat(r.exit()).as(r.describe()).isZero();
      List<String> approaches = new java.util.ArrayList<>();
      try (var p = org.apache.commons.csv.CSVParser.parse(r.out(), org.apache.commons.csv.CSVFormat.DEFAULT.builder()
          .setHeader().setSkipHeaderRecord(true).get())) {
        p.forEach(rec -> approaches.add(rec.get("approach")));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(approaches).isNotEmpty();
      assertThat(approaches).isSortedAccordingTo(java.util.Comparator.comparingInt(List.of("rag", "hybrid", "fine-tune")::indexOf));
    }

    @Test
    void theHelpListsExamplesAndExitCodes() {
      Cli r = run("score", "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Examples:", "ragft score examples/portfolio/usecases", "Exit codes:",
          "1   At least one use case was invalid", "--sort", "--format", "--framework");
    }
  }

  @Nested
  class WithBadInput {
    @Test
    void reportsEachInvalidUseCaseWithFileLineAndColumnWritesTheRestAndExitsOne() {
      Cli r = run("score", BAD, "--format", "csv");
      assertThat(r.exit()).as(r.describe()).isEqualTo(1);
      assertThat(r.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
          .containsExactly("good-row", "good-row-2", "yaml-good", "before-break");
      String bad = BAD + "/bad.csv:";
      assertThat(r.err().lines()).containsExactly(
          "ragft: " + bad + "3:1: task: unknown choice 'lookups'; expected one of lookup, synthesis, drafting,"
              + " structured-output, classification, mixed",
          "ragft: " + bad + "4:5: training-pairs: 'lots' is not a whole number; expected a whole number, 0 or more"
              + " (e.g. 1200, 1,200 or 1.2k)",
          "ragft: " + bad + "5:3: freshness: no answer; expected one of daily, weekly, monthly, quarterly, static",
          "ragft: " + bad + "6:1: row has 3 cells but the header has 8; check for an unquoted comma or a missing value",
          "ragft: " + bad + "7:7: volume: -5 is negative; expected a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)",
          "ragft: " + bad + "8:2: id: 'bad id!' is not a valid id; use letters, digits, '.', '_' and '-', starting with a"
              + " letter or digit",
          "ragft: " + BAD + "/bad.yaml:13:19: auditability: unknown choice 'sometimes'; expected one of regulated, high,"
              + " medium, low",
          "ragft: " + BAD + "/bad.yaml:16:3: duplicate id 'good-row', also at " + bad + "2:2; ids must be unique across the"
              + " portfolio, so this one was left out",
          "ragft: " + BAD + "/broken.yaml:3:1: YAML syntax error: while parsing a flow sequence",
          "ragft: " + BAD + "/unterminated.csv:3:1: malformed CSV: EOF reached before encapsulated token finished; the rest of"
              + " the file was not read",
          "ragft: 10 problems above; invalid use cases were left out, 4 scored");
    }

    @Test
    void aDuplicateIdAcrossTwoFilesGivenSeparately() throws IOException {
      Files.writeString(dir.resolve("a.yaml"), Files.readString(ROOT.resolve("src/test/resources/portfolio/mixed/a-single.yaml")));
      Files.writeString(dir.resolve("b.csv"), "id,freshness,task,auditability,training-pairs,latency\n"
          + "warranty-answers,daily,lookup,low,0,async\n");
      Cli r = Cli.run(dir, Map.of(), "", "score", "b.csv", "a.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(1);
      assertThat(r.err()).startsWith("ragft: a.yaml:1:1: duplicate id 'warranty-answers', also at b.csv:2:1;");
      assertThat(r.out()).contains("Portfolio: 1 use case,");
    }

    @Test
    void aPathThatDoesNotExistIsAUsageErrorBeforeAnythingIsRead() {
      Cli r = run("score", YAML, "no/such/folder");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: no/such/folder: no such file or folder\n");
      assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFormatOrSortKey() {
      assertThat(run("score", YAML, "--format", "pdf").err()).contains("--format", "pdf", "table, markdown, csv, json, html");
      assertThat(run("score", YAML, "--sort", "name").exit()).isEqualTo(2);
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsReportedWithoutATrace() throws IOException {
      Files.writeString(dir.resolve("a-file"), "");
      Cli r = run("score", CSV, "--format", "csv", "--out", dir.resolve("a-file/scored.csv").toString());
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: " + dir.resolve("a-file/scored.csv") + ": cannot write: ").doesNotContain("at dev.");
    }

    @Test
    void aFrameworkWithoutARoadmap() throws IOException {
      String text = Files.readString(ROOT.resolve("frameworks/b2b-2026.yaml"));
      Files.writeString(dir.resolve("mine.yaml"), text.substring(0, text.indexOf("\n# How `ragft score`")));
      Cli r = Cli.run(dir, Map.of(), "", "score", ROOT.resolve(CSV).toString(), "--framework", "mine.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).startsWith("ragft: mine.yaml: the framework has no 'roadmap' section");
    }
  }
}
