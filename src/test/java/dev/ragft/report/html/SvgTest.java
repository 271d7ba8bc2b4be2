package dev.ragft.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SvgTest {
  private final StringWriter out = new StringWriter();
  private final HtmlPage page = new HtmlPage(out);

  @Nested
  class HorizontalBars {
    @Test
    void scalesBarsToTheMaxAndWritesLabelsValuesAndTooltips() throws IOException {
      Svg.horizontalBars(page, "scores", "Scores", List.of(
          new Svg.Bar("RAG", 100, "100", Svg.colour(0), "RAG: 100"),
          new Svg.Bar("Fine-tune <FT>", 50, "50", Svg.colour(1), "Fine-tune: 50"),
          new Svg.Bar("Hybrid", 0, "0", Svg.colour(2), "Hybrid: 0")), 100, Svg.Layout.DEFAULT);
      String svg = out.toString();
      // 720 - 120 for labels - 80 for values = 520 px for a full bar.
      assertThat(svg).startsWith("<svg id=\"scores\" role=\"img\" aria-label=\"Scores\" width=\"720\" height=\"138\"")
          .contains("width=\"520\" height=\"30\" rx=\"3\" fill=\"#0072b2\"><title>RAG: 100</title>")
          .contains("width=\"260\" height=\"30\" rx=\"3\" fill=\"#cc79a7\"")
          .contains("width=\"2\" height=\"30\" rx=\"3\" fill=\"#d55e00\"")
          .contains(">Fine-tune &lt;FT&gt;</text>")
          .endsWith("</svg>\n");
    }

    @Test
    void aValueBeyondTheMaxIsDrawnFullLengthNotPastTheValueRoom() throws IOException {
      Svg.horizontalBars(page, "c", "C", List.of(new Svg.Bar("a", 300, "300", "#000", "a")), 100, Svg.Layout.DEFAULT);
      assertThat(out.toString()).contains("width=\"520\"");
    }
  }

  @Test
  void groupedBarsLabelEachGroupOnceAndDrawEveryBar() throws IOException {
    Svg.groupedBars(page, "slices", "Per slice", List.of(
        new Svg.Group("all", List.of(new Svg.Bar("rag", 0.8, "0.80", Svg.colour(0), "RAG on all: 0.80"),
            new Svg.Bar("ft", 0.4, "0.40", Svg.colour(1), "Fine-tune on all: 0.40"))),
        new Svg.Group("long-tail", List.of(new Svg.Bar("rag", 0.6, "0.60", Svg.colour(0), "RAG on long-tail: 0.60")))),
        1.0, Svg.Layout.DEFAULT.withLabelWidth(200));
    String svg = out.toString();
    // gap 12, then 2 bars (30+4+30), gap 12, 1 bar (30), gap 12.
    assertThat(svg).contains("height=\"130\"").contains(">all</text>", ">long-tail</text>")
        .contains("<title>Fine-tune on all: 0.40</title>").contains("x=\"200\" y=\"88\" width=\"264\"");
    assertThat(svg.split("<rect", -1)).hasSize(4);
  }

  @Test
  void columnsStandOnOneBaselineWithLabelsUnder() throws IOException {
    Svg.columns(page, "latency", "Latency", List.of(new Svg.Bar("0-100 ms", 10, "10", "#000", "10 queries"),
        new Svg.Bar("100-200 ms", 5, "5", "#000", "5 queries")), 10, 400, 200);
    String svg = out.toString();
    // Plot from y 20 to 176: the full column is 156 high, the half one 78.
    assertThat(svg).contains("<line x1=\"0\" y1=\"176\"").contains("y=\"20\" width=\"194\" height=\"156\"")
        .contains("y=\"98\" width=\"194\" height=\"78\"").contains(">100-200 ms</text>");
    assertThatThrownBy(() -> Svg.columns(page, "x", "x", List.of(), 1, 400, 200)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void legendEscapesNamesButNotItsNote() {
    assertThat(Svg.legend("<b>Key:</b> ", List.of(new Svg.Series("R&D", "#fff"))))
        .isEqualTo("<p class=\"legend note\"><b>Key:</b> <span><i style=\"background:#fff\"></i>R&amp;D</span></p>");
  }

  @Test
  void paletteColoursWrapAndNegativeIndexesGiveTheFirst() {
    assertThat(Svg.colour(6)).isEqualTo(Svg.colour(0));
    assertThat(Svg.colour(-1)).isEqualTo("#0072b2");
  }

  @Test
  void negativeOrNonFiniteBarsAreRejected() {
    assertThatThrownBy(() -> new Svg.Bar("a", -1, "", "#000", "")).hasMessageContaining("at least 0");
    assertThatThrownBy(() -> new Svg.Bar("a", Double.NaN, "", "#000", "")).hasMessageContaining("finite");
  }

  @Test
  void aPageForbidsLoadingAnythingAndEscapesItsTitle() throws IOException {
    page.begin("A & B", List.of(HtmlPage.PRINT_CSS));
    page.header("A & B", "");
    page.end("done");
    String html = out.toString();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
        .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
        .contains("<title>A &amp; B</title>", "<h1>A &amp; B</h1>", "@media print")
        .endsWith("<footer>done</footer>\n</body>\n</html>\n")
        .doesNotContain("<script", "http://", "https://");
    assertThat(HtmlPage.esc("<a href='x'>\"&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
  }
}
