package dev.ragft.report;

import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.Costs;
import dev.ragft.decision.Answer;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Driver;
import dev.ragft.decision.Gate;
import dev.ragft.decision.Warning;
import dev.ragft.decision.WhatIf;
import dev.ragft.framework.Approach;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Situation;
import dev.ragft.report.html.HtmlPage;
import dev.ragft.report.html.Svg;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code recommend --format html}: one self-contained page for a client or a board pack (inline
 * CSS and SVG, no script; a Content-Security-Policy forbids loading anything) that prints to PDF:
 * the approach scores as bars, the drivers table, the stack drawn as its layers, the rollout as a
 * timeline, the cost and latency table, warnings, what-if and the provenance. Everything shown
 * comes from the recommendation; nothing is recomputed here.
 */
public final class RecommendationHtml {
  /** Phase rows of the rollout timeline, beyond the base stylesheet. */
  private static final String PAGE_CSS = ".headline{font-size:17px;margin:10px 0}blockquote{margin:10px 0;padding:4px 14px;"
      + "border-left:4px solid var(--line);color:var(--muted)}.gated{background:#fff4e5;border-left:4px solid #e69f00;"
      + "padding:6px 12px}dl.prov{display:grid;grid-template-columns:max-content auto;gap:4px 16px;font-size:14px}"
      + "dl.prov dt{color:var(--muted)}dl.prov dd{margin:0}";
  /**
   * On paper a recommendation is a handout: compact type and tables, so that the whole page, with
   * --explain and --what-if, prints on at most four A4 pages (a test prints it with Chromium).
   */
  private static final String PRINT_COMPACT_CSS = "@media print{@page{size:A4;margin:12mm}body{font-size:12px;"
      + "line-height:1.35}h1{font-size:19px}h2{font-size:14px;margin:14px 0 4px}h3{font-size:12px;margin:8px 0 2px}"
      + "table{font-size:11px}th,td{padding:3px 6px}.headline{font-size:13px;margin:6px 0}p,ul{margin:4px 0}"
      + "footer{margin-top:12px;font-size:10px}dl.prov{font-size:10px}svg{max-width:78%}}";
  private static final int WIDTH = 720;

  private final Recommendation r;
  private final Framework f;
  private final Assessment a;
  private final Options options;
  private final HtmlPage page;

  private RecommendationHtml(Recommendation r, Options options, HtmlPage page) {
    this.r = r;
    this.f = r.framework();
    this.a = r.assessment();
    this.options = options;
    this.page = page;
  }

  public static String render(Recommendation r, Options options) {
    StringWriter out = new StringWriter();
    try {
      new RecommendationHtml(r, options, new HtmlPage(out)).write();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter", e);
    }
    return out.toString();
  }

  private void write() throws IOException {
    String approach = f.approachName(a.approach());
    String title = approach + " for " + r.name();
    page.begin(title, List.of(HtmlPage.WARNINGS_CSS, PAGE_CSS, HtmlPage.PRINT_CSS, PRINT_COMPACT_CSS));
    page.header(title, "<p>Use case <span class=\"id\">" + esc(r.id()) + "</span> \u00b7 framework <em>" + esc(f.title())
        + "</em> (" + esc(a.frameworkId()) + " " + esc(a.frameworkVersion()) + ")</p>");
    page.line("<p class=\"headline\">Recommended approach: <span class=\"pill\" style=\"background:" + colour(a.approach())
        + "\">" + esc(approach) + "</span> with confidence <strong>" + Format.confidence(a.confidence()) + "</strong>.</p>");
    if (!Narrative.gated(f, a).isEmpty()) {
      page.line("<p class=\"gated\">" + esc(Narrative.gated(f, a)) + "</p>");
    }
    if (!r.description().isEmpty()) {
      page.line("<blockquote>" + esc(r.description()) + "</blockquote>");
    }
    scores();
    drivers();
    warnings();
    if (r.costs() instanceof Costs.Estimated e) {
      costs(e.estimate());
    }
    stack();
    rollout();
    whatIf();
    if (options.explain()) {
      arithmetic();
    }
    provenance();
    page.end("Made by ragft " + esc(options.ragftVersion()) + ". Scores, drivers, warnings, stack and rollout come from the"
        + " framework's questions and rules; see <code>ragft framework show " + esc(f.id()) + "</code>.");
  }

