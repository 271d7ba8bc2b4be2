package dev.ragft.bench.report;

import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
   * "By score: RAG wins 2 slices (all, qa); fine-tune PROXY wins no slice; 1 tie (long-tail)."
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
      List<String> won = s.slices().stream().filter(sl -> sl.winner().filter(w -> !w.tie()
          && w.leaders().get(0) == a).isPresent()).map(Slice::name).toList();
      parts.add(won.isEmpty() ? name.apply(Names.approach(a)) + " wins no slice" : String.format(Locale.ROOT,
          "%s wins %s (%s)", name.apply(Names.approach(a)), count(won.size(), "slice"), text.apply(String.join(", ", won))));
    }
    List<String> ties = s.slices().stream().filter(sl -> sl.winner().filter(Slice.Winner::tie).isPresent())
        .map(Slice::name).toList();
    if (!ties.isEmpty()) {
      parts.add(count(ties.size(), "tie") + " (" + text.apply(String.join(", ", ties)) + ")");
    }
    return "By score: " + String.join("; ", parts) + ".";
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
