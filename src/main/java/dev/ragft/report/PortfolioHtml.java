package dev.ragft.report;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Driver;
import dev.ragft.decision.Sequencer;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Approach;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.report.html.HtmlPage;
import dev.ragft.report.html.Svg;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code score --format html}: one self-contained page (inline CSS and SVG, no script, no
 * external asset; a Content-Security-Policy forbids loading any) with a chart of approach counts,
 * the roadmap, a use case by question heat map, and the table of use cases.
 */
public final class PortfolioHtml implements PortfolioReport {
  /** The roadmap's wave list, beyond the base stylesheet. */
  private static final String WAVES_CSS =
      ".waves{list-style:none;padding:0}.waves li.wave{margin-bottom:14px}.waves ul{margin:4px 0 0;padding-left:20px}";
  private static final int CELL_W = 118;
  private static final int CELL_H = 24;
  private static final int LABEL_W = 280;

  private final HtmlPage page;
  private final Framework framework;
  private final String ragftVersion;
  private final List<Row> rows = new ArrayList<>();

  /** One heat-map cell: the answer, the approach it favours most, and by how many points over the least favoured. */
  private record Cell(String answer, String favours, int strength, String reason) {}

  private record Row(PortfolioRow row, Recommendation recommendation, List<Optional<Cell>> cells) {}

  public PortfolioHtml(Writer out, Framework framework, String ragftVersion) {
    this.ragftVersion = ragftVersion;
    this.page = new HtmlPage(out);
    this.framework = framework;
  }

  @Override
  public void add(ScoredUseCase s) {
    rows.add(new Row(PortfolioRow.of(s, framework), s.recommendation(), cells(s.assessment())));
  }

  private List<Optional<Cell>> cells(Assessment a) {
    List<Optional<Cell>> cells = new ArrayList<>();
    for (Question q : framework.questions()) {
      String prefix = "questions." + q.id() + ".";
      Optional<Driver> d = a.drivers().stream().filter(x -> x.rule().startsWith(prefix)).findFirst();
      cells.add(d.map(x -> {
        String favours = framework.approachIds().get(0);
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (String id : framework.approachIds()) {
          int v = x.on(id);
          if (v > max) {
            max = v;
            favours = id;
          }
          min = Math.min(min, v);
        }
        Answer answer = a.answers().get(q.id()).orElseThrow();
        String text = answer instanceof Answer.NumberAnswer n ? n.grouped() : answer.value();
        return new Cell(text, favours, max - min, x.reason());
      }));
    }
    return cells;
  }

  @Override
  public void finish(List<Sequencer.Group> roadmap) throws IOException {
    String title = "AI use-case portfolio: RAG, fine-tuning or hybrid";
    page.begin(title, List.of(HtmlPage.WARNINGS_CSS, WAVES_CSS, HtmlPage.LEGEND_CSS, HtmlPage.PRINT_CSS,
        "ul.reasons{padding-left:18px;font-size:13px;columns:2 420px}ul.reasons li{break-inside:avoid;margin-bottom:2px}"));
    page.header(title, "<p>" + rows.size() + (rows.size() == 1 ? " use case" : " use cases")
        + " scored with the framework <em>" + esc(framework.title()) + "</em> (" + esc(framework.id()) + " "
        + esc(framework.version()) + ").</p>");
    summary();
    roadmap(roadmap);
    heatMap();
    table();
    page.end(esc(Narrative.madeBy(ragftVersion, framework, rows.stream().map(Row::recommendation).toList()))
        + " Scores, drivers, warnings and waves come from the framework's"
        + " questions, rules and roadmap; see <code>ragft framework show " + esc(framework.id()) + "</code>.");
  }

  private void summary() throws IOException {
    page.section("summary", "Approaches");
    List<Approach> approaches = framework.approaches();
    long most = Math.max(1, approaches.stream().mapToLong(this::count).max().orElse(1));
    List<Svg.Bar> bars = new ArrayList<>();
    for (Approach a : approaches) {
      long n = count(a);
      bars.add(new Svg.Bar(a.name(), n, Long.toString(n), color(a.id()), a.name() + ": " + n));
    }
    Svg.horizontalBars(page, "approach-chart", "Use cases per approach", bars, most, Svg.Layout.DEFAULT);
    page.endSection();
  }

  private long count(Approach a) {
    return rows.stream().filter(r -> r.row().approach().equals(a.id())).count();
  }

