package dev.ragft.bench.compare;

import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.report.SummaryJson;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Node;
import dev.ragft.input.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Compares two bench summaries ({@code summary.json}). Pure: text in, {@link Comparison} out. */
public final class Comparer {
  /** A summary as read: its run and its metrics by approach, slice and metric id, in file order. */
  record Summary(Comparison.Run run, Map<String, Map<String, Map<String, Double>>> metrics) {}

  private Comparer() {}

  /**
   * Compares {@code current} with {@code baseline}, both the text of a summary.json named as given.
   *
   * @throws BadInputException when a file is not a bench summary
   * @throws IllegalArgumentException when a threshold names a metric neither run has
   */
  public static Comparison compare(String baselineName, String baselineText, String currentName, String currentText,
      List<Threshold> thresholds) {
    Summary b = read(baselineName, baselineText);
    Summary c = read(currentName, currentText);
    List<Comparison.Row> rows = new ArrayList<>();
    for (String approach : union(b.metrics().keySet(), c.metrics().keySet())) {
      var bs = b.metrics().getOrDefault(approach, Map.of());
      var cs = c.metrics().getOrDefault(approach, Map.of());
      for (String slice : union(bs.keySet(), cs.keySet())) {
        var bm = bs.getOrDefault(slice, Map.of());
        var cm = cs.getOrDefault(slice, Map.of());
        for (MetricId m : MetricId.values()) {
          if (bm.containsKey(m.id()) || cm.containsKey(m.id())) {
            rows.add(row(approach, slice, m, Optional.ofNullable(bm.get(m.id())), Optional.ofNullable(cm.get(m.id())),
                thresholds));
          }
        }
      }
    }
    for (Threshold t : thresholds) {
      if (rows.stream().noneMatch(r -> r.key().equals(t.key()))) {
        throw new IllegalArgumentException("'" + t.text() + "': " + t.key() + " is in neither summary");
      }
    }
    return new Comparison(b.run(), c.run(), rows, thresholds, warnings(b.run(), c.run()));
  }

  /** What makes the runs less comparable: other datasets, a changed dataset, other settings or approaches. */
  static List<String> warnings(Comparison.Run b, Comparison.Run c) {
    List<String> out = new ArrayList<>();
    if (!b.dataset().equals(c.dataset())) {
      out.add("different datasets (" + b.dataset() + ", " + c.dataset() + "); the numbers may not be comparable");
    } else if (b.datasetHash().isPresent() && c.datasetHash().isPresent() && !b.datasetHash().equals(c.datasetHash())) {
      out.add("dataset " + c.dataset() + " changed between the runs (hash " + b.datasetHash().get() + ", then "
          + c.datasetHash().get() + ")");
    }
    List<String> changed = new ArrayList<>();
    for (String k : union(b.settings().keySet(), c.settings().keySet())) {
      String before = b.settings().getOrDefault(k, "none");
      String after = c.settings().getOrDefault(k, "none");
      if (!before.equals(after)) {
        changed.add(k + " " + before + " -> " + after);
      }
    }
    if (!changed.isEmpty()) {
      out.add("different settings (" + String.join(", ", changed) + "); the numbers may not be comparable");
    }
    List<String> onlyBaseline = b.approaches().stream().filter(a -> !c.approaches().contains(a)).toList();
    List<String> onlyCurrent = c.approaches().stream().filter(a -> !b.approaches().contains(a)).toList();
    if (!onlyBaseline.isEmpty()) {
      out.add("only the baseline ran " + String.join(", ", onlyBaseline));
    }
    if (!onlyCurrent.isEmpty()) {
      out.add("only the current run ran " + String.join(", ", onlyCurrent));
    }
    return out;
  }

  private static Comparison.Row row(String approach, String slice, MetricId m, Optional<Double> before,
      Optional<Double> after, List<Threshold> thresholds) {
    String key = approach + "." + slice + "." + m.id();
    Optional<Threshold> t = thresholds.stream().filter(x -> x.key().equals(key)).findFirst();
    Comparison.Status status;
    if (before.isEmpty() || after.isEmpty()) {
      status = Comparison.Status.UNMEASURED; // never a 0 or a regression: there is nothing to compare
    } else {
      // At the reported precision, so a change too small to print is no change.
      long worse = ticks(m.higherIsBetter() ? before.get() - after.get() : after.get() - before.get());
      if (worse == 0) {
        status = Comparison.Status.UNCHANGED;
      } else if (worse < 0) {
        status = Comparison.Status.IMPROVED;
      } else if (t.isPresent() && worse > ticks(t.get().delta())) {
        status = Comparison.Status.REGRESSION;
      } else {
        status = Comparison.Status.WORSE;
      }
    }
    return new Comparison.Row(approach, slice, m.id(), m.higherIsBetter(), before, after, t, status);
  }

  private static long ticks(double v) {
    return Math.round(v * 10_000);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(b);
    out.addAll(a);
    return out;
  }

  static Summary read(String name, String text) {
    // JSON is YAML: the shared reader gives locations for free, and summaries are small.
    Node root = YamlTree.parse(text, name);
    Optional<String> wrong = SummaryJson.notASummary(root);
    if (wrong.isPresent() || !(root instanceof Node.MapNode m)) {
      throw new BadInputException(root.location(), wrong.orElse("not a bench summary"));
    }
    String dataset = map(m, "dataset").flatMap(d -> scalar(d, "name")).orElse("");
    Optional<String> hash = map(m, "provenance").flatMap(p -> scalar(p, "datasetHash"));
    Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
    Node slices = m.entries().containsKey("slices") ? m.entries().get("slices").value() : null;
    if (slices instanceof Node.ListNode list) {
      for (Node slice : list.items()) {
        if (!(slice instanceof Node.MapNode sm)) {
          continue;
        }
        String sliceName = scalar(sm, "slice").orElse("");
        for (Node.Entry approach : map(sm, "metrics").map(x -> x.entries().values()).orElse(List.of())) {
          if (!(approach.value() instanceof Node.MapNode am)) {
            continue;
          }
          for (Node.Entry e : am.entries().values()) {
            if (e.value() instanceof Node.ScalarNode v
                && (v.type() == Node.ScalarType.DECIMAL || v.type() == Node.ScalarType.INTEGER)) {
              metrics.computeIfAbsent(approach.key(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(sliceName, k -> new LinkedHashMap<>()).put(e.key(), Double.parseDouble(v.text()));
            }
          }
        }
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (Node.Entry e : map(m, "settings").map(x -> x.entries().values()).orElse(List.of())) {
      if (e.value() instanceof Node.ScalarNode v) {
        settings.put(e.key(), v.text());
      }
    }
    List<String> approaches = new ArrayList<>();
    Node list = m.entries().containsKey("approaches") ? m.entries().get("approaches").value() : null;
    if (list instanceof Node.ListNode l) {
      for (Node a : l.items()) {
        if (a instanceof Node.MapNode am) {
          scalar(am, "id").ifPresent(approaches::add);
        }
      }
    }
    return new Summary(new Comparison.Run(name, dataset, hash, settings, approaches), metrics);
  }

  private static Optional<Node.MapNode> map(Node.MapNode m, String key) {
    Node.Entry e = m.entries().get(key);
    return e != null && e.value() instanceof Node.MapNode x ? Optional.of(x) : Optional.empty();
  }

  private static Optional<String> scalar(Node.MapNode m, String key) {
    Node.Entry e = m.entries().get(key);
    return e != null && e.value() instanceof Node.ScalarNode x && x.type() != Node.ScalarType.NULL
        ? Optional.of(x.text()) : Optional.empty();
  }
}
