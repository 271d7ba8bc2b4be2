package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the {@code score --format html} and {@code recommend --format html} reports in a real headless browser (Debian's chromium)
 * and checks that it renders whole, with no console message at all: the page has no script, and
 * its Content-Security-Policy makes any attempt to load an outside asset a console error. Skipped,
 * with a message saying so, where chromium is not installed (.ci/run installs it).
 */
class ReportHtmlInBrowserTest {
  @TempDir Path dir;

  @BeforeAll
  static void sayWhenSkipped() {
    if (!HeadlessChromium.available()) {
      System.out.println("SKIPPED ReportHtmlInBrowserTest: " + HeadlessChromium.BINARY + " is not installed (apt-get install"
          + " -y chromium); the HTML reports were not checked in a browser");
    }
  }

  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.BINARY + " is not installed; the HTML reports were"
        + " not checked in a browser");
  }

  private HeadlessChromium.Rendered render(Path page) throws IOException, InterruptedException {
    return HeadlessChromium.render(page, dir);
  }

  @Test
  void theCheckCatchesScriptErrorsAndBlockedAssets() throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\""
        + " content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body><img src=\"data:image/gif;base64,"
        + "R0lGODlhAQABAAAAACw=\"><script>throw new Error('boom')</script></body></html>");
    HeadlessChromium.Rendered r = render(page);
    assertThat(r.console()).as("a control page with errors must be caught, or the real check proves nothing")
        .anySatisfy(l -> assertThat(l).contains("Uncaught Error: boom"))
        .anySatisfy(l -> assertThat(l).contains("Content Security Policy"));
  }

  @Test
  void theReportRendersWithItsChartsAndNoConsoleMessages() throws Exception {
    Path html = dir.resolve("portfolio.html");
    Cli score = Cli.run("score", "examples/portfolio/usecases", "--format", "html", "--out", html.toString());
    assertThat(score.exit()).as(score.describe()).isZero();
    HeadlessChromium.Rendered r = render(html);
    assertThat(r.exit()).isZero();
    assertThat(r.console()).as("console messages while rendering the report").isEmpty();
    assertThat(r.dom()).contains("<svg id=\"approach-chart\"", "<svg id=\"roadmap-chart\"", "<svg id=\"heat-map-chart\"",
        "Wave 4: Fine-tuning after a data-collection programme");
    assertThat(r.dom().split("<tr>", -1)).as("a header row and one row per use case").hasSize(1 + 1 + 28);
  }

  @Test
  void theRecommendationRendersWithItsChartsAndNoConsoleMessages() throws Exception {
    Path html = dir.resolve("recommendation.html");
    Cli recommend = Cli.run("recommend", "examples/usecases/rfp-response-drafting.yaml", "--format", "html", "--out",
        html.toString());
    assertThat(recommend.exit()).as(recommend.describe()).isZero();
    HeadlessChromium.Rendered r = render(html);
    assertThat(r.exit()).isZero();
    assertThat(r.console()).as("console messages while rendering the recommendation").isEmpty();
    assertThat(r.dom()).contains("<svg id=\"score-chart\"", "<svg id=\"stack-chart\"", "<svg id=\"rollout-chart\"");
    // The text a reader sees once the browser has laid the page out: tags dropped, whitespace folded.
    String text = r.dom().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    assertThat(text).contains("Recommended approach: Hybrid with confidence 0.03 .")
        .contains("Hybrid: 81 of 100 (recommended)", "RAG: 80 of 100", "Fine-tune: 0 of 100")
        .contains("1. Pattern layer", "2. Grounding layer", "3. Generation layer", "Rollout (16 weeks)");
  }

  @Test
  void theRecommendationPrintsToPdf() throws Exception {
    Path html = dir.resolve("recommendation.html");
    assertThat(Cli.run("recommend", "examples/usecases/enterprise-sla-answers.yaml", "--format", "html", "--out",
        html.toString()).exit()).isZero();
    Path pdf = dir.resolve("recommendation.pdf");
    Path profile = Files.createTempDirectory(dir, "profile");
    Process p = new ProcessBuilder(HeadlessChromium.BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("pdf.log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium printed within 120 s").isTrue();
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(bytes).as("a PDF file; log:%n%s", Files.readString(dir.resolve("pdf.log"))).startsWith('%', 'P', 'D', 'F');
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(raw.split("/Type\\s*/Page[^s]", -1).length - 1).as("pages in the PDF").isBetween(2, 6);
  }

  @Test
  void theScreenshotScriptWritesAPng() throws Exception {
    Path html = dir.resolve("small.html");
    assertThat(Cli.run("score", "src/test/resources/portfolio/mixed", "--format", "html", "--out", html.toString()).exit()).isZero();
    Path png = dir.resolve("small.png");
    Process p = new ProcessBuilder("bash", "scripts/screenshot-report.sh", html.toString(), png.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).as("a PNG file").startsWith(0x89, 'P', 'N', 'G');
  }
}
