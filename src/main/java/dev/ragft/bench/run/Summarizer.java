package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.metrics.AnswerMetrics;
import dev.ragft.bench.metrics.Bootstrap;
import dev.ragft.bench.metrics.Interval;
import dev.ragft.bench.metrics.LabelMetrics;
import dev.ragft.bench.metrics.Latency;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns per-case results into metrics per slice and approach. Pure: same results, same summary. */
public final class Summarizer {
  private Summarizer() {}

  /** The metrics of one case: the ones that apply to its task and to what the approach did. */
  public static Map<MetricId, Double> score(EvalCase c, CaseResult r, int topK) {
    return score(c, r, topK, MetricId.SCORE, "");
  }

  /**
   * The metrics of one case, a question's score being {@code questionScore} (the default: token F1
   * needing every figure); a question whose chosen metric was not measured has no score.
   */
  public static Map<MetricId, Double> score(EvalCase c, CaseResult r, BenchSettings s) {
    return score(c, r, s.topK(), s.questionScore(), s.outOfScope().label());
  }

  private static Map<MetricId, Double> score(EvalCase c, CaseResult r, int topK, MetricId questionScore,
      String outOfScope) {
    Map<MetricId, Double> m = new EnumMap<>(MetricId.class);
    if (c.task() == Task.QA) {
      m.putAll(r.measures());
      if (questionScore == MetricId.SCORE) {
        m.put(MetricId.SCORE, AnswerMetrics.factF1(r.answer(), c.expected()));
      }
      m.put(MetricId.EM, AnswerMetrics.exactMatch(r.answer(), c.expected()));
      m.put(MetricId.F1, AnswerMetrics.f1(r.answer(), c.expected()));
      if (r.grounded() && !c.relevant().isEmpty()) {
        Set<String> relevant = new HashSet<>(c.relevant());
        m.put(MetricId.RECALL, RankingMetrics.recallAtK(r.retrieved(), relevant, topK));
        m.put(MetricId.MRR, RankingMetrics.reciprocalRank(r.retrieved(), relevant, 10));
        m.put(MetricId.NDCG, RankingMetrics.ndcg(r.retrieved(), relevant, 10));
        m.put(MetricId.CITATION, relevant.contains(r.citation()) ? 1.0 : 0.0);
      }
      double f1 = m.get(MetricId.F1);
      if (m.containsKey(MetricId.JUDGE_CORRECTNESS) && (f1 == 0 || f1 == 1)) {
        m.put(MetricId.JUDGE_AGREEMENT, 1 - Math.abs(m.get(MetricId.JUDGE_CORRECTNESS) - f1));
      }
      if (questionScore != MetricId.SCORE && m.containsKey(questionScore)) {
        m.put(MetricId.SCORE, m.get(questionScore));
      }
    } else {
      double right = c.label().equals(r.answer()) ? 1.0 : 0.0;
      m.put(MetricId.SCORE, right);
      m.put(MetricId.ACCURACY, right);
      if (!outOfScope.isEmpty()) {
        m.put(c.label().equals(outOfScope) ? MetricId.OOS_RECALL : MetricId.IN_SCOPE_ACCURACY, right);
      }
    }
    return m;
  }

  public static BenchSummary summarize(
      Dataset d, BenchSettings s, Map<String, CaseResult> results, int passages, List<String> warnings) {
    // What each slice selects, then the slices themselves, computed in parallel (each is pure and seeds its own
    // bootstrap, so the order of work changes nothing).
    record Spec(String name, Slice.Kind kind, List<EvalCase> cases) {}
    List<Spec> specs = new ArrayList<>();
    specs.add(new Spec("all", Slice.Kind.ALL, d.eval()));
    for (Task t : Task.values()) {
      List<EvalCase> cases = d.eval().stream().filter(c -> c.task() == t).toList();
      if (!cases.isEmpty()) {
        specs.add(new Spec(t.id(), Slice.Kind.TASK, cases));
      }
    }
    TreeSet<String> tags = new TreeSet<>();
    d.eval().forEach(c -> tags.addAll(c.tags()));
    for (String tag : tags) {
      List<EvalCase> cases = d.eval().stream().filter(c -> c.tags().contains(tag)).toList();
      boolean taskName = tag.equals("all") || Task.of(tag).isPresent();
      if (taskName && Task.of(tag).map(t -> cases.stream().allMatch(c -> c.task() == t)
          && cases.size() == d.eval().stream().filter(c -> c.task() == t).count()).orElse(false)) {
        continue; // a tag that repeats a task's slice exactly adds nothing
      }
      specs.add(new Spec(taskName ? "tag:" + tag : tag, Slice.Kind.TAG, cases));
    }
    List<Slice> slices = specs.parallelStream().map(x -> slice(x.name(), x.kind(), x.cases(), s, results)).toList();
    Set<String> trainLabels = new HashSet<>();
    d.train(Task.CLASSIFICATION).forEach(t -> trainLabels.add(t.output()));
    int unseen = (int) d.eval().stream()
        .filter(c -> c.task() == Task.CLASSIFICATION && !trainLabels.contains(c.label())).count();
    return new BenchSummary(d.displayName(), d.info(), d.corpus().size(), passages, d.train().size(), d.eval().size(), s,
        slices, warnings, unseen, List.of(), d.excludedOverlap());
  }

