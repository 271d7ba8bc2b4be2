package dev.ragft.bench.report;

import dev.ragft.bench.dataset.DatasetInfo;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.metrics.Interval;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.retrieval.RetrieverKind;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.DenseOptions;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.ModelUse;
import dev.ragft.bench.run.ResultLog;
import dev.ragft.bench.run.Slice;
import dev.ragft.bench.train.ClassifierKind;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.YamlTree;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a bench result back from what a run writes: {@code summary.json} and, for per-case
 * detail, the results log {@code cases.jsonl}. Every problem is reported with its file, line and
 * column; a results log written for another dataset or other settings than the summary is refused,
 * so a report never mixes two runs.
 */
public final class BenchResultReader {
  private BenchResultReader() {}

  /** The per-case detail: the text of a results log and the name it is shown by. */
  public record Log(String text, String name) {}

  /**
   * Reads the text of a summary.json, with the per-case detail of a results log when given.
   *
   * @throws BadInputException for a file that is not a bench summary or results log, or a log of another run
   */
  public static BenchResult read(String summaryText, String summaryName, Optional<Log> log) {
    Node root = YamlTree.parse(summaryText, summaryName);
    Optional<String> wrong = SummaryJson.notASummary(root);
    if (wrong.isPresent() || !(root instanceof Node.MapNode m)) {
      throw new BadInputException(root.location(), wrong.orElse("not a bench summary"));
    }
    NodeReader r = new NodeReader();
    Provenance provenance = provenance(r, m);
    BenchSummary summary = summary(r, m, summaryName);
    List<Gate.Result> gates = gates(r, m);
    r.throwIfProblems();
    if (log.isEmpty()) {
      return new BenchResult(summary, gates, provenance, List.of(), Map.of());
    }
    ResultLog.Contents contents = ResultLog.read(log.get().text(), log.get().name());
    String expectedKey = ResultLog.key(provenance.datasetHash(), summary.settings());
    // A run against endpoints appends its models to the key (they guard --resume); the summary names
    // those models itself, so the dataset and settings are what must match here.
    if (!contents.key().equals(expectedKey) && !contents.key().startsWith(expectedKey + ";")) {
      throw new BadInputException(new Location(log.get().name(), 1, 1), "this results log belongs to another run"
          + " than " + summaryName + " (another dataset or other settings); render the summary.json written beside it");
    }
    List<EvalCase> eval = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Map<String, CaseResult> results = new LinkedHashMap<>();
    for (ResultLog.Entry e : contents.entries()) {
      if (seen.add(e.evalCase().id())) {
        eval.add(e.evalCase());
      }
      if (!summary.settings().approaches().contains(e.result().approach())) {
        continue; // logged by an earlier run resumed into this one with more approaches
      }
      results.put(e.result().approach().id() + "\u0000" + e.result().caseId(), e.result());
    }
    if (eval.size() != summary.evalCases()) {
      throw new BadInputException(Location.ofFile(log.get().name()), String.format(Locale.ROOT,
          "this results log holds results for %d of the %d eval cases in %s: the run that wrote it did not finish",
          eval.size(), summary.evalCases(), summaryName));
    }
    return new BenchResult(summary, gates, provenance, eval, results);
  }

  private static Provenance provenance(NodeReader r, Node.MapNode root) {
    Optional<Node.MapNode> p = r.required(root, "provenance", "summary").flatMap(n -> r.asMap(n, "provenance"));
    return new Provenance(p.map(x -> r.string(x, "ragftVersion", "provenance")).orElse(""),
        p.map(x -> r.string(x, "datasetHash", "provenance")).orElse(""));
  }

