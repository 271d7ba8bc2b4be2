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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bench result as JUnit XML ({@code junit.xml}), the format CI dashboards read: one
 * {@code <testsuite>} per approach and slice, one {@code <testcase>} per {@code --fail-under}
 * gate and, when asked, one per eval case. A failed gate or case is a {@code <failure>} whose
 * message holds the measured value and the threshold; a case without a result is an
 * {@code <error>}. Times are the run's own measured latencies (0 when not measured): no
 * timestamp, no host name, no path, so the same result gives the same bytes.
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

  /** A test case before it is written: its name, time in seconds, and what went wrong (if anything). */
  private record Case(String name, double seconds, Optional<String> failure, Optional<String> error) {}

  private JunitXml() {}

  /** {@code results} keyed as the bench keys them: approach id, NUL, case id. */
  public static String render(BenchSummary s, List<Gate.Result> gates, List<EvalCase> eval,
      Map<String, CaseResult> results, Options o, Provenance p) {
    Objects.requireNonNull(o, "o");
    List<String> suites = new ArrayList<>();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    double time = 0;
    for (ApproachId a : s.settings().approaches()) {
      for (Slice sl : s.slices()) {
        List<Case> cases = new ArrayList<>();
        for (Gate.Result r : gates) {
          if (r.gate().approach() == a && r.gate().slice().equals(sl.name())) {
            cases.add(new Case("gate " + r.gate().text(), 0,
                r.passed() ? Optional.empty() : Optional.of("gate failed: " + r.gate().describe(r)), Optional.empty()));
          }
        }
        if (o.cases()) {
          for (EvalCase c : eval) {
            if (in(sl, c)) {
              cases.add(caseOf(a, c, results.get(a.id() + "\u0000" + c.id()), s.settings(), o.casePass()));
            }
          }
        }
        int f = (int) cases.stream().filter(c -> c.failure().isPresent()).count();
        int e = (int) cases.stream().filter(c -> c.error().isPresent()).count();
        double t = cases.stream().mapToDouble(Case::seconds).sum();
        suites.add(suite(s, a, sl, cases, f, e, t, p));
        tests += cases.size();
        failures += f;
        errors += e;
        time += t;
      }
    }
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"").append(attr("ragft bench " + s.info().name())).append("\" tests=\"").append(tests)
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" time=\"")
        .append(seconds(time)).append("\">\n");
    suites.forEach(b::append);
    return b.append("</testsuites>\n").toString();
  }

  private static String suite(BenchSummary s, ApproachId a, Slice sl, List<Case> cases, int failures, int errors,
      double time, Provenance p) {
    String name = a.id() + "." + sl.name();
    StringBuilder b = new StringBuilder("  <testsuite name=\"").append(attr(name)).append("\" tests=\"")
        .append(cases.size()).append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
        .append("\" skipped=\"0\" time=\"").append(seconds(time)).append("\">\n");
    b.append("    <properties>\n");
    properties(s, p, a).forEach((k, v) -> property(b, k, v));
    for (MetricId m : MetricId.values()) {
      sl.value(a, m).ifPresent(v -> property(b, "metric." + m.id(), SummaryJson.number(m, v)));
    }
    b.append("    </properties>\n");
    for (Case c : cases) {
      b.append("    <testcase classname=\"").append(attr("ragft.bench." + name)).append("\" name=\"")
          .append(attr(c.name())).append("\" time=\"").append(seconds(c.seconds())).append('"');
      if (c.failure().isEmpty() && c.error().isEmpty()) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n");
      c.failure().ifPresent(m -> b.append("      <failure type=\"threshold\" message=\"").append(attr(m)).append("\">")
          .append(text(m)).append("</failure>\n"));
      c.error().ifPresent(m -> b.append("      <error type=\"not-run\" message=\"").append(attr(m)).append("\">")
          .append(text(m)).append("</error>\n"));
      b.append("    </testcase>\n");
    }
    return b.append("  </testsuite>\n").toString();
  }

  /** The provenance every suite carries, in a fixed order. */
  private static Map<String, String> properties(BenchSummary s, Provenance p, ApproachId a) {
    BenchSettings st = s.settings();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    out.put("ragft.version", p.ragftVersion());
    out.put("dataset.name", s.info().name());
    out.put("dataset.hash", p.datasetHash());
    out.put("approach", a.id());
    out.put("approach.offlineProxy", Boolean.toString(a.trained()));
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

  private static Case caseOf(ApproachId a, EvalCase c, CaseResult r, BenchSettings st, double pass) {
    String name = "case " + c.id();
    if (r == null) {
      return new Case(name, 0, Optional.empty(), Optional.of(a.id() + " produced no result for case " + c.id()));
    }
    double score = Summarizer.score(c, r, st.topK()).get(MetricId.SCORE);
    double secs = r.timed() ? r.latencyMicros() / 1e6 : 0;
    // Compared at the reported precision, as gates are.
    boolean passed = Math.round(score * 10_000) >= Math.round(pass * 10_000);
    return new Case(name, secs, passed ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
        "case failed: score = %.4f < %.4f (%s; answer: %s)", score, pass,
        c.task().id(), r.answer().isEmpty() ? "(none)" : r.answer())), Optional.empty());
  }

  /** Whether a case belongs to a slice: all, its task, or one of its tags. */
  private static boolean in(Slice sl, EvalCase c) {
    return switch (sl.kind()) {
      case ALL -> true;
      case TASK -> c.task().id().equals(sl.name());
      case TAG -> c.tags().contains(sl.name());
    };
  }

  private static void property(StringBuilder b, String name, String value) {
    b.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;");
  }

  /** Escapes markup and drops the characters XML 1.0 cannot hold at all. */
  private static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
          b.appendCodePoint(legal ? cp : 0xFFFD);
        }
      }
    });
    return b.toString();
  }
}
