package dev.ragft.bench.report;

import dev.ragft.bench.metrics.Interval;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The verdict the reports for people open with: which approach wins which slice, and the gates. */
final class Verdict {
  /** Dataset warnings a report for people lists; the rest are counted (all are in summary.json). */
  static final int WARNINGS = 20;

  private Verdict() {}

  static List<String> firstWarnings(BenchSummary s) {
    return s.warnings().subList(0, Math.min(WARNINGS, s.warnings().size()));
  }

  /**
   * "By score: RAG wins 2 slices (all, qa); fine-tune PROXY wins no slice; 1 tie within noise
   * (long-tail); 1 lead not tested for noise (one-case)." A slice is won only where the lead's
   * 95% interval excludes zero.
   *
   * @param name how to write an approach's name (emphasis in Markdown)
   * @param text how to write text from the result (escaping for the format)
   */
  static String sentence(BenchSummary s, UnaryOperator<String> name, UnaryOperator<String> text) {
    if (s.settings().approaches().size() < 2) {
      return "One approach ran (" + name.apply(Names.approach(s.settings().approaches().get(0)))
          + "): nothing to compare.";
    }
    List<String> parts = new ArrayList<>();
    for (ApproachId a : s.settings().approaches()) {
      List<String> won = s.slices().stream().filter(sl -> sl.winner().filter(w -> !w.tie() && w.tested()
          && w.leaders().get(0) == a).isPresent()).map(Slice::name).toList();
      parts.add(won.isEmpty() ? name.apply(Names.approach(a)) + " wins no slice" : String.format(Locale.ROOT,
          "%s wins %s (%s)", name.apply(Names.approach(a)), count(won.size(), "slice"), text.apply(String.join(", ", won))));
    }
    List<String> noise = s.slices().stream().filter(sl -> sl.winner().filter(w -> w.tie() && w.tested()).isPresent())
        .map(Slice::name).toList();
    if (!noise.isEmpty()) {
      parts.add(count(noise.size(), "tie") + " within noise (" + text.apply(String.join(", ", noise)) + ")");
    }
    List<String> ties = s.slices().stream().filter(sl -> sl.winner().filter(w -> w.tie() && !w.tested()).isPresent())
        .map(Slice::name).toList();
    if (!ties.isEmpty()) {
      parts.add(count(ties.size(), "tie") + " (" + text.apply(String.join(", ", ties)) + ")");
    }
    List<String> untested = s.slices().stream().filter(sl -> sl.winner().filter(w -> !w.tie() && !w.tested())
        .isPresent()).map(Slice::name).toList();
    if (!untested.isEmpty()) {
      parts.add(untested.size() + (untested.size() == 1 ? " lead" : " leads") + " not tested for noise ("
          + text.apply(String.join(", ", untested)) + ")");
    }
    return "By score: " + String.join("; ", parts) + ".";
  }

  /** What the answer-quality metrics a run measured are, one sentence each, for the reports' notes. */
  static List<String> qualityNotes(BenchSummary s) {
    List<String> out = new ArrayList<>();
    boolean recall = s.slices().stream().anyMatch(sl -> sl.measured().contains(MetricId.CONTEXT_RECALL));
    if (recall) {
      out.add("context recall: the share of the gold answer's tokens in the passages the answer was read from, the"
          + " ceiling for any reader on that retrieval (offline).");
    }
    if (s.settings().embeddingMetrics()) {
      out.add("answer similarity: cosine of the sentence embeddings (all-MiniLM-L6-v2, in process) of the answer and"
          + " the gold answer, 0 for no answer; context recall (emb.): that of the gold answer and the closest passage"
          + " read (offline).");
    }
    if (s.slices().stream().anyMatch(sl -> sl.measured().contains(MetricId.JUDGE_CORRECTNESS))) {
      out.add("judge correctness and faithfulness: graded 0 to 1 by the judge model behind the endpoint (judge.model"
          + " in ragft.yaml), not by people; judge agreement: on the questions whose token F1 is exactly 0 or 1, 1"
          + " minus the judge's distance from it, so a low value says how far not to trust the judge.");
    }
    if (s.settings().outOfScope().named()) {
      out.add(String.format(Locale.ROOT, "out-of-scope label '%s': the trained classifier answers it when its confidence"
          + " is below %s, chosen on %.0f%% of train held out (seed %d); out-of-scope recall: the share of '%s'"
          + " cases answered so; in-scope accuracy: accuracy on the other cases.", s.settings().outOfScope().label(),
          MetricId.SCORE.format(s.abstainBelow()), s.settings().outOfScope().holdout() * 100, s.settings().seed(),
          s.settings().outOfScope().label()));
    }
    return out;
  }

  /** What the intervals are, for the reports' notes. */
  static String intervals(BenchSummary s) {
    int b = s.settings().bootstrap();
    return b == 0 ? "No intervals (--bootstrap 0): leads are not tested for noise."
        : "[low, high]: 95% interval of a paired bootstrap over the slice's eval cases (" + b + " resamples, seed "
            + s.settings().seed() + "); a slice is won only where the lead's interval excludes zero, otherwise the"
            + " approaches within noise tie. A slice of one case has no interval.";
  }

  /**
   * The winner of a slice: "hybrid by 0.2625 [0.1700, 0.3500]", "tie within noise: fine-tune,
   * hybrid (lead 0.0001 [-0.0020, 0.0023])", "hybrid by 0.0909 (not tested for noise)", "tie: rag,
   * hybrid".
   */
  static String winner(Slice.Winner w, Function<ApproachId, String> name, String by) {
    String leaders = String.join(", ", w.leaders().stream().map(name).toList());
    if (w.tested()) {
      String lead = MetricId.SCORE.format(w.margin()) + " " + interval(w.margin95().orElseThrow());
      return w.tie() ? "tie within noise: " + leaders + " (lead " + lead + ")"
          : name.apply(w.leaders().get(0)) + " " + by + " " + lead;
    }
    return w.tie() ? "tie: " + leaders
        : name.apply(w.leaders().get(0)) + " " + by + " " + MetricId.SCORE.format(w.margin()) + " (not tested for noise)";
  }

  /** "[0.1700, 0.3500]". */
  static String interval(Interval i) {
    return "[" + MetricId.SCORE.format(i.low()) + ", " + MetricId.SCORE.format(i.high()) + "]";
  }

  /** "Gates: all 3 passed." or "Gates: 1 of 3 failed." */
  static String gates(List<Gate.Result> gates) {
    if (gates.isEmpty()) {
      return "No gates were set (--fail-under).";
    }
    long failed = gates.stream().filter(g -> !g.passed()).count();
    return failed == 0 ? "Gates: all " + gates.size() + " passed."
        : String.format(Locale.ROOT, "Gates: %d of %d failed.", failed, gates.size());
  }

  /** "2 eval cases were left out: their input is also in train (--strict refuses such a dataset)." */
  static String overlap(BenchSummary s) {
    return count(s.excludedOverlap(), "eval case") + (s.excludedOverlap() == 1 ? " was" : " were")
        + " left out: the input is also in train (ignoring case and spacing); --strict refuses such a dataset.";
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
