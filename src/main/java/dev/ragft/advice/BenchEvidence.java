package dev.ragft.advice;

import dev.ragft.decision.MeasuredWin;
import java.util.ArrayList;
import java.util.List;
import dev.ragft.cost.Measurements;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.YamlTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a bench {@code summary.json} as evidence for the cost model. What a run measured
 * replaces an estimate only where it measures the same thing: the RAG run's latency is the
 * retrieval step on the user's own corpus (an offline run has no generator, so it says nothing
 * about model latency); tokens and latency of an approach count only when that run called a real
 * model (a summary with {@code input-tokens} for it). Offline proxies never stand in for a
 * fine-tuned LLM's latency.
 */
public final class BenchEvidence {
  static final String SCHEMA = "ragft-bench-summary/2";

  /** Version 1 differs only in how questions are scored; the latencies and tokens read here are the same. */
  private static final String EARLIER = "ragft-bench-summary/1";
  private static final String RETRIEVAL_APPROACH = "rag";

  private BenchEvidence() {}

  public static Measurements read(Path file, String displayName) {
    Node root = YamlTree.read(file, displayName);
    NodeReader r = new NodeReader();
    Node.MapNode m = r.asMap(root, "bench summary").orElseThrow(() -> new BadInputException(r.problems()));
    String schema = r.string(m, "schema", "bench summary");
    if (!schema.isEmpty() && !schema.equals(SCHEMA) && !schema.equals(EARLIER)) {
      r.problem(r.optional(m, "schema").orElseThrow().location(), "not a bench summary this ragft reads: schema '"
          + schema + "'; expected " + SCHEMA);
    }
    r.throwIfProblems();
    String dataset = r.required(m, "dataset", "bench summary").flatMap(n -> r.asMap(n, "dataset"))
        .map(d -> r.string(d, "name", "dataset")).orElse("");
    Optional<Node.MapNode> metrics = r.required(m, "slices", "bench summary").flatMap(n -> all(n, r))
        .flatMap(s -> r.required(s, "metrics", "slice all")).flatMap(n -> r.asMap(n, "metrics"));
    r.throwIfProblems();
    java.util.Set<String> real = new java.util.HashSet<>();
    r.optional(m, "approaches").ifPresent(n -> {
      for (Node x : r.asList(n, "approaches")) {
        if (x instanceof Node.MapNode am && am.entries().containsKey("model") && am.entries().get("id") != null
            && am.entries().get("id").value() instanceof Node.ScalarNode id) {
          real.add(id.text());
        }
      }
    });
    boolean retrievalMeasured = false;
    long retrievalMs = 0;
    String note = "";
    Map<String, Measurements.Measured> measured = new LinkedHashMap<>();
    for (Node.Entry e : metrics.orElseThrow().entries().values()) {
      Optional<Node.MapNode> am = r.asMap(e.value(), "metrics." + e.key());
      if (am.isEmpty()) {
        continue;
      }
      Optional<Double> p50 = number(am.get(), "latency-p50-ms", r);
      Optional<Double> in = number(am.get(), "input-tokens", r);
      Optional<Double> out = number(am.get(), "output-tokens", r);
      // An offline RAG run's latency is its retrieval step; a real system's (a chat model, or the
      // team's own RAG service) is the whole answer's, which says nothing about retrieval alone.
      if (e.key().equals(RETRIEVAL_APPROACH) && p50.isPresent() && in.isEmpty() && !real.contains(RETRIEVAL_APPROACH)) {
        retrievalMeasured = true;
        retrievalMs = (long) Math.ceil(p50.get());
        note = String.format(Locale.ROOT, "retrieval latency measured by bench on %s (p50 %.3f ms)", dataset, p50.get());
      }
      if (in.isPresent() && out.isPresent() && p50.isPresent()) {
        measured.put(e.key(), new Measurements.Measured(Math.round(p50.get()), Math.round(in.get()), Math.round(out.get())));
      }
    }
    r.throwIfProblems();
    List<MeasuredWin> wins = wins(m, dataset, r);
    if (!measured.isEmpty()) {
      note += (note.isEmpty() ? "" : "; ") + "tokens and latency of " + String.join(", ", measured.keySet())
          + " measured by bench on " + dataset;
    }
    if (note.isEmpty() && wins.isEmpty()) {
      throw new BadInputException(root.location(), "the bench summary measured nothing the cost model uses "
          + "(no RAG latency, no model tokens) and no slice winner; run 'ragft bench' with the rag approach");
    }
    return new Measurements(note, retrievalMeasured, retrievalMs, measured, wins);
  }