  private static BenchSummary summary(NodeReader r, Node.MapNode root, String name) {
    Node.MapNode d = map(r, root, "dataset");
    Node.MapNode st = map(r, root, "settings");
    Approaches run = approaches(r, root);
    List<ApproachId> approaches = run.ids();
    BenchSettings defaults = BenchSettings.of(approaches.isEmpty() ? List.of(ApproachId.RAG) : approaches,
        BenchSettings.DEFAULT_TOP_K, BenchSettings.DEFAULT_SEED, false);
    int topK = (int) r.integer(st, "topK", "settings", 1, 100).orElse(BenchSettings.DEFAULT_TOP_K);
    BenchSettings settings = new BenchSettings(defaults.approaches(), topK,
        r.integer(st, "seed", "settings", Long.MIN_VALUE, Long.MAX_VALUE).orElse(0), bool(r, st, "timing", "settings"),
        whole(r, st, "chunkWords", "settings"), whole(r, st, "voteK", "settings"),
        whole(r, st, "neighbours", "settings"), whole(r, st, "featureBits", "settings"),
        whole(r, st, "epochs", "settings"), r.decimal(st, "learningRate", "settings", 0, Double.MAX_VALUE).orElse(0),
        defaults.diskThreshold(), dense(r, st),
        // A summary from before intervals ran no bootstrap.
        st.entries().containsKey("bootstrap")
            ? (int) r.integer(st, "bootstrap", "settings", 0, BenchSettings.MAX_BOOTSTRAP).orElse(0) : 0,
        st.entries().containsKey("embeddingMetrics") && bool(r, st, "embeddingMetrics", "settings"),
        questionScore(r, st),
        // A summary from before out-of-scope labels names none.
        new BenchSettings.OutOfScope(optional(r, st, "outOfScopeLabel").orElse(""),
            st.entries().containsKey("outOfScopeHoldout")
                ? r.decimal(st, "outOfScopeHoldout", "settings", 0.001, 0.999).orElse(0.2)
                : BenchSettings.OutOfScope.NONE.holdout()));
    List<Slice> slices = slices(r, root);
    List<Task> tasks = slices.stream().filter(s -> s.kind() == Slice.Kind.TASK)
        .flatMap(s -> Task.of(s.name()).stream()).toList();
    DatasetInfo info = new DatasetInfo(text(r, d, "name", "dataset"), text(r, d, "description", "dataset"),
        text(r, d, "source", "dataset"), text(r, d, "licence", "dataset"), bool(r, d, "synthetic", "dataset"), tasks,
        text(r, d, "trainingSnapshot", "dataset"));
    List<String> warnings = new ArrayList<>();
    r.required(root, "warnings", "summary").ifPresent(n -> r.asList(n, "warnings").forEach(
        w -> warnings.add(w instanceof Node.ScalarNode s ? s.text() : "")));
    return new BenchSummary(info.name(), info, whole(r, d, "documents", "dataset"), whole(r, d, "passages", "dataset"),
        whole(r, d, "train", "dataset"), whole(r, d, "eval", "dataset"), settings, slices, warnings,
        whole(r, d, "unseenLabelCases", "dataset"), run.models(),
        // A summary from before overlapping cases were left out has none.
        d.entries().containsKey("excludedOverlap") ? whole(r, d, "excludedOverlap", "dataset") : 0,
        d.entries().containsKey("abstainBelow") ? r.decimal(d, "abstainBelow", "dataset", 0, 1).orElse(0) : 0);
  }

  /** How retrieval ranked and what the classifier read; a summary from before dense retrieval has the defaults. */
  private static DenseOptions dense(NodeReader r, Node.MapNode st) {
    DenseOptions d = DenseOptions.DEFAULT;
    RetrieverKind retriever = optional(r, st, "retriever").map(id -> RetrieverKind.of(id).orElseGet(() -> {
      r.problem(st.entries().get("retriever").value().location(), "settings.retriever: unknown '" + id + "'");
      return d.retriever();
    })).orElse(d.retriever());
    ClassifierKind classifier = optional(r, st, "classifier").map(id -> ClassifierKind.of(id).orElseGet(() -> {
      r.problem(st.entries().get("classifier").value().location(), "settings.classifier: unknown '" + id + "'");
      return d.classifier();
    })).orElse(d.classifier());
    int rrfK = st.entries().containsKey("rrfK") ? (int) r.integer(st, "rrfK", "settings", 0, 10_000).orElse(d.rrfK())
        : d.rrfK();
    return new DenseOptions(retriever, rrfK, classifier,
        optional(r, st, "embeddingModel").orElse(dev.ragft.bench.embedding.Embedder.MINILM));
  }

