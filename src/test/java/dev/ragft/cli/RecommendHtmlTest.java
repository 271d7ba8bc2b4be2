package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommend --format html}: what the page must hold, and what it must never hold. */
class RecommendHtmlTest {
  @TempDir Path dir;

  @Test
  void thePageHoldsEveryPartOfTheRecommendation() {
    Cli r = Cli.run("recommend", "examples/usecases/rfp-response-drafting.yaml", "--format", "html");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("<svg id=\"score-chart\"", "<svg id=\"stack-chart\"", "<svg id=\"rollout-chart\"",
        "<section id=\"drivers\">", "<section id=\"costs\">", "<section id=\"warnings\">", "<section id=\"what-if\">",
        "<section id=\"provenance\">", "@media print")
        .contains("<title>Hybrid: 81 of 100 (recommended)</title>", "<title>RAG: 80 of 100</title>")
        .contains("<dt>framework</dt><dd>b2b-2026 2026.1", "<dt>prices</dt><dd>prices-2026 (2026-11-01, USD)</dd>")
        .doesNotContain("<script", "src=");
    assertThat(r.out().replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).as("no link out but SVG's namespace")
        .doesNotContain("http://", "https://");
  }

  @Test
  void inputTextIsEscapedAndNoPathOfTheMachineAppears() throws IOException {
    Path useCase = dir.resolve("odd.yaml");
    Files.writeString(useCase, """
        id: odd
        name: "<script>alert('x')</script> & co"
        description: "Quotes \\" and <b>tags</b>"
        answers:
          freshness: monthly
          task: lookup
          auditability: high
          training-pairs: 0
          latency: interactive
        """, StandardCharsets.UTF_8);
    Path out = dir.resolve("out.html");
    Cli r = Cli.run(dir, Map.of(), "", "recommend", useCase.toString(), "--format", "html", "--out", out.toString());
    assertThat(r.exit()).as(r.describe()).isZero();
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", "Quotes &quot; and &lt;b&gt;tags")
        .doesNotContain("<script", "<b>tags", dir.toString(), System.getProperty("user.dir"));
  }

  @Test
  void explainAddsTheArithmeticAndTheSameInputGivesTheSameBytes() {
    Cli plain = Cli.run("recommend", "examples/usecases/voice-agent-order-status.yaml", "--format", "html");
    Cli explained = Cli.run("recommend", "examples/usecases/voice-agent-order-status.yaml", "--format", "html", "--explain");
    assertThat(plain.out()).doesNotContain("id=\"arithmetic\"");
    assertThat(explained.out()).contains("<section id=\"arithmetic\">", "confidence = (");
    assertThat(Cli.run("recommend", "examples/usecases/voice-agent-order-status.yaml", "--format", "html").out())
        .isEqualTo(plain.out());
  }

  @Test
  void theInterviewWritesTheSamePage() {
    Cli r = Cli.run(dir, Map.of(), "daily\nlookup\nregulated\n0\ninteractive\n500\n", "interview", "--format", "html");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<svg id=\"score-chart\"", "RAG for");
  }
}