  private void scores() throws IOException {
    page.section("scores", "Approach scores");
    List<Svg.Bar> bars = new ArrayList<>();
    for (Approach x : f.approaches()) {
      int s = a.score(x.id());
      String note = x.id().equals(a.approach()) ? " (recommended)" : x.id().equals(a.highestScoring()) ? " (highest score)" : "";
      bars.add(new Svg.Bar(x.name(), s, Integer.toString(s), colour(x.id()), x.name() + ": " + s + " of 100" + note));
    }
    Svg.horizontalBars(page, "score-chart", "Approach scores out of 100", bars, 100, Svg.Layout.DEFAULT.withLabelWidth(140));
    page.line("<h3>Why</h3>");
    page.line("<ul>");
    for (String w : Narrative.why(f, a)) {
      page.line("<li>" + esc(w) + "</li>");
    }
    for (Situation s : a.situations()) {
      if (s.approach().equals(a.approach())) {
        page.line("<li>Where " + esc(f.approachName(a.approach())) + " wins: <strong>" + esc(s.title()) + "</strong>. "
            + esc(s.description()) + "</li>");
      }
    }
    page.line("</ul>");
    page.endSection();
  }

  private void drivers() throws IOException {
    page.section("drivers", "Drivers");
    page.line("<p class=\"note\">Every answer and rule that moved a score, largest effect first: points added to or taken"
        + " from each approach's baseline.</p>");
    page.line("<table>");
    StringBuilder head = new StringBuilder("<thead><tr><th>Answer</th>");
    for (Approach x : f.approaches()) {
      head.append("<th class=\"num\">").append(esc(x.name())).append("</th>");
    }
    page.line(head.append("<th>Reason</th></tr></thead>").toString());
    page.line("<tbody>");
    for (Driver d : a.drivers()) {
      StringBuilder row = new StringBuilder("<tr><td>").append(esc(Narrative.driverLabel(d))).append("<br><span class=\"id\">")
          .append(esc(d.rule())).append("</span></td>");
      for (String id : f.approachIds()) {
        row.append("<td class=\"num\">").append(Format.signed(d.on(id))).append("</td>");
      }
      page.line(row.append("<td>").append(esc(d.reason())).append("</td></tr>").toString());
    }
    page.line("</tbody>");
    page.line("</table>");
    for (Gate g : a.gates()) {
      page.line("<p>Gate <span class=\"id\">rules." + esc(g.rule()) + "</span> excludes "
          + esc(String.join(", ", g.excludes().stream().map(f::approachName).toList())) + ": " + esc(g.reason()) + "</p>");
    }
    page.endSection();
  }

  private void warnings() throws IOException {
    if (a.warnings().isEmpty()) {
      return;
    }
    page.section("warnings", "Warnings");
    page.line("<ul class=\"warn\">");
    for (Warning w : a.warnings()) {
      page.line("<li>" + esc(w.message()) + "</li>");
    }
    page.line("</ul>");
    page.endSection();
  }

  private void costs(CostEstimate e) throws IOException {
    page.section("costs", "Cost and latency");
    page.line("<p class=\"note\">" + esc(CostTable.basis(e)) + "</p>");
    page.line("<table>");
    StringBuilder head = new StringBuilder("<thead><tr>");
    List<String> header = CostTable.header(e);
    for (int i = 0; i < header.size(); i++) {
      head.append(i == 0 ? "<th>" : "<th class=\"num\">").append(esc(header.get(i))).append("</th>");
    }
    page.line(head.append("</tr></thead>").toString());
    page.line("<tbody>");
    for (List<String> row : CostTable.rows(f, e)) {
      StringBuilder b = new StringBuilder("<tr>");
      for (int i = 0; i < row.size(); i++) {
        b.append(i == 0 ? "<td>" : "<td class=\"num\">").append(esc(row.get(i))).append("</td>");
      }
      page.line(b.append("</tr>").toString());
    }
    page.line("</tbody>");
    page.line("</table>");
    List<String> breakEvens = CostTable.breakEvens(f, e);
    if (!breakEvens.isEmpty()) {
      page.line("<ul>");
      for (String b : breakEvens) {
        page.line("<li>" + esc(b) + "</li>");
      }
      page.line("</ul>");
    }
    page.endSection();
  }

