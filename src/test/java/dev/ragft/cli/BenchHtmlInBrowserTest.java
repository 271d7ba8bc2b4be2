package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the bench's report.html in a real headless browser and checks what a reader sees: the
 * approaches (the fine-tune one named as a PROXY), the scores, the charts, the gates, and no
 * console message at all (no script; the Content-Security-Policy turns any outside load into a
 * console error). Skipped, with a message saying so, where chromium is not installed.
 */
class BenchHtmlInBrowserTest {
  private static final Path TINY = Path.of("src/test/resources/datasets/tiny").toAbsolutePath();

  @TempDir Path dir;

  @BeforeAll
  static void sayWhenSkipped() {
    if (!HeadlessChromium.available()) {
      System.out.println("SKIPPED BenchHtmlInBrowserTest: " + HeadlessChromium.BINARY + " is not installed"
          + " (apt-get install -y chromium); the bench HTML report was not checked in a browser");
    }
  }

  @BeforeEach
  void needsChromium() {
    HeadlessChromium.assumeAvailable("the bench HTML report");
  }

  @Test
  void theBenchPageShowsTheApproachesNumbersAndChartsWithNoConsoleMessages() throws Exception {
    Cli bench = Cli.run(dir, Map.of(), "", "bench", TINY.toString(), "--report-dir", "out", "--cache-dir", "cache",
        "--fail-under", "hybrid.qa.f1=0.45", "--fail-under", "rag.long-tail.score=0.5");
    assertThat(bench.exit()).as(bench.describe()).isEqualTo(1);
    HeadlessChromium.Rendered r = HeadlessChromium.render(dir.resolve("out/report.html"), dir);
    assertThat(r.exit()).isZero();
    assertThat(r.console()).as("console messages while rendering the report").isEmpty();
    assertThat(r.dom()).contains("<h1>ragft bench: tiny (synthetic)</h1>", "<svg id=\"slice-chart\"",
        "<svg id=\"retrieval-chart\"", "<svg id=\"latency-rag\"", "<svg id=\"latency-fine-tune\"",
        "<svg id=\"latency-hybrid\"", "OFFLINE PROXY for a fine-tuned LLM");
    String text = r.dom().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    assertThat(text).contains("By score: RAG wins no slice; fine-tune PROXY wins no slice; hybrid (RAG + PROXY) wins"
        + " no slice; 4 ties within noise (all, qa, classification, long-tail); 1 lead not tested for noise"
        + " (changed-after-training).",
        "Gates: 1 of 2 failed.", "fine-tune PROXY, all, score: 0.6296, 95% interval [0.3333, 0.8889]",
        "all 9 cases · tie within noise: hybrid (RAG + PROXY), fine-tune PROXY, RAG (lead 0.0815 [-0.1630, 0.3333])"
            + " metric RAG fine-tune PROXY hybrid (RAG + PROXY)"
            + " score 0.5394 [0.2566, 0.8222] 0.6296 [0.3333, 0.8889] 0.7111 [0.4222, 1.0000]",
        "Recall@5 RAG, all, recall@k: 1.0000", "Latency per query approach p50 ms p95 ms RAG",
        "pass hybrid.qa.f1 0.4800 0.4500", "FAIL rag.long-tail.score 0.0000 0.5000",
        "10 of 27 results score below 0.50, worst first.", "Provenance: ragft dev, dataset hash");
    for (String a : new String[] {"RAG", "fine-tune PROXY", "hybrid \\(RAG \\+ PROXY\\)"}) {
      int sum = 0;
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(a + ": (\\d+) cases? in ").matcher(text);
      while (m.find()) {
        sum += Integer.parseInt(m.group(1));
      }
      assertThat(sum).as("every case of %s in its latency histogram", a).isEqualTo(9);
    }
    assertThat(Files.readString(dir.resolve("out/report.html"))).as("nothing the page could load")
        .doesNotContain("<script", "src=\"http", "href=\"http", "@import", "url(");
  }
}
