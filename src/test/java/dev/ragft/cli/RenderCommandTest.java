package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report render}: rendering a saved result later gives exactly the bytes of rendering it directly. */
class RenderCommandTest {
  private static final String RFP = Path.of("examples/usecases/rfp-response-drafting.yaml").toAbsolutePath().toString();
  private static final String VOICE = Path.of("examples/usecases/voice-agent-order-status.yaml").toAbsolutePath().toString();
  private static final String PORTFOLIO = Path.of("examples/portfolio/usecases").toAbsolutePath().toString();
  private static final String CSV = Path.of("examples/portfolio/portfolio.csv").toAbsolutePath().toString();

  @TempDir Path dir;

  private Cli run(String... args) {
    return Cli.run(dir, Map.of(), "", args);
  }

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Saves the command's JSON, renders it in {@code format}, and checks the bytes equal the command's own output. */
  private void rendersAsDirectly(String[] command, String commandFormat, String renderFormat, String... options) {
    Cli saved = run(with(command, "--format", "json", "--out", "saved.json"));
    assertThat(saved.exit()).as(saved.describe()).isZero();
    Cli direct = run(with(with(command, "--format", commandFormat), options));
    Cli rendered = run(with(new String[] {"report", "render", "saved.json", "--format", renderFormat}, options));
    assertThat(direct.exit()).as(direct.describe()).isZero();
    assertThat(rendered.exit()).as(rendered.describe()).isZero();
    assertThat(rendered.out()).as("render %s of %s", renderFormat, String.join(" ", command)).isNotEmpty()
        .isEqualTo(direct.out());
  }