  private static Slice slice(
      String name, Slice.Kind kind, List<EvalCase> cases, BenchSettings s, Map<String, CaseResult> results) {
    int n = cases.size();
    Map<ApproachId, Map<MetricId, Double>> metrics = new LinkedHashMap<>();
    // Per approach, per metric that is a mean over cases: the case's value, NaN where it does not apply.
    Map<ApproachId, Map<MetricId, double[]>> perCase = new LinkedHashMap<>();
    Map<ApproachId, Bootstrap.MacroF1> labels = new LinkedHashMap<>();
    Map<String, Integer> labelCodes = new HashMap<>();
    for (ApproachId a : s.approaches()) {
      Map<MetricId, double[]> values = new EnumMap<>(MetricId.class);
      List<String> gold = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      int[] goldCodes = new int[n];
      int[] predictedCodes = new int[n];
      java.util.Arrays.fill(goldCodes, -1);
      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        EvalCase c = cases.get(i);
        CaseResult r = results.get(ResultLog.key(a, c.id()));
        if (r == null) {
          continue;
        }
        int at = i;
        score(c, r, s).forEach((m, v) -> column(values, m, n)[at] = v);
        if (c.task() == Task.CLASSIFICATION) {
          gold.add(c.label());
          predicted.add(r.answer());
          goldCodes[i] = labelCodes.computeIfAbsent(c.label(), k -> labelCodes.size());
          predictedCodes[i] = labelCodes.computeIfAbsent(r.answer(), k -> labelCodes.size());
        }
        if (r.timed()) {
          latencies.add(r.latencyMicros() / 1000.0);
        }
        if (r.tokensMeasured()) {
          column(values, MetricId.INPUT_TOKENS, n)[i] = r.inputTokens();
          column(values, MetricId.OUTPUT_TOKENS, n)[i] = r.outputTokens();
        }
      }
      Map<MetricId, Double> m = new EnumMap<>(MetricId.class);
      values.forEach((k, v) -> m.put(k, mean(v)));
      if (!gold.isEmpty()) {
        m.put(MetricId.MACRO_F1, LabelMetrics.macroF1(gold, predicted));
        labels.put(a, new Bootstrap.MacroF1(goldCodes, predictedCodes, 0));
      }
      if (!latencies.isEmpty()) {
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        m.put(MetricId.LATENCY_P50, Latency.percentile(l, 50));
        m.put(MetricId.LATENCY_P95, Latency.percentile(l, 95));
      }
      metrics.put(a, m);
      perCase.put(a, values);
    }
    Slice point = new Slice(name, kind, n, metrics);
    if (s.bootstrap() == 0 || n < 2) {
      return point; // one case has no spread to resample
    }
    return withIntervals(point, perCase, labels, labelCodes.size(), s);
  }

  /**
   * The slice with the paired bootstrap's intervals: every approach's mean metrics and macro-F1,
   * and the best approach's score minus each other's, all on the same draws of the slice's cases.
   */
  private static Slice withIntervals(Slice point, Map<ApproachId, Map<MetricId, double[]>> perCase,
      Map<ApproachId, Bootstrap.MacroF1> labels, int labelCount, BenchSettings s) {
    List<Bootstrap.Statistic> statistics = new ArrayList<>();
    List<ApproachId> ofApproach = new ArrayList<>();
    List<MetricId> ofMetric = new ArrayList<>();
    perCase.forEach((a, values) -> values.forEach((m, v) -> {
      statistics.add(new Bootstrap.Mean(v));
      ofApproach.add(a);
      ofMetric.add(m);
    }));
    labels.forEach((a, l) -> {
      statistics.add(new Bootstrap.MacroF1(l.gold(), l.predicted(), labelCount));
      ofApproach.add(a);
      ofMetric.add(MetricId.MACRO_F1);
    });
    // Seeded by the run's seed and the slice, so a slice's intervals do not depend on which other slices there are.
    long seed = s.seed() * 0x9E3779B97F4A7C15L + point.name().hashCode();
    double[][] resampled = Bootstrap.resample(point.cases(), s.bootstrap(), seed, statistics);
    Map<ApproachId, Map<MetricId, Interval>> intervals = new EnumMap<>(ApproachId.class);
    Map<ApproachId, double[]> scores = new EnumMap<>(ApproachId.class);
    for (int i = 0; i < statistics.size(); i++) {
      ApproachId a = ofApproach.get(i);
      MetricId m = ofMetric.get(i);
      int at = i;
      Bootstrap.interval(resampled[i]).ifPresent(v -> intervals.computeIfAbsent(a, k -> new EnumMap<>(MetricId.class))
          .put(m, v));
      if (m == MetricId.SCORE) {
        scores.put(a, resampled[at]);
      }
    }
    Map<ApproachId, Interval> differences = new EnumMap<>(ApproachId.class);
    point.rounded().reference().ifPresent(best -> scores.forEach((a, v) -> {
      if (a != best) {
        Bootstrap.interval(Bootstrap.difference(scores.get(best), v)).ifPresent(d -> differences.put(a, d));
      }
    }));
    return new Slice(point.name(), point.kind(), point.cases(), point.metrics(), intervals, differences);
  }

  private static double[] column(Map<MetricId, double[]> values, MetricId m, int n) {
    return values.computeIfAbsent(m, k -> {
      double[] v = new double[n];
      java.util.Arrays.fill(v, Double.NaN);
      return v;
    });
  }

  /** The mean of the values that are not NaN (a column has at least one). */
  private static double mean(double[] values) {
    double sum = 0;
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    return sum / count;
  }
}