  private void roadmap(List<Sequencer.Group> groups) throws IOException {
    page.section("roadmap", "Roadmap");
    line("<p class=\"note\">" + esc(Narrative.roadmapIntro(framework)) + " The bar under each wave splits its use cases by"
        + " the approach they end on there.</p>");
    int n = Math.max(1, groups.size());
    int boxW = 250;
    int step = boxW + 20;
    int width = n * step;
    int height = 150;
    line(Svg.open("roadmap-chart", "Roadmap waves", width, height));
    for (int i = 0; i < groups.size(); i++) {
      Sequencer.Group g = groups.get(i);
      int x = i * step;
      line("<g>");
      line("<title>" + esc(g.wave().name() + ": " + g.wave().goal()) + "</title>");
      line("<rect x=\"" + x + "\" y=\"0\" width=\"" + boxW + "\" height=\"" + (height - 2) + "\" rx=\"6\" fill=\"#f5f7fa\""
          + " stroke=\"#bcccdc\"/>");
      if (i < groups.size() - 1) {
        int ax = x + boxW + 4;
        line("<path d=\"M" + ax + " 66 l12 8 l-12 8 z\" fill=\"#9aa5b1\"/>");
      }
      line("<text x=\"" + (x + 12) + "\" y=\"24\" font-size=\"13\" fill=\"#52606d\">Wave " + g.number() + " \u00b7 "
          + esc(g.wave().timing()) + "</text>");
      int ty = 46;
      for (String l : Wrap.lines("", "", g.wave().name(), 24)) {
        line("<text x=\"" + (x + 12) + "\" y=\"" + ty + "\" font-size=\"15\" font-weight=\"600\">" + esc(l) + "</text>");
        ty += 19;
      }
      int total = g.entries().size();
      line("<text x=\"" + (x + 12) + "\" y=\"" + 112 + "\" font-size=\"14\">" + total + (total == 1 ? " use case" : " use cases")
          + "</text>");
      // A bar split by the approach each use case ends on in this wave.
      int bx = x + 12;
      int bw = boxW - 24;
      int done = 0;
      for (Approach a : framework.approaches()) {
        long k = g.entries().stream().filter(e -> e.placement().target().equals(a.id())).count();
        if (k == 0) {
          continue;
        }
        int w = (int) Math.round(bw * (done + k) / (double) total) - (int) Math.round(bw * done / (double) total);
        line("<rect x=\"" + (bx + (int) Math.round(bw * done / (double) total)) + "\" y=\"122\" width=\"" + w
            + "\" height=\"12\" fill=\"" + color(a.id()) + "\"><title>" + esc(a.name()) + ": " + k + "</title></rect>");
        done += (int) k;
      }
      line("</g>");
    }
    line(Svg.close());
    line("<ol class=\"waves\">");
    for (Sequencer.Group g : groups) {
      line("<li class=\"wave\" id=\"wave-" + g.number() + "\"><h3>Wave " + g.number() + ": " + esc(g.wave().name()) + " <small>("
          + esc(g.wave().timing()) + ")</small></h3>");
      line("<p>" + esc(g.wave().goal()) + "</p>");
      if (g.entries().isEmpty()) {
        line("<p class=\"note\">No use cases in this wave.</p>");
      } else {
        line("<ul>");
        for (Sequencer.Entry e : g.entries()) {
          line("<li>" + esc(e.name()) + " <span class=\"id\">" + esc(e.id()) + "</span>: "
              + esc(PortfolioRow.outlook(e.placement(), framework)) + "</li>");
        }
        line("</ul>");
      }
      line("</li>");
    }
    line("</ol>");
    page.endSection();
  }

  private void heatMap() throws IOException {
    List<Question> questions = framework.questions();
    int strongest = Math.max(1, rows.stream().flatMap(r -> r.cells().stream()).flatMap(Optional::stream)
        .mapToInt(Cell::strength).max().orElse(1));
    page.section("heat-map", "What drives each recommendation");
    line(Svg.legend("Each cell is one answer, coloured by the approach it favours most; the stronger its pull (points"
        + " between the most and least favoured approach), the darker. The framework's reason for each answer is"
        + " listed under the map (and shown on hover). ",
        framework.approaches().stream().map(a -> new Svg.Series(a.name(), color(a.id()))).toList()));
    int headerH = 34;
    int width = LABEL_W + (questions.size() + 1) * CELL_W;
    int height = headerH + rows.size() * CELL_H + 4;
    line(Svg.open("heat-map-chart", "Use case by question heat map", width, height));
    for (int c = 0; c < questions.size(); c++) {
      line("<text x=\"" + (LABEL_W + c * CELL_W + CELL_W / 2) + "\" y=\"22\" text-anchor=\"middle\" font-size=\"12\""
          + " font-weight=\"600\"><title>" + esc(questions.get(c).prompt()) + "</title>" + esc(questions.get(c).id()) + "</text>");
    }
    line("<text x=\"" + (LABEL_W + questions.size() * CELL_W + CELL_W / 2) + "\" y=\"22\" text-anchor=\"middle\""
        + " font-size=\"12\" font-weight=\"600\">approach</text>");
    int y = headerH;
    for (Row r : rows) {
      PortfolioRow p = r.row();
      line("<g>");
      line("<text x=\"" + (LABEL_W - 8) + "\" y=\"" + (y + 16) + "\" text-anchor=\"end\" font-size=\"12\"><title>"
          + esc(p.name() + " (" + p.id() + ")") + "</title>" + esc(Wrap.truncate(p.name(), 40, true)) + "</text>");
      for (int c = 0; c < questions.size(); c++) {
        int x = LABEL_W + c * CELL_W;
        Optional<Cell> cell = r.cells().get(c);
        if (cell.isEmpty()) {
          line("<rect x=\"" + (x + 1) + "\" y=\"" + (y + 1) + "\" width=\"" + (CELL_W - 2) + "\" height=\"" + (CELL_H - 2)
              + "\" fill=\"#eef2f7\"><title>" + esc(questions.get(c).id()) + ": not answered</title></rect>");
          line("<text x=\"" + (x + CELL_W / 2) + "\" y=\"" + (y + 16) + "\" text-anchor=\"middle\" font-size=\"11\""
              + " fill=\"#7b8794\">\u2014</text>");
          continue;
        }
        Cell k = cell.get();
        double opacity = 0.12 + 0.88 * k.strength() / strongest;
        line("<rect x=\"" + (x + 1) + "\" y=\"" + (y + 1) + "\" width=\"" + (CELL_W - 2) + "\" height=\"" + (CELL_H - 2)
            + "\" fill=\"" + color(k.favours()) + "\" fill-opacity=\"" + Format.fixed(opacity, 2, false) + "\"><title>"
            + esc(questions.get(c).id() + " = " + k.answer() + ": favours " + framework.approachName(k.favours()) + ". "
                + k.reason()) + "</title></rect>");
        line("<text x=\"" + (x + CELL_W / 2) + "\" y=\"" + (y + 16) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\""
            + (opacity > 0.6 ? "#fff" : "#1f2933") + "\">" + esc(k.answer()) + "</text>");
      }
      int x = LABEL_W + questions.size() * CELL_W;
      line("<rect x=\"" + (x + 6) + "\" y=\"" + (y + 3) + "\" width=\"" + (CELL_W - 12) + "\" height=\"" + (CELL_H - 6)
          + "\" rx=\"9\" fill=\"" + color(p.approach()) + "\"/>");
      line("<text x=\"" + (x + CELL_W / 2) + "\" y=\"" + (y + 16) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#fff\">"
          + esc(p.approachName()) + "</text>");
      line("</g>");
      y += CELL_H;
    }
    line(Svg.close());
    reasons(questions);
    page.endSection();
  }

