package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.metrics.AnswerMetrics;
import dev.ragft.bench.metrics.LabelMetrics;
import dev.ragft.bench.metrics.Latency;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.EnumMap;
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
    Map<MetricId, Double> m = new EnumMap<>(MetricId.class);
    if (c.task() == Task.QA) {
      m.put(MetricId.SCORE, AnswerMetrics.factF1(r.answer(), c.expected()));
      m.put(MetricId.EM, AnswerMetrics.exactMatch(r.answer(), c.expected()));
      m.put(MetricId.F1, AnswerMetrics.f1(r.answer(), c.expected()));
      if (r.grounded() && !c.relevant().isEmpty()) {
        Set<String> relevant = new HashSet<>(c.relevant());
        m.put(MetricId.RECALL, RankingMetrics.recallAtK(r.retrieved(), relevant, topK));
        m.put(MetricId.MRR, RankingMetrics.reciprocalRank(r.retrieved(), relevant, 10));
        m.put(MetricId.NDCG, RankingMetrics.ndcg(r.retrieved(), relevant, 10));
        m.put(MetricId.CITATION, relevant.contains(r.citation()) ? 1.0 : 0.0);
      }
    } else {
      double right = c.label().equals(r.answer()) ? 1.0 : 0.0;
      m.put(MetricId.SCORE, right);
      m.put(MetricId.ACCURACY, right);
    }
    return m;
  }

  public static BenchSummary summarize(
      Dataset d, BenchSettings s, Map<String, CaseResult> results, int passages, List<String> warnings) {
    List<Slice> slices = new ArrayList<>();
    slices.add(slice("all", Slice.Kind.ALL, d.eval(), s, results));
    for (Task t : Task.values()) {
      List<EvalCase> cases = d.eval().stream().filter(c -> c.task() == t).toList();
      if (!cases.isEmpty()) {
        slices.add(slice(t.id(), Slice.Kind.TASK, cases, s, results));
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
      slices.add(slice(taskName ? "tag:" + tag : tag, Slice.Kind.TAG, cases, s, results));
    }
    Set<String> trainLabels = new HashSet<>();
    d.train(Task.CLASSIFICATION).forEach(t -> trainLabels.add(t.output()));
    int unseen = (int) d.eval().stream()
        .filter(c -> c.task() == Task.CLASSIFICATION && !trainLabels.contains(c.label())).count();
    return new BenchSummary(d.displayName(), d.info(), d.corpus().size(), passages, d.train().size(), d.eval().size(), s,
        slices, warnings, unseen, List.of(), d.excludedOverlap());
  }

  private static Slice slice(
      String name, Slice.Kind kind, List<EvalCase> cases, BenchSettings s, Map<String, CaseResult> results) {
    Map<ApproachId, Map<MetricId, Double>> metrics = new LinkedHashMap<>();
    for (ApproachId a : s.approaches()) {
      Map<MetricId, double[]> sums = new EnumMap<>(MetricId.class); // metric -> {sum, count}
      List<String> gold = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      List<Double> latencies = new ArrayList<>();
      double[] tokens = new double[3]; // input sum, output sum, cases
      for (EvalCase c : cases) {
        CaseResult r = results.get(ResultLog.key(a, c.id()));
        if (r == null) {
          continue;
        }
        score(c, r, s.topK()).forEach((m, v) -> {
          double[] acc = sums.computeIfAbsent(m, k -> new double[2]);
          acc[0] += v;
          acc[1]++;
        });
        if (c.task() == Task.CLASSIFICATION) {
          gold.add(c.label());
          predicted.add(r.answer());
        }
        if (r.timed()) {
          latencies.add(r.latencyMicros() / 1000.0);
        }
        if (r.tokensMeasured()) {
          tokens[0] += r.inputTokens();
          tokens[1] += r.outputTokens();
          tokens[2]++;
        }
      }
      Map<MetricId, Double> m = new EnumMap<>(MetricId.class);
      sums.forEach((k, acc) -> m.put(k, acc[0] / acc[1]));
      if (!gold.isEmpty()) {
        m.put(MetricId.MACRO_F1, LabelMetrics.macroF1(gold, predicted));
      }
      if (!latencies.isEmpty()) {
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        m.put(MetricId.LATENCY_P50, Latency.percentile(l, 50));
        m.put(MetricId.LATENCY_P95, Latency.percentile(l, 95));
      }
      if (tokens[2] > 0) {
        m.put(MetricId.INPUT_TOKENS, tokens[0] / tokens[2]);
        m.put(MetricId.OUTPUT_TOKENS, tokens[1] / tokens[2]);
      }
      metrics.put(a, m);
    }
    return new Slice(name, kind, cases.size(), metrics);
  }
}