  /** What a question's score was; a summary from before --score has the default. */
  private static MetricId questionScore(NodeReader r, Node.MapNode st) {
    return optional(r, st, "questionScore").map(id -> id.equals("fact-f1") ? Optional.of(MetricId.SCORE)
        : MetricId.of(id).filter(BenchSettings.QUESTION_SCORES::contains)).map(m -> m.orElseGet(() -> {
          r.problem(st.entries().get("questionScore").value().location(), "settings.questionScore: unknown '"
              + optional(r, st, "questionScore").orElse("") + "'");
          return MetricId.SCORE;
        })).orElse(MetricId.SCORE);
  }

  private static Optional<String> optional(NodeReader r, Node.MapNode m, String key) {
    return m.entries().containsKey(key) ? r.text(m.entries().get(key).value(), "settings." + key) : Optional.empty();
  }

  private static long count(NodeReader r, Node.MapNode m, String key) {
    return r.integer(m, key, "model", 0, Long.MAX_VALUE).orElse(0);
  }

  /** The approaches run, and the real models called by those whose entry has a {@code model} object. */
  private record Approaches(List<ApproachId> ids, List<ModelUse> models) {}

  private static Approaches approaches(NodeReader r, Node.MapNode root) {
    List<ApproachId> ids = new ArrayList<>();
    List<ModelUse> models = new ArrayList<>();
    for (Node n : r.required(root, "approaches", "summary").map(x -> r.asList(x, "approaches")).orElse(List.of())) {
      r.asMap(n, "approaches[]").ifPresent(a -> approach(r, a, "approaches[].id").ifPresent(id -> {
        ids.add(id);
        if (a.entries().containsKey("model")) {
          r.asMap(a.entries().get("model").value(), "approaches[].model").ifPresent(m -> models.add(new ModelUse(id,
              text(r, m, "id", "model"), text(r, m, "endpoint", "model"), text(r, a, "description", "approaches[]"),
              count(r, m, "calls"), count(r, m, "inputTokens"), count(r, m, "outputTokens"),
              count(r, m, "unparseableLabels"))));
        }
      }));
    }
    if (ids.isEmpty() && !r.hasProblems()) {
      r.problem(root.location(), "approaches: expected at least one of " + ApproachId.ids());
    }
    return new Approaches(ids, models);
  }

  private static Optional<ApproachId> approach(NodeReader r, Node.MapNode m, String what) {
    Optional<Node> n = r.required(m, "id", what);
    return n.flatMap(x -> r.text(x, what)).flatMap(id -> {
      Optional<ApproachId> a = ApproachId.of(id);
      if (a.isEmpty()) {
        r.problem(n.get().location(), what + ": unknown approach '" + id + "'; expected one of " + ApproachId.ids());
      }
      return a;
    });
  }