  /** The stack drawn as its layers, one band each, in the framework's order, each with its role and what builds it. */
  private void stack() throws IOException {
    page.section("stack", "Stack");
    int chars = 92;
    List<List<String>> texts = new ArrayList<>();
    int height = 0;
    for (Layer l : a.stack()) {
      List<String> lines = new ArrayList<>(Wrap.lines("", "", l.role(), chars));
      List<String> built = Wrap.lines("Built with: ", "", l.component(), chars);
      texts.add(lines);
      texts.add(built);
      height += 44 + 17 * (lines.size() + built.size()) + 10;
    }
    page.line(Svg.open("stack-chart", "The recommended stack, " + a.stack().size() + " layers", WIDTH, Math.max(height, 1)));
    int y = 0;
    for (int i = 0; i < a.stack().size(); i++) {
      Layer l = a.stack().get(i);
      List<String> role = texts.get(2 * i);
      List<String> built = texts.get(2 * i + 1);
      int h = 44 + 17 * (role.size() + built.size());
      page.line("<g>");
      page.line("<title>" + esc(l.name() + ": " + l.role() + " Built with: " + l.component()) + "</title>");
      page.line("<rect x=\"0\" y=\"" + y + "\" width=\"" + WIDTH + "\" height=\"" + h + "\" rx=\"6\" fill=\"#f5f7fa\""
          + " stroke=\"#bcccdc\"/>");
      page.line("<rect x=\"0\" y=\"" + y + "\" width=\"8\" height=\"" + h + "\" fill=\"" + colour(a.approach()) + "\"/>");
      page.line("<text x=\"22\" y=\"" + (y + 26) + "\" font-size=\"15\" font-weight=\"600\">" + (i + 1) + ". " + esc(l.name())
          + "</text>");
      int ty = y + 48;
      for (String line : role) {
        page.line("<text x=\"22\" y=\"" + ty + "\" font-size=\"13\">" + esc(line) + "</text>");
        ty += 17;
      }
      for (String line : built) {
        page.line("<text x=\"22\" y=\"" + ty + "\" font-size=\"13\" fill=\"#52606d\">" + esc(line) + "</text>");
        ty += 17;
      }
      page.line("</g>");
      y += h + 10;
    }
    page.line(Svg.close());
    page.endSection();
  }

  /** The rollout as a timeline: one row per phase, its bar placed and sized by its weeks, then the table behind it. */
  private void rollout() throws IOException {
    int total = Math.max(1, Narrative.totalWeeks(a));
    page.section("rollout", "Rollout (" + Format.weeks(Narrative.totalWeeks(a)) + ")");
    int left = 230;
    int room = WIDTH - left - 70;
    int rowH = 34;
    int top = 28;
    int height = top + a.rollout().size() * rowH + 8;
    page.line(Svg.open("rollout-chart", "Rollout timeline over " + Format.weeks(total), WIDTH, height));
    int tick = total <= 16 ? 1 : total <= 32 ? 2 : total <= 64 ? 4 : 8;
    for (int w = 0; w <= total; w += tick) {
      int x = left + (int) Math.round(room * w / (double) total);
      page.line("<line x1=\"" + x + "\" y1=\"" + (top - 6) + "\" x2=\"" + x + "\" y2=\"" + (height - 4)
          + "\" stroke=\"#d9e2ec\"/>");
      page.line("<text x=\"" + x + "\" y=\"" + (top - 10) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#52606d\">"
          + w + "</text>");
    }
    page.line("<text x=\"" + (left - 10) + "\" y=\"" + (top - 10) + "\" text-anchor=\"end\" font-size=\"11\" fill=\"#52606d\">"
        + "weeks</text>");
    int start = 0;
    int y = top;
    for (int i = 0; i < a.rollout().size(); i++) {
      Phase p = a.rollout().get(i);
      int x0 = left + (int) Math.round(room * start / (double) total);
      int x1 = left + (int) Math.round(room * (start + p.weeks()) / (double) total);
      page.line("<g>");
      page.line("<title>" + esc(p.name() + " (" + Format.weeks(p.weeks()) + "): " + p.goal() + " Exit: " + p.exitCriteria()
          + " Gate metric: " + p.gateMetric()) + "</title>");
      page.line("<text x=\"" + (left - 10) + "\" y=\"" + (y + 21) + "\" text-anchor=\"end\" font-size=\"13\">" + (i + 1) + ". "
          + esc(Wrap.truncate(p.name(), 26, true)) + "</text>");
      page.line("<rect x=\"" + x0 + "\" y=\"" + (y + 6) + "\" width=\"" + Math.max(2, x1 - x0) + "\" height=\"" + (rowH - 10)
          + "\" rx=\"4\" fill=\"" + Svg.colour(i) + "\"/>");
      String label = Format.weeks(p.weeks());
      boolean inside = x1 - x0 >= 70;
      page.line("<text x=\"" + (inside ? x0 + 8 : x1 + 6) + "\" y=\"" + (y + 22) + "\" font-size=\"12\" fill=\""
          + (inside ? "#fff" : "#1f2933") + "\">" + esc(label) + "</text>");
      page.line("</g>");
      start += p.weeks();
      y += rowH;
    }
    page.line(Svg.close());
    page.line("<table>");
    page.line("<thead><tr><th>#</th><th>Phase</th><th class=\"num\">Weeks</th><th>Goal</th><th>Exit criteria</th>"
        + "<th>Gate metric</th></tr></thead>");
    page.line("<tbody>");
    start = 0;
    for (int i = 0; i < a.rollout().size(); i++) {
      Phase p = a.rollout().get(i);
      String weeks = p.weeks() == 0 ? "0" : p.weeks() == 1 ? Integer.toString(start + 1) : (start + 1) + "\u2013" + (start + p.weeks());
      page.line("<tr><td class=\"num\">" + (i + 1) + "</td><td>" + esc(p.name()) + "</td><td class=\"num\">" + weeks
          + "<br><span class=\"id\">" + esc(Format.weeks(p.weeks())) + "</span></td><td>" + esc(p.goal()) + "</td><td>"
          + esc(p.exitCriteria()) + "</td><td>" + esc(p.gateMetric()) + "</td></tr>");
      start += p.weeks();
    }
    page.line("</tbody>");
    page.line("</table>");
    page.endSection();
  }

