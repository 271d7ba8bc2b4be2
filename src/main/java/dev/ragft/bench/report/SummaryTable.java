package dev.ragft.bench.report;

import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.ModelUse;
import dev.ragft.bench.run.Slice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The terminal summary of a bench run: per slice, the approaches side by side, one metric per row,
 * the best value on each row marked, and the winner of the slice on its score with its lead. The
 * footer says how each approach works and that the fine-tune column is an offline proxy.
 */
public final class SummaryTable {
  private static final int SLICE = 24;
  private static final int CASES = 6;
  private static final int METRIC = 18;
  private static final int VALUE = 16;
  private static final String BOLD_GREEN = "\u001b[1;32m";
  private static final String RESET = "\u001b[0m";

  private SummaryTable() {}

  public static String render(BenchSummary s, List<Gate.Result> gates, boolean color) {
    StringBuilder b = new StringBuilder();
    BenchSettings st = s.settings();
    b.append("ragft bench: ").append(s.info().name()).append(s.info().synthetic() ? " (synthetic)" : "").append('\n');
    String passages = s.passages() > 0 ? " (" + s.passages() + " passages)" : " (not indexed)";
    b.append(String.format(Locale.ROOT, "%d eval cases; corpus %d documents%s; train %d examples; top-k %d, seed %d%n",
        s.evalCases(), s.documents(), passages, s.trainExamples(), st.topK(), st.seed()));
    b.append(st.dense().describe()).append('\n');
    b.append('\n');
    StringBuilder head = new StringBuilder();
    head.append(pad("slice", SLICE)).append(padLeft("cases", CASES)).append("  ").append(pad("metric", METRIC));
    for (ApproachId a : st.approaches()) {
      head.append(padLeft(a.id(), VALUE));
    }
    head.append("  winner");
    b.append(head.toString().stripTrailing()).append('\n');
    b.append("-".repeat(SLICE + CASES + 2 + METRIC + VALUE * st.approaches().size() + 8)).append('\n');
    for (Slice sl : s.slices()) {
      boolean first = true;
      for (MetricId m : sl.measured()) {
        StringBuilder row = new StringBuilder();
        row.append(pad(first ? sl.name() : "", SLICE)).append(padLeft(first ? Integer.toString(sl.cases()) : "", CASES))
            .append("  ").append(pad(m.label(st.topK()), METRIC));
        List<ApproachId> best = sl.best(m);
        for (ApproachId a : st.approaches()) {
          Optional<Double> v = sl.value(a, m);
          String text = v.map(x -> SummaryJson.number(m, x)).orElse("-") + (best.contains(a) ? "*" : " ");
          String cell = padLeft(text, VALUE);
          row.append(color && best.contains(a) ? cell.replace(text, BOLD_GREEN + text + RESET) : cell);
        }
        if (m == MetricId.SCORE) {
          row.append("  ").append(sl.winner().map(w -> Verdict.winner(w, ApproachId::id, "by")).orElse(""));
        }
        b.append(row.toString().stripTrailing()).append('\n');
        if (m == MetricId.SCORE && st.approaches().stream().anyMatch(a -> sl.interval(a, m).isPresent())) {
          StringBuilder ci = new StringBuilder();
          ci.append(pad("", SLICE)).append(padLeft("", CASES)).append("  ").append(pad("  95% interval", METRIC));
          for (ApproachId a : st.approaches()) {
            ci.append(padLeft(sl.interval(a, m).map(i -> "[" + m.format(i.low()) + "," + m.format(i.high()) + "]").orElse("-") + " ",
                VALUE));
          }
          b.append(ci.toString().stripTrailing()).append('\n');
        }
        first = false;
      }
    }
    b.append('\n');
    b.append("* best on the row (latency: lowest). score: ").append(st.scoreMeaning()).append(".\n");
    b.append("Retrieval metrics on the documents of the retrieved passages; citation: the cited document is relevant.\n");
    b.append(Verdict.intervals(s)).append('\n');
    Verdict.qualityNotes(s).forEach(n -> b.append(n).append('\n'));
    for (ApproachId a : st.approaches()) {
      Optional<ModelUse> m = s.model(a);
      if (m.isPresent()) {
        b.append(a.id()).append(": ").append(m.get().label()).append(": ").append(m.get().description());
        if (m.get().label().equals("REAL MODEL")) {
          b.append(String.format(Locale.ROOT, ". Tokens measured by the endpoint: %d input and %d output over %d calls",
              m.get().inputTokens(), m.get().outputTokens(), m.get().calls()));
        }
        if (m.get().unparseableLabels() > 0) {
          b.append("; ").append(m.get().unparseableLabels()).append(" label replies held no label (counted wrong)");
        }
        b.append(".\n");
      } else {
        b.append(a.id()).append(": ").append(a.description(st.dense())).append(s.models().isEmpty() ? "" : " (offline)")
            .append(".\n");
      }
    }
    if (!st.timing()) {
      b.append("Latency not measured (--no-timing).\n");
    }
    if (s.unseenLabelCases() > 0) {
      b.append(String.format(Locale.ROOT, "%d classification case(s) have a label never seen in train.%n",
          s.unseenLabelCases()));
    }
    if (s.excludedOverlap() > 0) {
      b.append(Verdict.overlap(s)).append('\n');
    }
    if (!s.warnings().isEmpty()) {
      b.append(s.warnings().size()).append(s.warnings().size() == 1 ? " warning" : " warnings")
          .append(" about the dataset (see stderr).\n");
    }
    if (!gates.isEmpty()) {
      b.append('\n').append("gates:\n");
      for (Gate.Result r : gates) {
        b.append(r.passed() ? "  pass  " : "  FAIL  ").append(r.gate().describe(r)).append('\n');
      }
    }
    return b.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
  }
}