  @Nested
  class SameBytesAsTheCommand {
    /** The bench side: a committed run's folder rendered through report render equals what bench wrote into it. */
    @ParameterizedTest
    @ValueSource(strings = {"text:summary.txt", "markdown:report.md", "html:report.html", "json:../summary.json",
        "csv:cases.csv", "junit:junit.xml"})
    void forEveryFormatOfBench(String formatAndFile) throws IOException {
      String[] f = formatAndFile.split(":");
      Path tiny = Path.of("src/test/resources/bench-report/tiny").toAbsolutePath();
      Cli rendered = f[0].equals("junit") // the committed junit.xml holds a test case per eval case
          ? run("report", "render", tiny.resolve("summary.json").toString(), "--format", "junit", "--junit-cases")
          : run("report", "render", tiny.resolve("summary.json").toString(), "--format", f[0]);
      assertThat(rendered.exit()).as(rendered.describe()).isZero();
      assertThat(rendered.out()).isEqualTo(Files.readString(tiny.resolve("golden").resolve(f[1]), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown", "html", "json"})
    void forEveryFormatOfRecommend(String format) {
      rendersAsDirectly(new String[] {"recommend", RFP}, format, format);
      rendersAsDirectly(new String[] {"recommend", VOICE}, format, format, "--explain", "--what-if");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown", "html", "json", "csv"})
    void forEveryFormatOfScore(String format) {
      rendersAsDirectly(new String[] {"score", PORTFOLIO}, format.equals("text") ? "table" : format, format);
    }

    @Test
    void forScoreSortedAndFromCsvWithoutPassThroughColumns() {
      rendersAsDirectly(new String[] {"score", CSV, "--sort", "approach"}, "html", "html");
    }

    @Test
    void forJunitWithTheSameGatesAsScore() throws IOException {
      assertThat(run("score", PORTFOLIO, "--format", "json", "--out", "saved.json").exit()).isZero();
      Cli direct = run("score", PORTFOLIO, "--junit", "direct.xml", "--gate", "confidence>=0.3", "--gate", "no-warnings");
      Cli rendered = run("report", "render", "saved.json", "--format", "junit", "--gate", "confidence>=0.3",
          "--gate", "no-warnings", "--out", "rendered.xml");
      assertThat(direct.exit()).isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(rendered.exit()).as("a failed gate fails render too").isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(rendered.err()).contains("ragft: gates: ");
      assertThat(Files.readString(dir.resolve("rendered.xml"), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(dir.resolve("direct.xml"), StandardCharsets.UTF_8)).contains("<testsuite name=\"rag\"");
    }

    @Test
    void aReformattedFileStillRenders() throws IOException {
      assertThat(run("recommend", RFP, "--format", "json", "--out", "saved.json").exit()).isZero();
      // One line, no indent, as a tool like jq -c writes it; 0.009650 written as 0.00965.
      String compact = Files.readString(dir.resolve("saved.json")).replaceAll("\n\\s*", "").replace("0.009650", "0.00965");
      Files.writeString(dir.resolve("compact.json"), compact);
      Cli r = run("report", "render", "compact.json", "--format", "markdown");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).isEqualTo(run("recommend", RFP, "--format", "markdown").out());
    }
  }

  @Nested
  class Refuses {
    private void save() {
      assertThat(run("recommend", RFP, "--format", "json", "--out", "saved.json").exit()).isZero();
    }

    private Cli renderEdited(String from, String to, String... args) throws IOException {
      save();
      String text = Files.readString(dir.resolve("saved.json"));
      assertThat(text).contains(from);
      Files.writeString(dir.resolve("edited.json"), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
      return run(with(new String[] {"report", "render", "edited.json"}, args));
    }

    @Test
    void anEditedScoreWithTheFieldAndTheLine() throws IOException {
      Cli r = renderEdited("\"rag\": 80", "\"rag\": 81", "--format", "html");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("ragft: edited.json:26:12: scores.rag is 81 in the file but 80 when recomputed with"
          + " framework b2b-2026 2026.1 and prices prices-2026; the file was edited or made with other inputs (--framework,"
          + " --prices, --evidence), so it is not rendered\n");
    }

    @Test
    void anEditedApproach() throws IOException {
      Cli r = renderEdited("\"approach\": \"hybrid\"", "\"approach\": \"rag\"");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("approach is 'rag' in the file but 'hybrid' when recomputed");
    }

    @Test
    void anotherFrameworkVersion() throws IOException {
      Cli r = renderEdited("\"version\": \"2026.1\"", "\"version\": \"2025.4\"");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("made with framework b2b-2026 2025.4, but the framework loaded is b2b-2026 2026.1");
    }

    @Test
    void aFrameworkThatIsNotBuiltInWithoutFramework() throws IOException {
      Cli r = renderEdited("\"id\": \"b2b-2026\"", "\"id\": \"acme-2027\"");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("framework 'acme-2027' is not built in; give the framework file it was made with: --framework FILE");
    }

    @Test
    void aBadAnswerWithItsLocationAndTheValidChoices() throws IOException {
      Cli r = renderEdited("\"task\": \"mixed\"", "\"task\": \"mixd\"");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("edited.json:12:13: task: unknown choice 'mixd'; expected one of lookup, synthesis");
    }

    @Test
    void aFormatTheResultDoesNotRenderToNamingTheValidOnes() {
      save();
      Cli r = run("report", "render", "saved.json", "--format", "junit");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("--format junit: saved.json is a recommend result, which renders as text, markdown, html, json");
    }

    @Test
    void aBenchSummaryWithoutItsResultsLogRendersWhatTheSummaryHoldsAndNamesWhatIsMissing() {
      String summary = Path.of("src/test/resources/compare/baseline.json").toAbsolutePath().toString();
      Cli md = run("report", "render", summary, "--format", "markdown");
      assertThat(md.exit()).as(md.describe()).isZero();
      assertThat(md.out()).contains("PROXY");
      Cli csv = run("report", "render", summary, "--format", "csv");
      assertThat(csv.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(csv.out()).isEmpty();
      assertThat(csv.err()).contains("cases.jsonl");
    }

    @Test
    void jsonOfNoKnownShapeAndBrokenJson() throws IOException {
      Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
      Files.writeString(dir.resolve("broken.json"), "{\"approach\": ");
      Cli other = run("report", "render", "other.json");
      Cli broken = run("report", "render", "broken.json");
      assertThat(other.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(other.err()).startsWith("ragft: other.json:1:1: not a ragft result: a mapping of unknown shape;");
      assertThat(broken.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(broken.err()).startsWith("ragft: broken.json:").contains("not valid JSON");
      assertThat(run("report", "render", "missing.json").err()).isEqualTo("ragft: missing.json: file not found\n");
    }
  }
}