  /**
   * The reason behind each answer the map shows, in the framework's question order: what a hover
   * shows on screen, on paper too. Answers with the same reason (numbers in one band) share a line.
   */
  private void reasons(List<Question> questions) throws IOException {
    line("<h3>Why each answer pulls the way it does</h3>");
    line("<ul class=\"reasons\">");
    for (int c = 0; c < questions.size(); c++) {
      java.util.Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
      for (Row r : rows) {
        Optional<Cell> cell = r.cells().get(c);
        if (cell.isPresent()) {
          Cell k = cell.get();
          List<String> same = answers.computeIfAbsent(k.favours() + "\u0000" + k.reason(), x -> new java.util.ArrayList<>());
          if (!same.contains(k.answer())) {
            same.add(k.answer());
          }
        }
      }
      for (java.util.Map.Entry<String, List<String>> e : answers.entrySet()) {
        String[] key = e.getKey().split("\u0000", 2);
        line("<li><strong>" + esc(questions.get(c).id() + " = " + String.join(", ", e.getValue())) + "</strong>: favours "
            + esc(framework.approachName(key[0])) + ". " + esc(key[1]) + "</li>");
      }
    }
    line("</ul>");
  }

  private void table() throws IOException {
    page.section("use-cases", "Use cases");
    line("<table>");
    line("<p>" + esc(PortfolioRow.total(rows.stream().map(Row::row).toList())) + "</p>");
    line("<thead><tr><th>Use case</th><th>Approach</th><th>Confidence</th><th>Per month</th><th>Why (top drivers)</th>"
        + "<th>Warnings</th>"
        + "<th>Wave</th></tr></thead>");
    line("<tbody>");
    for (Row r : rows) {
      PortfolioRow p = r.row();
      StringBuilder b = new StringBuilder("<tr><td title=\"").append(esc(p.description())).append("\">").append(esc(p.name()))
          .append("<br><span class=\"id\">").append(esc(p.id()))
          .append("</span></td><td><span class=\"pill\" style=\"background:").append(color(p.approach())).append("\">")
          .append(esc(p.approachName())).append("</span></td><td class=\"num\">").append(p.confidenceText()).append("</td><td class=\"num\">")
          .append(esc(p.monthlyText())).append("</td><td>")
          .append(esc(String.join("; ", p.drivers()))).append("</td><td>");
      if (!p.warnings().isEmpty()) {
        b.append("<ul class=\"warn\">");
        for (Warning w : p.warnings()) {
          b.append("<li>").append(esc(w.message())).append("</li>");
        }
        b.append("</ul>");
      }
      b.append("</td><td class=\"num\"><a href=\"#wave-").append(p.placement().number()).append("\">")
          .append(p.placement().number()).append("</a></td></tr>");
      line(b.toString());
    }
    line("</tbody>");
    line("</table>");
    page.endSection();
  }

  private String color(String approach) {
    return Svg.colour(framework.approachIds().indexOf(approach));
  }

  private static String esc(String s) {
    return HtmlPage.esc(s);
  }

  private void line(String s) throws IOException {
    page.line(s);
  }
}