  private static List<Slice> slices(NodeReader r, Node.MapNode root) {
    List<Slice> out = new ArrayList<>();
    for (Node n : r.required(root, "slices", "summary").map(x -> r.asList(x, "slices")).orElse(List.of())) {
      Optional<Node.MapNode> sm = r.asMap(n, "slices[]");
      if (sm.isEmpty()) {
        continue;
      }
      String name = r.string(sm.get(), "slice", "slices[]");
      Optional<Slice.Kind> kind = r.required(sm.get(), "kind", "slices[]").flatMap(k -> r.text(k, "slices[].kind"))
          .flatMap(k -> kind(r, sm.get(), k));
      int cases = whole(r, sm.get(), "cases", "slices[]");
      Map<ApproachId, Map<MetricId, Double>> metrics = new LinkedHashMap<>();
      Node.MapNode mm = map(r, sm.get(), "metrics");
      for (Node.Entry e : mm.entries().values()) {
        Optional<ApproachId> a = ApproachId.of(e.key());
        if (a.isEmpty()) {
          r.problem(e.keyLocation(), "metrics: unknown approach '" + e.key() + "'; expected one of " + ApproachId.ids());
          continue;
        }
        Map<MetricId, Double> values = new EnumMap<>(MetricId.class);
        r.asMap(e.value(), "metrics." + e.key()).ifPresent(am -> am.entries().values().forEach(v -> {
          Optional<MetricId> id = MetricId.of(v.key());
          if (id.isEmpty()) {
            r.problem(v.keyLocation(), "metrics." + e.key() + ": unknown metric '" + v.key() + "'");
          } else {
            r.decimal(v.value(), "metrics." + e.key() + "." + v.key(), 0, Double.MAX_VALUE)
                .ifPresent(x -> values.put(id.get(), x));
          }
        }));
        metrics.put(a.get(), values);
      }
      Map<ApproachId, Map<MetricId, Interval>> intervals = new LinkedHashMap<>();
      if (sm.get().entries().containsKey("intervals")) {
        r.asMap(sm.get().entries().get("intervals").value(), "intervals").ifPresent(im -> im.entries().values()
            .forEach(e -> approachKey(r, e, "intervals").ifPresent(a -> r.asMap(e.value(), "intervals." + e.key())
                .ifPresent(am -> am.entries().values().forEach(v -> {
                  Optional<MetricId> id = MetricId.of(v.key());
                  if (id.isEmpty()) {
                    r.problem(v.keyLocation(), "intervals." + e.key() + ": unknown metric '" + v.key() + "'");
                  } else {
                    interval(r, v.value(), "intervals." + e.key() + "." + v.key()).ifPresent(x -> intervals
                        .computeIfAbsent(a, k -> new EnumMap<>(MetricId.class)).put(id.get(), x));
                  }
                })))));
      }
      Map<ApproachId, Interval> differences = new LinkedHashMap<>();
      Optional<Node.MapNode> winner = sm.get().entries().containsKey("winner")
          ? r.asMap(sm.get().entries().get("winner").value(), "winner") : Optional.empty();
      winner.filter(w -> w.entries().containsKey("differences"))
          .flatMap(w -> r.asMap(w.entries().get("differences").value(), "winner.differences"))
          .ifPresent(dm -> dm.entries().values().forEach(e -> approachKey(r, e, "winner.differences").ifPresent(
              a -> interval(r, e.value(), "winner.differences." + e.key()).ifPresent(x -> differences.put(a, x)))));
      kind.ifPresent(k -> out.add(new Slice(name, k, cases, metrics, intervals, differences)));
    }
    return out;
  }

  private static Optional<ApproachId> approachKey(NodeReader r, Node.Entry e, String what) {
    Optional<ApproachId> a = ApproachId.of(e.key());
    if (a.isEmpty()) {
      r.problem(e.keyLocation(), what + ": unknown approach '" + e.key() + "'; expected one of " + ApproachId.ids());
    }
    return a;
  }

  /** {@code [low, high]}: two numbers, the first not above the second. */
  private static Optional<Interval> interval(NodeReader r, Node n, String what) {
    List<Node> items = n instanceof Node.ListNode l ? l.items() : List.of();
    if (items.size() != 2) {
      r.problem(n.location(), what + ": expected [low, high], found " + n.kind());
      return Optional.empty();
    }
    java.util.OptionalDouble low = r.decimal(items.get(0), what + "[0]", -Double.MAX_VALUE, Double.MAX_VALUE);
    java.util.OptionalDouble high = r.decimal(items.get(1), what + "[1]", -Double.MAX_VALUE, Double.MAX_VALUE);
    if (low.isEmpty() || high.isEmpty()) {
      return Optional.empty();
    }
    if (low.getAsDouble() > high.getAsDouble()) {
      r.problem(n.location(), what + ": low " + low.getAsDouble() + " is above high " + high.getAsDouble());
      return Optional.empty();
    }
    return Optional.of(new Interval(low.getAsDouble(), high.getAsDouble()));
  }

