package dev.ragft.bench.report;

import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Slice;
import dev.ragft.report.MarkdownBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bench result as GitHub-flavoured Markdown ({@code report.md}), for a pull-request comment or a
 * CI job summary: the verdict first (which approach wins which slice, the gates), then the
 * details in {@code <details>} blocks (metrics per slice, failing cases, how it was measured).
 * Always shorter than {@link #LIMIT} characters: what would overflow is cut with a note saying
 * how much was left out.
 */
public final class BenchMarkdown {
  /** A GitHub comment holds at most 65,536 characters; this leaves room for a caller's heading. */
  public static final int LIMIT = MarkdownBudget.LIMIT;
  /** Room kept for the notes that say what was cut, at most one per cut section. */
  private static final int CELL = 160;

  private BenchMarkdown() {}

  public static String render(BenchResult r, BenchReports.Options o) {
    BenchSummary s = r.summary();
    List<ApproachId> approaches = s.settings().approaches();
    List<Cases.Failing> failing = Cases.failing(r, o.casePass());

    StringBuilder head = new StringBuilder();
    head.append("## ragft bench: ").append(esc(s.info().name())).append(s.info().synthetic() ? " (synthetic)" : "")
        .append("\n\n");
    String gates = Verdict.gates(r.gates());
    head.append(Verdict.sentence(s, n -> "**" + n + "**", BenchMarkdown::esc)).append(' ')
        .append(gates.contains("failed") ? "❌ **" + gates + "**" : (r.gates().isEmpty() ? "" : "✅ ") + gates)
        .append("\n\n");
    if (approaches.contains(ApproachId.FINE_TUNE) || approaches.contains(ApproachId.HYBRID)) {
      head.append("> ").append(Names.PROXY_NOTE).append("\n\n");
    }
    StringBuilder tableHead = new StringBuilder("| slice | cases |");
    approaches.forEach(a -> tableHead.append(' ').append(Names.approach(a)).append(" |"));
    tableHead.append(" winner |\n|---|--:|");
    approaches.forEach(a -> tableHead.append("--:|"));
    tableHead.append("---|\n");
    head.append(tableHead);
    List<String> sliceRows = s.slices().stream().map(sl -> sliceRow(sl, approaches)).toList();
    String afterTable = "\nScore: " + MetricId.SCORE_MEANING + ", averaged over the slice's cases;"
        + " **bold** is the best.\n";

    List<String> gateRows = new ArrayList<>();
    for (Gate.Result g : r.gates()) {
      gateRows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.4f |%n", g.passed() ? "✅ pass" : "❌ FAIL",
          esc(g.gate().text().substring(0, g.gate().text().lastIndexOf('='))), g.valueText(), g.gate().threshold()));
    }
    String gatesHead = r.gates().isEmpty() ? ""
        : "\n### Gates\n\n| result | gate | value | threshold |\n|---|---|--:|--:|\n";

    List<String> sliceBlocks = s.slices().stream().map(sl -> sliceBlock(sl, s.settings())).toList();
    String slicesOpen = "\n<details>\n<summary>Metrics per slice</summary>\n\n";
    String close = "\n</details>\n";

    String casesOpen;
    List<String> caseRows = new ArrayList<>();
    if (!r.hasCases()) {
      casesOpen = "\n<details>\n<summary>Failing cases: not listed</summary>\n\nPer-case detail needs the results log "
          + BenchReports.LOG + " beside summary.json.\n\n";
    } else {
      casesOpen = String.format(Locale.ROOT, "%n<details>%n<summary>Failing cases: %d of %d results score below %.2f"
          + "</summary>%n%n", failing.size(), r.results().size(), o.casePass());
      if (!failing.isEmpty()) {
        casesOpen += "| approach | case | task | score | expected | answer |\n|---|---|---|--:|---|---|\n";
      }
      for (Cases.Failing f : failing) {
        caseRows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %s | %s |%n", Names.approach(f.approach()),
            esc(f.evalCase().id()), f.evalCase().task().id(), f.score(), cell(String.join(" / ",
                f.evalCase().expected())), f.answer().isEmpty() ? "_(none)_" : cell(f.answer())));
      }
    }
    String footer = "\n<details>\n<summary>How this was measured</summary>\n\n" + measured(r) + close;

    // Everything above the cut sections always fits; the rest share what is left.
    int fixed = head.length() + afterTable.length() + gatesHead.length() + slicesOpen.length() + close.length()
        + casesOpen.length() + close.length() + footer.length();
    MarkdownBudget room = new MarkdownBudget(fixed, 4);
    StringBuilder b = new StringBuilder(head);
    room.append(b, sliceRows, "slices", "every slice is in summary.json");
    b.append(afterTable).append(gatesHead);
    room.append(b, gateRows, "gates", "every gate is in summary.json and junit.xml");
    b.append(slicesOpen);
    room.append(b, sliceBlocks, "slices' metric tables", "every metric is in summary.json");
    b.append(close).append(casesOpen);
    room.append(b, caseRows, "failing cases", "every case is in cases.csv");
    b.append(close).append(footer);
    return b.toString();
  }

  private static String sliceRow(Slice sl, List<ApproachId> approaches) {
    StringBuilder row = new StringBuilder("| ").append(esc(sl.name())).append(" | ").append(sl.cases()).append(" |");
    List<ApproachId> best = sl.best(MetricId.SCORE);
    for (ApproachId a : approaches) {
      row.append(' ').append(value(sl, a, MetricId.SCORE, best)).append(" |");
    }
    row.append(' ').append(sl.winner().map(BenchMarkdown::winner).orElse("")).append(" |\n");
    return row.toString();
  }

  private static String sliceBlock(Slice sl, BenchSettings st) {
    StringBuilder b = new StringBuilder("#### ").append(esc(sl.name())).append(" · ")
        .append(Verdict.count(sl.cases(), "case")).append("\n\n| metric |");
    st.approaches().forEach(a -> b.append(' ').append(Names.approach(a)).append(" |"));
    b.append("\n|---|");
    st.approaches().forEach(a -> b.append("--:|"));
    b.append('\n');
    for (MetricId m : sl.measured()) {
      List<ApproachId> best = sl.best(m);
      b.append("| ").append(m.label(st.topK())).append(" |");
      st.approaches().forEach(a -> b.append(' ').append(value(sl, a, m, best)).append(" |"));
      b.append('\n');
    }
    return b.append('\n').toString();
  }

  private static String value(Slice sl, ApproachId a, MetricId m, List<ApproachId> best) {
    Optional<Double> v = sl.value(a, m);
    if (v.isEmpty()) {
      return "–";
    }
    String text = SummaryJson.number(m, v.get());
    return best.contains(a) ? "**" + text + "**" : text;
  }

  private static String winner(Slice.Winner w) {
    if (w.tie()) {
      return "tie: " + String.join(", ", w.leaders().stream().map(Names::approach).toList());
    }
    return String.format(Locale.ROOT, "%s by %.4f", Names.approach(w.leaders().get(0)), w.margin());
  }

  private static String measured(BenchResult r) {
    BenchSummary s = r.summary();
    BenchSettings st = s.settings();
    StringBuilder b = new StringBuilder();
    String passages = s.passages() > 0 ? " (" + s.passages() + " passages)" : " (not indexed)";
    b.append(String.format(Locale.ROOT, "- Dataset **%s**%s: %d eval cases; corpus %d documents%s; train %d examples"
        + "%s.%n", esc(s.info().name()), s.info().synthetic() ? " (synthetic)" : "", s.evalCases(), s.documents(),
        passages, s.trainExamples(), s.info().trainingSnapshot().isEmpty() ? ""
            : "; training snapshot " + esc(s.info().trainingSnapshot())));
    if (!s.info().source().isEmpty()) {
      b.append("- Source: ").append(cell(s.info().source())).append('\n');
    }
    if (!s.info().licence().isEmpty()) {
      b.append("- Licence: ").append(cell(s.info().licence())).append('\n');
    }
    for (ApproachId a : st.approaches()) {
      b.append("- **").append(Names.approach(a)).append("**: ").append(esc(s.describe(a))).append(".\n");
    }
    b.append(String.format(Locale.ROOT, "- Settings: %s, top-k %d, seed %d, passages of at most %d words, %d voting"
        + " examples, %d neighbour pairs, 2^%d hashed features, %d epochs, learning rate %s.%n", esc(st.dense().describe()),
        st.topK(), st.seed(), st.chunkWords(), st.voteK(), st.neighbours(), st.featureBits(), st.epochs(), Double.toString(st.learningRate())));
    b.append("- Score: ").append(MetricId.SCORE_MEANING).append(". Retrieval metrics on the documents of the retrieved"
        + " passages; citation: the cited document is relevant.\n");
    b.append(st.timing() ? "- Latency: measured per query on the machine that ran the bench, in milliseconds.\n"
        : "- Latency: not measured (--no-timing).\n");
    if (s.unseenLabelCases() > 0) {
      b.append(String.format(Locale.ROOT, "- %d classification case(s) have a label never seen in train.%n",
          s.unseenLabelCases()));
    }
    for (String w : Verdict.firstWarnings(s)) {
      b.append("- Warning: ").append(cell(w)).append('\n');
    }
    if (s.warnings().size() > Verdict.WARNINGS) {
      b.append("- ").append(s.warnings().size() - Verdict.WARNINGS).append(" more warnings, in summary.json.\n");
    }
    b.append(String.format(Locale.ROOT, "- Provenance: ragft %s, dataset hash %s.%n",
        esc(r.provenance().ragftVersion()), esc(r.provenance().datasetHash())));
    return b.append('\n').toString();
  }

  /** A table cell: escaped, and cut to a readable length. */
  private static String cell(String s) {
    String one = s.replace('\n', ' ').replace('\r', ' ');
    if (one.codePointCount(0, one.length()) <= CELL) {
      return esc(one);
    }
    return esc(one.substring(0, one.offsetByCodePoints(0, CELL - 1)) + "…");
  }

  /** Escapes what would break a table cell or start markup (HTML tags, emphasis, links). */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\', '|', '*', '_', '`', '[', ']' -> b.append('\\').append(c);
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
