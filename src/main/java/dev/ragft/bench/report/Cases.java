package dev.ragft.bench.report;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.Summarizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the reports for people show of single cases: the failing ones, and the measured latencies. */
final class Cases {
  private Cases() {}

  /** A result that scored below the pass score. */
  record Failing(ApproachId approach, EvalCase evalCase, String answer, double score) {
    Failing {
      Objects.requireNonNull(approach, "approach");
      Objects.requireNonNull(evalCase, "evalCase");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /**
   * Every result scoring below {@code pass} (compared at the reported precision, as gates are),
   * worst first; equal scores in approach order, then run order.
   */
  static List<Failing> failing(BenchResult r, double pass) {
    List<Failing> out = new ArrayList<>();
    for (ApproachId a : r.summary().settings().approaches()) {
      for (EvalCase c : r.eval()) {
        Optional<CaseResult> res = r.result(a, c);
        if (res.isEmpty()) {
          continue;
        }
        Double score = Summarizer.score(c, res.get(), r.summary().settings()).get(MetricId.SCORE);
        if (score == null) {
          continue; // unmeasured (the metric --score chose was not measured for it): neither failing nor 0
        }
        if (Math.round(score * 10_000) < Math.round(pass * 10_000)) {
          out.add(new Failing(a, c, res.get().answer(), score));
        }
      }
    }
    // A stable sort keeps approach, then run order among equal scores.
    out.sort(Comparator.comparingLong(f -> Math.round(f.score() * 10_000)));
    return out;
  }

  /** The measured latencies of approach {@code a} in milliseconds, in run order; empty when not measured. */
  static double[] latenciesMs(BenchResult r, ApproachId a) {
    return r.eval().stream().map(c -> r.result(a, c)).flatMap(Optional::stream).filter(CaseResult::timed)
        .mapToDouble(x -> x.latencyMicros() / 1000.0).toArray();
  }
}