  private void whatIf() throws IOException {
    page.section("what-if", "What would change the recommendation");
    if (a.whatIf().isEmpty()) {
      page.line("<p>No change to one or two answers would change it.</p>");
    } else {
      page.line("<ul>");
      for (WhatIf w : a.whatIf()) {
        page.line("<li>" + esc(w.summary()) + "</li>");
      }
      page.line("</ul>");
    }
    page.endSection();
  }

  private void arithmetic() throws IOException {
    page.section("arithmetic", "How the scores are computed");
    page.line("<p class=\"note\">Each score starts at the framework's baseline, adds every driver's effect, and is kept within"
        + " 0..100. Gates take approaches out of the running without changing their scores.</p>");
    page.line("<table>");
    StringBuilder head = new StringBuilder("<thead><tr><th>Rule</th><th>Question</th><th>Answer</th>");
    f.approaches().forEach(x -> head.append("<th class=\"num\">").append(esc(x.name())).append("</th>"));
    page.line(head.append("</tr></thead>").toString());
    page.line("<tbody>");
    for (List<String> row : Narrative.arithmetic(f, a)) {
      StringBuilder b = new StringBuilder("<tr>");
      for (int i = 0; i < row.size(); i++) {
        b.append(i < 3 ? "<td>" : "<td class=\"num\">").append(esc(row.get(i))).append("</td>");
      }
      page.line(b.append("</tr>").toString());
    }
    page.line("</tbody>");
    page.line("</table>");
    page.line("<p>" + esc(Narrative.confidenceRule(f, a)) + "</p>");
    page.endSection();
  }

  /** What made this page: versions and ids only, never a path or a key, so it can be shared as it is. */
  private void provenance() throws IOException {
    page.section("provenance", "Provenance");
    page.line("<dl class=\"prov\">");
    dd("ragft", options.ragftVersion());
    dd("framework", a.frameworkId() + " " + a.frameworkVersion() + " (" + f.title() + ")");
    if (r.costs() instanceof Costs.Estimated e) {
      CostEstimate c = e.estimate();
      dd("prices", c.pricesId() + " (" + c.pricesDate() + ", " + c.currency() + ")");
      dd("cost basis", c.basis());
    } else {
      dd("prices", "none (no price file applies, so no cost figures)");
    }
    dd("use case", r.id());
    List<String> answers = new ArrayList<>();
    for (Map.Entry<String, Answer> e : a.answers().values().entrySet()) {
      answers.add(e.getKey() + "=" + e.getValue().value());
    }
    dd("answers", String.join(", ", answers));
    page.line("</dl>");
    page.endSection();
  }

  private void dd(String term, String value) throws IOException {
    page.line("<dt>" + esc(term) + "</dt><dd>" + esc(value) + "</dd>");
  }

  private String colour(String approach) {
    return Svg.colour(f.approachIds().indexOf(approach));
  }

  private static String esc(String s) {
    return HtmlPage.esc(s);
  }
}
