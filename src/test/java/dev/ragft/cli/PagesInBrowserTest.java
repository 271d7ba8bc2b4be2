package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages laid out and printed by a real browser (headless Chromium), checked for what a
 * reader would trip over: histogram labels that run into each other, case ids broken over two
 * lines, the heat map's reasons only on hover (nothing on paper), a recommendation that prints on
 * more than four A4 pages, and a bench page that lets offline latencies pass for production ones.
 */
class PagesInBrowserTest {
  private static final Path SAMPLE = Path.of("examples/datasets/acme-support").toAbsolutePath();

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path bench;

  @BeforeAll
  static void benchTheSampleDataset() {
    if (!HeadlessChromium.available()) {
      return; // the tests themselves say they are skipped, or fail in CI
    }
    Cli r = Cli.run(shared, Map.of(), "", "bench", SAMPLE.toString(), "--report-dir", "out", "--cache-dir", "cache");
    assertThat(r.exit()).as(r.describe()).isZero();
    bench = shared.resolve("out/report.html");
  }

  @BeforeEach
  void needsChromium() {
    HeadlessChromium.assumeAvailable("the HTML pages' layout");
  }

  @Test
  void theLatencyHistogramsLabelsDoNotTouch() throws Exception {
    String overlaps = HeadlessChromium.measure(bench, """
        var charts = document.querySelectorAll('svg[id^="latency-"]');
        measured += 'charts ' + charts.length + '\\n';
        charts.forEach(function (svg) {
          var boxes = Array.prototype.map.call(svg.querySelectorAll('text'), function (t) {
            var b = t.getBBox(); return {t: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
          });
          for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
            var a = boxes[i], b = boxes[j];
            // Touching: on the same band, less than 3 px apart.
            if (a.x < b.x + b.w + 3 && b.x < a.x + a.w + 3 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) {
              measured += svg.id + ': ' + a.t + ' touches ' + b.t + '\\n';
            }
          }
        })""", 1280, dir);
    assertThat(overlaps).startsWith("charts 3\n");
    assertThat(overlaps.lines().skip(1)).as("labels that touch").isEmpty();
  }

  @Test
  void caseIdsInTheFailingCasesTableStayOnOneLine() throws Exception {
    String wrapped = HeadlessChromium.measure(bench, """
        var ids = document.querySelectorAll('#cases td .id');
        measured += 'ids ' + ids.length + '\\n';
        ids.forEach(function (s) { if (s.getClientRects().length > 1) measured += s.textContent + '\\n'; })""",
        1024, dir);
    assertThat(wrapped).startsWith("ids ");
    assertThat(Integer.parseInt(wrapped.lines().findFirst().orElseThrow().substring(4))).isPositive();
    assertThat(wrapped.lines().skip(1)).as("case ids broken over lines").isEmpty();
  }

  @Test
  void theBenchPageSaysOfflineLatenciesAreNotProductionLatencies() throws Exception {
    HeadlessChromium.Rendered r = HeadlessChromium.render(bench, dir);
    String text = r.dom().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    assertThat(text).contains("These are not production latencies. An approach run offline calls no model");
  }

  /** What a hover shows on screen is printed under the map: every answer the map shows has its reason listed. */
  @Test
  void theHeatMapsReasonsArePrintedNotOnlyShownOnHover() throws Exception {
    Cli r = Cli.run(dir, Map.of(), "", "score", Path.of("examples/portfolio/usecases").toAbsolutePath().toString(),
        "--format", "html", "--out", "portfolio.html");
    assertThat(r.exit()).as(r.describe()).isZero();
    String missing = HeadlessChromium.measure(dir.resolve("portfolio.html"), """
        var listed = Array.prototype.map.call(document.querySelectorAll('#heat-map ul.reasons li'), function (li) {
          return li.textContent; });
        measured += 'reasons ' + listed.length + '\\n';
        // A column's heading is the text beside its <title> (the question's wording, on hover).
        var heads = Array.prototype.map.call(document.querySelectorAll('#heat-map-chart > text'), function (t) {
          return Array.prototype.filter.call(t.childNodes, function (n) { return n.nodeType === 3; })
              .map(function (n) { return n.textContent; }).join(''); });
        document.querySelectorAll('#heat-map-chart g').forEach(function (g) {
          var cells = g.querySelectorAll('rect + text');
          cells.forEach(function (t, c) {
            if (c >= heads.length - 1 || t.textContent === '\\u2014') return;
            var q = heads[c], a = t.textContent;
            var found = listed.some(function (l) {
              var m = l.match(/^(\\S+) = (.*?): favours/);
              return m && m[1] === q && m[2].split(', ').indexOf(a) >= 0;
            });
            if (!found) measured += q + ' = ' + a + '\\n';
          });
        })""", 1280, dir);
    assertThat(missing).startsWith("reasons ");
    assertThat(missing.lines().skip(1)).as("answers of the map without a printed reason").isEmpty();
    assertThat(Files.readString(dir.resolve("portfolio.html"))).doesNotContain("Hover for the framework's reason");
  }

  @Test
  void everyExampleRecommendationPrintsOnAtMostFourA4Pages() throws Exception {
    List<String> tooLong = new ArrayList<>();
    try (var files = Files.list(Path.of("examples/usecases"))) {
      for (Path example : files.sorted().toList()) {
        String name = example.getFileName().toString().replace(".yaml", ".html");
        Cli r = Cli.run(dir, Map.of(), "", "recommend", example.toAbsolutePath().toString(), "--explain", "--what-if",
            "--format", "html", "--out", name);
        assertThat(r.exit()).as(r.describe()).isZero();
        int pages = HeadlessChromium.printedPages(dir.resolve(name), dir);
        assertThat(pages).as(name).isPositive();
        if (pages > 4) {
          tooLong.add(name + ": " + pages + " pages");
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  /** The manual's line for a PDF (docs/recommend.md), run as it is written (here as root, which needs --no-sandbox). */
  @Test
  void theReadmesPdfLineWorks() throws IOException, InterruptedException {
    String line = Files.readAllLines(Path.of("docs/recommend.md")).stream().filter(l -> l.startsWith("chromium --headless"))
        .filter(l -> l.contains("--print-to-pdf")).findFirst().orElseThrow();
    List<String> command = new ArrayList<>(List.of(line.replaceFirst("\\s+#.*", "").split("\\s+")));
    assertThat(command).contains("--no-sandbox");
    command.set(0, HeadlessChromium.BINARY.toString());
    // A profile of the test's own, so that nothing of the machine's is read or written.
    command.add(1, "--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
    Cli r = Cli.run(dir, Map.of(), "", "recommend", Path.of("examples/usecases/rfp-response-drafting.yaml")
        .toAbsolutePath().toString(), "--format", "html", "--out", "rfp.html");
    assertThat(r.exit()).as(r.describe()).isZero();
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(dir.resolve("rfp.pdf")).isNotEmptyFile();
  }
}
