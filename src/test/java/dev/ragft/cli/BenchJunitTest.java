package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.ragft.bench.report.JunitSchema;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code bench}'s JUnit XML: valid against the schema Jenkins' xUnit plugin publishes, counts that
 * add up, a failure per failed gate or case, the run's provenance, and no path of this machine.
 */
class BenchJunitTest {
  static final String TINY = BenchCommandTest.TINY;
  static final Path EXPECTED = Path.of("src/test/resources/junit/tiny-cases.xml");
  @TempDir Path cwd;

  Cli bench(String... args) {
    String[] all = Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new);
    return Cli.run(cwd, Map.of(), "", all);
  }

  static void validate(String xml) throws Exception {
    JunitSchema.validate(xml);
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  String junitWith(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(TINY, "--no-timing", "--report-dir", "out", "--cache-dir", "cache"));
    args.addAll(List.of(extra));
    Cli r = bench(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isIn(0, 1);
    return Files.readString(cwd.resolve("out/junit.xml"), StandardCharsets.UTF_8);
  }

  @Test
  void gatesBecomeTestCasesWithAFailureForEachFailedGate() throws Exception {
    String xml = junitWith("--fail-under", "rag.qa.f1=0.9", "--fail-under", "fine-tune.classification.accuracy=0.9");
    validate(xml);
    Document d = parse(xml);
    Element root = d.getDocumentElement();
    // a score test case per approach and slice (15), and the two gates
    assertThat(root.getAttribute("tests")).isEqualTo("17");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("0");
    // one suite per approach and slice: 3 approaches x 5 slices in the tiny dataset
    assertThat(d.getElementsByTagName("testsuite").getLength()).isEqualTo(15);
    NodeList failures = d.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("gate failed: rag.qa.f1 = 0.3709 < 0.9000");
    Element suite = (Element) failure.getParentNode().getParentNode();
    assertThat(suite.getAttribute("name")).isEqualTo("rag.qa");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void aRunWithoutGatesHoldsAPassedScoreCasePerApproachAndSlice() throws Exception {
    String xml = junitWith();
    validate(xml);
    Document d = parse(xml);
    assertThat(d.getDocumentElement().getAttribute("tests")).isEqualTo("15");
    assertThat(d.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    NodeList cases = d.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(15);
    Element first = (Element) cases.item(0);
    assertThat(first.getAttribute("classname")).isEqualTo("ragft.bench.rag.all");
    assertThat(first.getAttribute("name")).isEqualTo("score");
    assertThat(first.getTextContent().strip()).startsWith("rag on slice all (9 cases): score 0.");
  }

  @Test
  void perCaseTestCasesMatchTheExpectedFileAndValidate() throws Exception {
    String xml = junitWith("--junit-cases", "--fail-under", "hybrid.accuracy=0.5");
    validate(xml);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(EXPECTED, xml, StandardCharsets.UTF_8);
    }
    assertThat(xml).as("rewrite %s from a reviewed run if the format changed on purpose", EXPECTED)
        .isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    Element root = parse(xml).getDocumentElement();
    // 9 cases in slice all, 5 qa, 4 classification, 1 changed-after-training, 2 long-tail: 21 per approach,
    // a score case per approach and slice, and the gate
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(3 * 21 + 3 * 5 + 1));
  }

  @Test
  void theJunitOptionWritesTheSameFileAnywhere() throws Exception {
    String inDir = junitWith("--junit", "elsewhere/ci.xml");
    assertThat(Files.readString(cwd.resolve("elsewhere/ci.xml"), StandardCharsets.UTF_8)).isEqualTo(inDir);
  }

  @Test
  void reportsCarryProvenanceAndNoPathOfThisMachine() throws Exception {
    String xml = junitWith("--junit-cases", "--fail-under", "rag.f1=0.1");
    String json = Files.readString(cwd.resolve("out/summary.json"), StandardCharsets.UTF_8);
    for (String report : List.of(xml, json)) {
      assertThat(report).contains("dev", "tiny").contains("42")
          .doesNotContain(cwd.toString(), TINY, System.getProperty("user.dir"), System.getProperty("user.home"),
              System.getProperty("java.io.tmpdir"));
    }
    assertThat(xml).contains("<property name=\"ragft.version\" value=\"dev\"/>",
        "<property name=\"dataset.name\" value=\"tiny\"/>", "<property name=\"seed\" value=\"42\"/>");
    assertThat(xml).containsPattern("<property name=\"dataset.hash\" value=\"[0-9a-f]{16}\"/>");
    assertThat(json).contains("\"ragftVersion\": \"dev\"", "\"datasetName\": \"tiny\"", "\"seed\": 42")
        .containsPattern("\"datasetHash\": \"[0-9a-f]{16}\"");
  }

  @Test
  void aCasePassScoreOutOfRangeIsBadUsage() {
    Cli r = bench(TINY, "--junit-cases", "--junit-case-pass", "1.5");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).contains("--junit-case-pass: 1.5 is out of range; expected 0 to 1");
  }
}