  private static Optional<Slice.Kind> kind(NodeReader r, Node.MapNode slice, String k) {
    for (Slice.Kind kind : Slice.Kind.values()) {
      if (kind.name().toLowerCase(Locale.ROOT).equals(k)) {
        return Optional.of(kind);
      }
    }
    r.problem(slice.entries().get("kind").value().location(), "slices[].kind: unknown kind '" + k
        + "'; expected one of all, task, tag");
    return Optional.empty();
  }

  private static List<Gate.Result> gates(NodeReader r, Node.MapNode root) {
    List<Gate.Result> out = new ArrayList<>();
    for (Node n : r.required(root, "gates", "summary").map(x -> r.asList(x, "gates")).orElse(List.of())) {
      Optional<Node.MapNode> g = r.asMap(n, "gates[]");
      if (g.isEmpty()) {
        continue;
      }
      String text = r.string(g.get(), "gate", "gates[]");
      Optional<String> unmeasured = g.get().entries().containsKey("unmeasured")
          ? Optional.of(r.string(g.get(), "unmeasured", "gates[]")) : Optional.empty();
      double value = unmeasured.isPresent() ? 0 : r.decimal(g.get(), "value", "gates[]", 0, 1).orElse(0);
      boolean passed = bool(r, g.get(), "passed", "gates[]");
      if (text.isEmpty()) {
        continue;
      }
      try {
        out.add(new Gate.Result(Gate.parse(text), value, passed, unmeasured));
      } catch (IllegalArgumentException e) {
        r.problem(g.get().entries().get("gate").value().location(), "gates[].gate: " + e.getMessage());
      }
    }
    return out;
  }

  private static Node.MapNode map(NodeReader r, Node.MapNode m, String key) {
    return r.required(m, key, "summary").flatMap(n -> r.asMap(n, key))
        .orElse(new Node.MapNode(m.location(), Map.of()));
  }

  /** Text that may be empty (an empty string stands for "not stated"). */
  private static String text(NodeReader r, Node.MapNode m, String key, String what) {
    Optional<Node> n = r.required(m, key, what);
    if (n.isPresent() && !(n.get() instanceof Node.ScalarNode s && s.type() == Node.ScalarType.STRING)) {
      r.problem(n.get().location(), what + "." + key + ": expected text, found " + n.get().kind());
      return "";
    }
    return n.map(x -> ((Node.ScalarNode) x).text()).orElse("");
  }

  private static int whole(NodeReader r, Node.MapNode m, String key, String what) {
    return (int) r.integer(m, key, what, 0, Integer.MAX_VALUE).orElse(0);
  }

  private static boolean bool(NodeReader r, Node.MapNode m, String key, String what) {
    Optional<Node> n = r.required(m, key, what);
    if (n.isPresent() && !(n.get() instanceof Node.ScalarNode s && s.type() == Node.ScalarType.BOOLEAN)) {
      r.problem(n.get().location(), what + "." + key + ": expected true or false, found " + n.get().kind());
      return false;
    }
    return n.map(x -> ((Node.ScalarNode) x).text().equals("true")).orElse(false);
  }

  private static Optional<String> scalar(Node.MapNode m, String key) {
    Node.Entry e = m.entries().get(key);
    return e != null && e.value() instanceof Node.ScalarNode x && x.type() != Node.ScalarType.NULL
        ? Optional.of(x.text()) : Optional.empty();
  }
}
