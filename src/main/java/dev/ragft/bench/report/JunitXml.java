package dev.ragft.bench.report;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Slice;
import dev.ragft.bench.run.Summarizer;
import dev.ragft.report.junit.JunitWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A bench result as JUnit XML ({@code junit.xml}), the format CI dashboards read: one
 * {@code <testsuite>} per approach and slice, each with a {@code score} test case (the measured
 * score in its output, so a run without gates still shows its tests), one {@code <testcase>} per
 * {@code --fail-under} gate and, when asked, one per eval case. A failed gate or case is a {@code <failure>} whose
 * message holds the measured value and the threshold; a case without a result is an
 * {@code <error>}. Times are the run's own measured latencies (0 when not measured): no
 * timestamp, no host name, no path, so the same result gives the same bytes. Written by the
 * {@link JunitWriter} that score uses too.
 */
public final class JunitXml {
  /**
   * What to put in: per-case test cases or not, and the score a case needs to pass.
   *
   * @param cases one test case per eval case as well as one per gate
   * @param casePass the least per-case score (token F1 for questions, 1 for a right label) that passes
   */
  public record Options(boolean cases, double casePass) {
    public Options {
      if (!(casePass >= 0 && casePass <= 1)) {
        throw new IllegalArgumentException("case pass score must be 0 to 1, got " + casePass);
      }
    }
  }

  private JunitXml() {}

  /** {@code results} keyed as the bench keys them: approach id, NUL, case id. */
  public static String render(BenchSummary s, List<Gate.Result> gates, List<EvalCase> eval,
      Map<String, CaseResult> results, Options o, Provenance p) {
    Objects.requireNonNull(o, "o");
    List<JunitWriter.Suite> suites = new ArrayList<>();
    for (ApproachId a : s.settings().approaches()) {
      for (Slice sl : s.slices()) {
        String name = a.id() + "." + sl.name();
        String classname = "ragft.bench." + name;
        List<JunitWriter.Case> cases = new ArrayList<>();
        if (sl.metrics().containsKey(a)) {
          cases.add(scoreCase(classname, a, sl));
        }
        for (Gate.Result r : gates) {
          if (r.gate().approach() == a && r.gate().slice().equals(sl.name())) {
            cases.add(new JunitWriter.Case(classname, "gate " + r.gate().text(), 0, r.passed() ? new JunitWriter.Passed()
                : new JunitWriter.Failed("threshold", "gate failed: " + r.gate().describe(r))));
          }
        }
        if (o.cases()) {
          for (EvalCase c : eval) {
            if (in(sl, c)) {
              cases.add(caseOf(classname, a, c, results.get(a.id() + "\u0000" + c.id()), s.settings(), o.casePass()));
            }
          }
        }
        Map<String, String> properties = properties(s, p, a);
        for (MetricId m : MetricId.values()) {
          sl.value(a, m).ifPresent(v -> properties.put("metric." + m.id(), SummaryJson.number(m, v)));
          sl.interval(a, m).ifPresent(i -> {
            properties.put("metric." + m.id() + ".low", m.format(i.low()));
            properties.put("metric." + m.id() + ".high", m.format(i.high()));
          });
        }
        sl.winner().ifPresent(w -> properties.put("slice.winner", Verdict.winner(w, ApproachId::id, "by")));
        suites.add(new JunitWriter.Suite(name, properties, cases));
      }
    }
    return JunitWriter.render("ragft bench " + s.info().name(), suites);
  }

  /**
   * The test case every suite has, so a CI view always shows the run: the approach's score on the
   * slice in its output. It passes: only gates fail a run.
   */
  private static JunitWriter.Case scoreCase(String classname, ApproachId a, Slice sl) {
    String score = sl.value(a, MetricId.SCORE).map(v -> SummaryJson.number(MetricId.SCORE, v)).orElse("not measured")
        + sl.interval(a, MetricId.SCORE).map(i -> ", 95% interval " + Verdict.interval(i)).orElse("")
        + sl.winner().map(w -> "; slice: " + Verdict.winner(w, ApproachId::id, "by")).orElse("");
    return new JunitWriter.Case(classname, "score", 0, new JunitWriter.Passed(), String.format(Locale.ROOT,
        "%s on slice %s (%d %s): score %s", a.id(), sl.name(), sl.cases(), sl.cases() == 1 ? "case" : "cases", score));
  }

  /** The provenance every suite carries, in a fixed order. */
  private static Map<String, String> properties(BenchSummary s, Provenance p, ApproachId a) {
    BenchSettings st = s.settings();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    out.put("ragft.version", p.ragftVersion());
    out.put("dataset.name", s.info().name());
    out.put("dataset.hash", p.datasetHash());
    out.put("approach", a.id());
    out.put("approach.offlineProxy", Boolean.toString(s.model(a).isEmpty() && a.trained()));
    s.model(a).ifPresent(m -> {
      out.put("approach.model", m.model());
      out.put("approach.endpoint", m.endpoint());
    });
    out.put("approaches", String.join(",", st.approaches().stream().map(ApproachId::id).toList()));
    out.put("seed", Long.toString(st.seed()));
    out.put("topK", Integer.toString(st.topK()));
    out.put("timing", Boolean.toString(st.timing()));
    out.put("chunkWords", Integer.toString(st.chunkWords()));
    out.put("voteK", Integer.toString(st.voteK()));
    out.put("neighbours", Integer.toString(st.neighbours()));
    out.put("featureBits", Integer.toString(st.featureBits()));
    out.put("epochs", Integer.toString(st.epochs()));
    out.put("learningRate", Double.toString(st.learningRate()));
    out.put("retriever", st.dense().retriever().id());
    out.put("rrfK", Integer.toString(st.dense().rrfK()));
    out.put("classifier", st.dense().classifier().id());
    return out;
  }

  private static JunitWriter.Case caseOf(String classname, ApproachId a, EvalCase c, CaseResult r, BenchSettings st,
      double pass) {
    String name = "case " + c.id();
    if (r == null) {
      return new JunitWriter.Case(classname, name, 0,
          new JunitWriter.Errored("not-run", a.id() + " produced no result for case " + c.id()));
    }
    Double score = Summarizer.score(c, r, st).get(MetricId.SCORE);
    double secs = r.timed() ? r.latencyMicros() / 1e6 : 0;
    if (score == null) {
      return new JunitWriter.Case(classname, name, secs, new JunitWriter.Skipped("score not measured: "
          + st.scoreMeaning()));
    }
    // Compared at the reported precision, as gates are.
    boolean passed = Math.round(score * 10_000) >= Math.round(pass * 10_000);
    return new JunitWriter.Case(classname, name, secs, passed ? new JunitWriter.Passed()
        : new JunitWriter.Failed("threshold", String.format(Locale.ROOT, "case failed: score = %.4f < %.4f (%s; answer: %s)",
            score, pass, c.task().id(), r.answer().isEmpty() ? "(none)" : r.answer())));
  }

  /** Whether a case belongs to a slice: all, its task, or one of its tags. */
  private static boolean in(Slice sl, EvalCase c) {
    return switch (sl.kind()) {
      case ALL -> true;
      case TASK -> c.task().id().equals(sl.name());
      case TAG -> c.tags().contains(sl.name());
    };
  }
}
