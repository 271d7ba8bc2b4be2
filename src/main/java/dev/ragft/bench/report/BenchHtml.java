package dev.ragft.bench.report;

import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Slice;
import dev.ragft.report.html.HtmlPage;
import dev.ragft.report.html.Svg;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bench result as one self-contained page ({@code report.html}; inline CSS and SVG, no script,
 * a Content-Security-Policy that forbids loading anything; prints to PDF): the verdict, the score
 * per slice as bars (RAG vs the fine-tune PROXY vs the hybrid, as run), the retrieval metrics, the
 * latency distribution per approach from the per-case latencies, the gates, the failing cases, and
 * how it was measured. Charts come from {@link Svg}, the page frame from {@link HtmlPage}.
 */
public final class BenchHtml {
  /** Failing cases listed on the page; the rest are counted, and all are in cases.csv. */
  static final int CASE_ROWS = 200;
  private static final List<MetricId> RETRIEVAL = List.of(MetricId.RECALL, MetricId.MRR, MetricId.NDCG,
      MetricId.CITATION);
  private static final String PASS = "#009e73";
  private static final String FAIL = "#d55e00";

  private BenchHtml() {}

  public static String render(BenchResult r, BenchReports.Options o) {
    StringWriter out = new StringWriter();
    try {
      write(new HtmlPage(out), r, o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(HtmlPage page, BenchResult r, BenchReports.Options o) throws IOException {
    BenchSummary s = r.summary();
    List<ApproachId> approaches = s.settings().approaches();
    String title = "ragft bench: " + s.info().name() + (s.info().synthetic() ? " (synthetic)" : "");
    page.begin(title, List.of(HtmlPage.LEGEND_CSS, HtmlPage.WARNINGS_CSS, HtmlPage.PRINT_CSS,
        "th.num{text-align:right}td.best{font-weight:700}.charts{display:flex;flex-wrap:wrap;gap:12px 32px}.charts figure{margin:0}"
            + "figcaption{font-weight:600;margin:8px 0 2px}"));
    page.header(title, "<p>" + Verdict.sentence(s, n -> "<strong>" + HtmlPage.esc(n) + "</strong>", HtmlPage::esc)
        + " " + (r.gates().isEmpty() ? HtmlPage.esc(Verdict.gates(r.gates())) : "<span class=\"pill\" style=\"background:"
            + (r.gates().stream().allMatch(Gate.Result::passed) ? PASS : FAIL) + "\">"
            + HtmlPage.esc(Verdict.gates(r.gates())) + "</span>") + "</p>"
        + (approaches.stream().anyMatch(ApproachId::trained) ? "\n<p class=\"note\"><strong>"
            + HtmlPage.esc(Names.PROXY_NOTE) + "</strong></p>" : ""));

    page.section("slices", "Score per slice");
    page.line(legend(approaches, "Score: " + MetricId.SCORE_MEANING + ", averaged. "));
    List<Svg.Group> groups = new ArrayList<>();
    for (Slice sl : s.slices()) {
      groups.add(new Svg.Group(sl.name() + " (" + sl.cases() + ")", bars(sl, approaches, MetricId.SCORE)));
    }
    Svg.groupedBars(page, "slice-chart", "Score per slice and approach", groups, 1.0,
        new Svg.Layout(720, 240, 18, 12, 110, 14));
    page.endSection();

    page.section("metrics", "Metrics per slice");
    page.line("<p class=\"note\">Bold: the best on the row (latency: the lowest).</p>");
    sliceTable(page, s);
    page.endSection();

    page.section("retrieval", "Retrieval (slice all)");
    retrieval(page, s);
    page.endSection();

    page.section("latency", "Latency per query");
    latency(page, r);
    page.endSection();

    page.section("gates", "Gates");
    gates(page, r.gates());
    page.endSection();

    page.section("cases", "Failing cases");
    cases(page, r, o);
    page.endSection();

    page.section("provenance", "How this was measured");
    measured(page, r);
    page.endSection();
    page.end("Made by ragft " + HtmlPage.esc(r.provenance().ragftVersion()) + " bench. Figures at the precision of"
        + " summary.json; every case is in cases.csv.");
  }

  private static List<Svg.Bar> bars(Slice sl, List<ApproachId> approaches, MetricId m) {
    List<Svg.Bar> out = new ArrayList<>();
    for (ApproachId a : approaches) {
      Optional<Double> v = sl.value(a, m);
      String text = v.map(x -> SummaryJson.number(m, x)).orElse("not measured");
      out.add(new Svg.Bar(Names.approach(a), v.orElse(0.0), text, colour(a),
          Names.approach(a) + ", " + sl.name() + ", " + m.id() + ": " + text));
    }
    return out;
  }

  private static void sliceTable(HtmlPage page, BenchSummary s) throws IOException {
    List<ApproachId> approaches = s.settings().approaches();
    for (Slice sl : s.slices()) {
      page.line("<h3>" + HtmlPage.esc(sl.name()) + " <span class=\"id\">" + sl.cases() + (sl.cases() == 1 ? " case"
          : " cases") + (sl.winner().isPresent() ? " · " + HtmlPage.esc(winner(sl.winner().get())) : "")
          + "</span></h3>");
      StringBuilder head = new StringBuilder("<table><thead><tr><th>metric</th>");
      approaches.forEach(a -> head.append("<th class=\"num\">").append(HtmlPage.esc(Names.approach(a))).append("</th>"));
      page.line(head.append("</tr></thead><tbody>").toString());
      for (MetricId m : sl.measured()) {
        List<ApproachId> best = sl.best(m);
        StringBuilder row = new StringBuilder("<tr><td>").append(HtmlPage.esc(m.label(s.settings().topK())))
            .append("</td>");
        for (ApproachId a : approaches) {
          row.append(best.contains(a) ? "<td class=\"num best\">" : "<td class=\"num\">")
              .append(sl.value(a, m).map(v -> SummaryJson.number(m, v)).orElse("–")).append("</td>");
        }
        page.line(row.append("</tr>").toString());
      }
      page.line("</tbody></table>");
    }
  }

  private static void retrieval(HtmlPage page, BenchSummary s) throws IOException {
    Optional<Slice> all = s.slice("all");
    List<ApproachId> retrieving = all.map(sl -> s.settings().approaches().stream()
        .filter(a -> sl.value(a, MetricId.RECALL).isPresent()).toList()).orElse(List.of());
    if (retrieving.isEmpty()) {
      page.line("<p class=\"note\">No approach retrieved on a case with relevant documents: retrieval was not"
          + " measured.</p>");
      return;
    }
    page.line(legend(retrieving, "Documents of the retrieved passages against the case's relevant ones; citation:"
        + " the cited document is relevant. "));
    List<Svg.Group> groups = new ArrayList<>();
    for (MetricId m : RETRIEVAL) {
      if (all.get().value(retrieving.get(0), m).isPresent()) {
        groups.add(new Svg.Group(m.label(s.settings().topK()), bars(all.get(), retrieving, m)));
      }
    }
    Svg.groupedBars(page, "retrieval-chart", "Retrieval metrics per approach on all cases", groups, 1.0,
        new Svg.Layout(720, 160, 18, 12, 110, 14));
  }

  private static void latency(HtmlPage page, BenchResult r) throws IOException {
    BenchSummary s = r.summary();
    if (!s.settings().timing()) {
      page.line("<p class=\"note\">Latency not measured (--no-timing).</p>");
      return;
    }
    StringBuilder table = new StringBuilder("<table><thead><tr><th>approach</th><th class=\"num\">p50 ms</th><th class=\"num\">p95 ms</th>"
        + "</tr></thead><tbody>");
    Optional<Slice> all = s.slice("all");
    for (ApproachId a : s.settings().approaches()) {
      table.append("<tr><td>").append(HtmlPage.esc(Names.approach(a))).append("</td>");
      for (MetricId m : List.of(MetricId.LATENCY_P50, MetricId.LATENCY_P95)) {
        table.append("<td class=\"num\">").append(all.flatMap(sl -> sl.value(a, m))
            .map(v -> SummaryJson.number(m, v)).orElse("–")).append("</td>");
      }
      table.append("</tr>");
    }
    page.line(table.append("</tbody></table>").toString());
    if (!r.hasCases()) {
      page.line("<p class=\"note\">The distribution needs the results log " + BenchReports.LOG
          + " beside summary.json.</p>");
      return;
    }
    double max = 0;
    double min = Double.MAX_VALUE;
    for (ApproachId a : s.settings().approaches()) {
      for (double v : Cases.latenciesMs(r, a)) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    List<Double> edges = edges(min == Double.MAX_VALUE ? 0 : min, max);
    page.line("<p class=\"note\">Measured per query on the machine that ran the bench: cases per latency bucket"
        + " (milliseconds, on a 1-2-5 scale; each bucket includes its upper edge).</p>");
    page.line("<div class=\"charts\">");
    for (ApproachId a : s.settings().approaches()) {
      double[] ms = Cases.latenciesMs(r, a);
      int[] counts = new int[edges.size() - 1];
      for (double v : ms) {
        int i = 0;
        while (i < counts.length - 1 && v > edges.get(i + 1)) {
          i++;
        }
        counts[i]++;
      }
      int most = 0;
      for (int c : counts) {
        most = Math.max(most, c);
      }
      List<Svg.Bar> columns = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        String bucket = ms(edges.get(i)) + "–" + ms(edges.get(i + 1));
        columns.add(new Svg.Bar(bucket, counts[i], Integer.toString(counts[i]), colour(a), Names.approach(a) + ": "
            + counts[i] + (counts[i] == 1 ? " case" : " cases") + " in " + bucket + " ms"));
      }
      page.line("<figure>");
      page.line("<figcaption>" + HtmlPage.esc(Names.approach(a)) + " <span class=\"id\">" + ms.length
          + " cases</span></figcaption>");
      Svg.columns(page, "latency-" + a.id(), "Latency histogram of " + Names.approach(a), columns, most,
          Math.max(360, counts.length * 60), 180);
      page.line("</figure>");
    }
    page.line("</div>");
  }

  /**
   * Histogram edges on a 1-2-5 scale (..., 0.5, 1, 2, 5, 10, ... ms), so a few slow cases (a cold
   * start) do not squeeze every other case into one bucket: from 0, then from the last step at or
   * below the fastest case, to the first step at or above the slowest.
   */
  static List<Double> edges(double min, double max) {
    List<Double> out = new ArrayList<>(List.of(0.0));
    double step = 0.01;
    while (next(step) <= min) {
      step = next(step);
    }
    if (step > 0.01 || min >= step) {
      out.add(step);
    }
    while (out.get(out.size() - 1) < max) {
      step = next(out.get(out.size() - 1) == 0 ? 0.005 : step);
      out.add(step);
    }
    if (out.size() < 2) {
      out.add(0.01);
    }
    return out;
  }

  /** The 1-2-5 value after {@code step}. */
  private static double next(double step) {
    double scale = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
    double mantissa = step / scale;
    return clean((mantissa < 1.5 ? 2 : mantissa < 3.5 ? 5 : 10) * scale);
  }

  /** Without the binary noise of k * step, so edges print as 0.3, not 0.30000000000000004. */
  private static double clean(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
  }

  private static String ms(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void gates(HtmlPage page, List<Gate.Result> gates) throws IOException {
    if (gates.isEmpty()) {
      page.line("<p class=\"note\">No gates were set (--fail-under).</p>");
      return;
    }
    page.line("<table><thead><tr><th>result</th><th>gate</th><th class=\"num\">value</th><th class=\"num\">threshold</th>"
        + "</tr></thead><tbody>");
    for (Gate.Result g : gates) {
      page.line("<tr><td><span class=\"pill\" style=\"background:" + (g.passed() ? PASS : FAIL) + "\">"
          + (g.passed() ? "pass" : "FAIL") + "</span></td><td>"
          + HtmlPage.esc(g.gate().text().substring(0, g.gate().text().lastIndexOf('='))) + "</td><td class=\"num\">"
          + g.valueText() + "</td><td class=\"num\">"
          + String.format(Locale.ROOT, "%.4f", g.gate().threshold()) + "</td></tr>");
    }
    page.line("</tbody></table>");
  }

  private static void cases(HtmlPage page, BenchResult r, BenchReports.Options o) throws IOException {
    if (!r.hasCases()) {
      page.line("<p class=\"note\">Per-case detail needs the results log " + BenchReports.LOG
          + " beside summary.json.</p>");
      return;
    }
    List<Cases.Failing> failing = Cases.failing(r, o.casePass());
    page.line(String.format(Locale.ROOT, "<p class=\"note\">%d of %d results score below %.2f, worst first.</p>",
        failing.size(), r.results().size(), o.casePass()));
    if (failing.isEmpty()) {
      return;
    }
    page.line("<table><thead><tr><th>approach</th><th>case</th><th>task</th><th class=\"num\">score</th><th>expected</th>"
        + "<th>answer</th></tr></thead><tbody>");
    for (Cases.Failing f : failing.subList(0, Math.min(CASE_ROWS, failing.size()))) {
      page.line("<tr><td>" + HtmlPage.esc(Names.approach(f.approach())) + "</td><td><span class=\"id\">"
          + HtmlPage.esc(f.evalCase().id()) + "</span></td><td>" + f.evalCase().task().id() + "</td><td class=\"num\">"
          + String.format(Locale.ROOT, "%.4f", f.score()) + "</td><td>"
          + HtmlPage.esc(String.join(" / ", f.evalCase().expected())) + "</td><td>"
          + (f.answer().isEmpty() ? "<em>(none)</em>" : HtmlPage.esc(f.answer())) + "</td></tr>");
    }
    page.line("</tbody></table>");
    if (failing.size() > CASE_ROWS) {
      page.line("<p class=\"note\">" + (failing.size() - CASE_ROWS) + " more failing results are left out here;"
          + " every case is in cases.csv.</p>");
    }
  }

  private static void measured(HtmlPage page, BenchResult r) throws IOException {
    BenchSummary s = r.summary();
    BenchSettings st = s.settings();
    List<String> items = new ArrayList<>();
    items.add(String.format(Locale.ROOT, "Dataset <strong>%s</strong>%s: %d eval cases; corpus %d documents%s; train"
        + " %d examples%s.", HtmlPage.esc(s.info().name()), s.info().synthetic() ? " (synthetic)" : "", s.evalCases(),
        s.documents(), s.passages() > 0 ? " (" + s.passages() + " passages)" : " (not indexed)", s.trainExamples(),
        s.info().trainingSnapshot().isEmpty() ? "" : "; training snapshot " + HtmlPage.esc(s.info().trainingSnapshot())));
    if (!s.info().source().isEmpty()) {
      items.add("Source: " + HtmlPage.esc(s.info().source()));
    }
    if (!s.info().licence().isEmpty()) {
      items.add("Licence: " + HtmlPage.esc(s.info().licence()));
    }
    for (ApproachId a : st.approaches()) {
      items.add("<strong>" + HtmlPage.esc(Names.approach(a)) + "</strong>: " + HtmlPage.esc(s.describe(a)) + ".");
    }
    items.add(String.format(Locale.ROOT, "Settings: %s, top-k %d, seed %d, passages of at most %d words, %d voting"
        + " examples, %d neighbour pairs, 2^%d hashed features, %d epochs, learning rate %s.", HtmlPage.esc(st.dense().describe()),
        st.topK(), st.seed(), st.chunkWords(), st.voteK(), st.neighbours(), st.featureBits(), st.epochs(), Double.toString(st.learningRate())));
    items.add(st.timing() ? "Latency: measured per query on the machine that ran the bench, in milliseconds."
        : "Latency: not measured (--no-timing).");
    if (s.unseenLabelCases() > 0) {
      items.add(s.unseenLabelCases() + " classification case(s) have a label never seen in train.");
    }
    Verdict.firstWarnings(s).forEach(w -> items.add("Warning: " + HtmlPage.esc(w)));
    if (s.warnings().size() > Verdict.WARNINGS) {
      items.add((s.warnings().size() - Verdict.WARNINGS) + " more warnings, in summary.json.");
    }
    items.add("Provenance: ragft " + HtmlPage.esc(r.provenance().ragftVersion()) + ", dataset hash <span class=\"id\">"
        + HtmlPage.esc(r.provenance().datasetHash()) + "</span>.");
    page.line("<ul>");
    for (String i : items) {
      page.line("<li>" + i + "</li>");
    }
    page.line("</ul>");
  }

  private static String legend(List<ApproachId> approaches, String note) {
    return Svg.legend(HtmlPage.esc(note), approaches.stream()
        .map(a -> new Svg.Series(Names.approach(a), colour(a))).toList());
  }

  /** A colour per approach, the same in every chart. */
  private static String colour(ApproachId a) {
    return Svg.colour(a.ordinal());
  }

  private static String winner(Slice.Winner w) {
    if (w.tie()) {
      return "tie: " + String.join(", ", w.leaders().stream().map(Names::approach).toList());
    }
    return String.format(Locale.ROOT, "%s wins by %.4f", Names.approach(w.leaders().get(0)), w.margin());
  }

}