  /**
   * Each slice's winner, when one approach leads: its margin and, where the run computed one, the
   * 95% interval of the margin (a summary without intervals is read, but no win in it is
   * significant). A tie lists two or more approaches and weighs nothing, so it is not kept.
   */
  private static List<MeasuredWin> wins(Node.MapNode m, String dataset, NodeReader r) {
    Map<String, Boolean> proxy = new LinkedHashMap<>();
    r.optional(m, "approaches").ifPresent(n -> {
      for (Node a : r.asList(n, "approaches")) {
        if (a instanceof Node.MapNode am && am.entries().get("id") != null
            && am.entries().get("id").value() instanceof Node.ScalarNode id) {
          Node p = am.entries().containsKey("offlineProxy") ? am.entries().get("offlineProxy").value() : null;
          proxy.put(id.text(), p instanceof Node.ScalarNode ps && ps.text().equals("true"));
        }
      }
    });
    List<MeasuredWin> out = new ArrayList<>();
    Optional<Node> slices = r.optional(m, "slices");
    if (slices.isEmpty()) {
      return out;
    }
    for (Node s : r.asList(slices.get(), "slices")) {
      if (!(s instanceof Node.MapNode sm) || !(sm.entries().get("winner") != null
          && sm.entries().get("winner").value() instanceof Node.MapNode w)) {
        continue;
      }
      String slice = sm.entries().get("slice").value() instanceof Node.ScalarNode v ? v.text() : "";
      List<String> leaders = w.entries().containsKey("approaches") ? r.idList(w.entries().get("approaches").value(), "winner.approaches")
          : List.of();
      Optional<Double> margin = number(w, "margin", -1e9, r);
      if (leaders.size() != 1 || margin.isEmpty()) {
        continue;
      }
      double low = Double.NEGATIVE_INFINITY;
      double high = Double.POSITIVE_INFINITY;
      if (w.entries().get("margin95") != null && w.entries().get("margin95").value() instanceof Node.ListNode l
          && l.items().size() == 2) {
        low = r.decimal(l.items().get(0), "margin95", -1e9, 1e9).orElse(Double.NEGATIVE_INFINITY);
        high = r.decimal(l.items().get(1), "margin95", -1e9, 1e9).orElse(Double.POSITIVE_INFINITY);
      }
      String metric = w.entries().get("metric") != null && w.entries().get("metric").value() instanceof Node.ScalarNode mv
          ? mv.text() : "score";
      out.add(new MeasuredWin(slice, metric, leaders.get(0), margin.get(), low, high,
          proxy.getOrDefault(leaders.get(0), false), dataset));
    }
    return out;
  }



  private static Optional<Node.MapNode> all(Node slices, NodeReader r) {
    for (Node s : r.asList(slices, "slices")) {
      if (s instanceof Node.MapNode sm && sm.entries().containsKey("slice")
          && sm.entries().get("slice").value() instanceof Node.ScalarNode v && v.text().equals("all")) {
        return Optional.of(sm);
      }
    }
    r.problem(slices.location(), "slices: no slice 'all'");
    return Optional.empty();
  }

  private static Optional<Double> number(Node.MapNode m, String key, NodeReader r) {
    return number(m, key, 0, r);
  }

  /** A number at {@code key} of at least {@code min}, when there is one (a problem when it is no number). */
  private static Optional<Double> number(Node.MapNode m, String key, double min, NodeReader r) {
    return r.optional(m, key).flatMap(n -> {
      java.util.OptionalDouble d = r.decimal(n, key, min, Double.MAX_VALUE);
      return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    });
  }
}
