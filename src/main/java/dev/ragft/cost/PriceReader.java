package dev.ragft.cost;

import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price file and checks it against the framework it prices: every approach has a plan,
 * every model step names a known tier, no figure is negative, units are the ones the model
 * multiplies by, and every freshness and latency answer has its cadence and budget. Every
 * problem is collected with its location.
 */
public final class PriceReader {
  private static final Pattern UNIT_KEY = Pattern.compile("(input|output)Per([A-Z]\\w*)");
  private static final String FRESHNESS = "freshness";
  private static final String LATENCY = "latency";

  private final NodeReader r = new NodeReader();
  private final Framework framework;
  private final Set<String> tierIds = new HashSet<>();

  private PriceReader(Framework framework) {
    this.framework = framework;
  }

  /** Reads and validates; throws BadInputException listing every problem. */
  public static Prices read(Node root, Framework framework) {
    PriceReader reader = new PriceReader(framework);
    Prices p = reader.prices(root);
    reader.r.throwIfProblems();
    return p;
  }

  private Prices prices(Node root) {
    Optional<Node.MapNode> maybe = r.asMap(root, "prices");
    if (maybe.isEmpty()) {
      r.throwIfProblems();
    }
    Node.MapNode m = maybe.orElseThrow();
    r.onlyKeys(m, "prices", List.of("id", "date", "currency", "daysPerMonth", "source", "tiers", "retrieval", "reranking",
        "approaches", "fineTuning", "retraining", "latencyBudgetsMs"));
    String id = r.string(m, "id", "prices");
    String date = r.string(m, "date", "prices");
    if (!date.isEmpty() && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
      r.problem(r.optional(m, "date").orElseThrow().location(), "prices.date: expected a date like 2026-11-01, found '" + date + "'");
    }
    String currency = r.string(m, "currency", "prices");
    if (!currency.isEmpty() && !currency.matches("[A-Z]{3}")) {
      r.problem(r.optional(m, "currency").orElseThrow().location(),
          "prices.currency: unknown unit '" + currency + "'; expected a three-letter ISO 4217 code such as USD or EUR");
    }
    int days = (int) r.integer(m, "daysPerMonth", "prices", 28, 31).orElse(30);
    String source = r.string(m, "source", "prices");
    List<Prices.Tier> tiers = r.required(m, "tiers", "prices").map(this::tiers).orElse(List.of());
    Prices.Service retrieval = r.required(m, "retrieval", "prices").map(n -> service(n, "retrieval")).orElse(null);
    Prices.Service reranking = r.required(m, "reranking", "prices").map(n -> service(n, "reranking")).orElse(null);
    Map<String, Prices.ApproachPlan> approaches = r.required(m, "approaches", "prices").map(this::approaches).orElse(Map.of());
    Prices.FineTuning fineTuning = r.required(m, "fineTuning", "prices").map(this::fineTuning).orElse(null);
    Prices.Retraining retraining = r.required(m, "retraining", "prices").map(this::retraining).orElse(null);
    Map<String, Long> budgets = r.required(m, "latencyBudgetsMs", "prices").map(this::budgets).orElse(Map.of());
    // Every block read above is only partial when a problem was recorded: stop here, with all of them.
    r.throwIfProblems();
    return new Prices(id, date, currency, days, source, tiers, retrieval, reranking, approaches, fineTuning, retraining, budgets);
  }

  private List<Prices.Tier> tiers(Node node) {
    List<Prices.Tier> out = new ArrayList<>();
    for (Node item : r.asList(node, "tiers")) {
      r.asMap(item, "tier").ifPresent(t -> {
        unitKeys(t, "tier");
        r.onlyKeys(withoutUnitKeys(t), "tier", List.of("id", "name", "inputPerMillion", "outputPerMillion", "firstTokenMs", "tokensPerSecond", "generates", "source"));
        String id = r.string(t, "id", "tier");
        String what = "tier " + id;
        Prices.Tier tier = new Prices.Tier(id, r.string(t, "name", what),
            money(t, "inputPerMillion", what),
            money(t, "outputPerMillion", what),
            r.integer(t, "firstTokenMs", what, 0, 3_600_000).orElse(0),
            r.decimal(t, "tokensPerSecond", what, 0.001, Double.MAX_VALUE).orElse(1),
            r.optional(t, "generates").map(n -> !(n instanceof Node.ScalarNode b && b.type() == Node.ScalarType.BOOLEAN
                && !Boolean.parseBoolean(b.text()))).orElse(true),
            r.string(t, "source", what));
        if (!id.isEmpty() && r.unique(tierIds, id, t.location(), "tiers")) {
          out.add(tier);
        }
      });
    }
    return out;
  }

  /** A key like inputPerThousand is a unit the model does not multiply by: say which it does. */
  private void unitKeys(Node.MapNode m, String what) {
    for (Node.Entry e : m.entries().values()) {
      Matcher u = UNIT_KEY.matcher(e.key());
      if (u.matches() && !u.group(2).equals("Million")) {
        r.problem(e.keyLocation(), what + ": unknown unit '" + u.group(2).toLowerCase(java.util.Locale.ROOT)
            + "' in '" + e.key() + "'; prices are per million tokens: inputPerMillion, outputPerMillion");
      }
    }
  }

  /** An amount of money as written: read as a decimal, so 0.15 stays exactly 0.15. */
  private java.math.BigDecimal money(Node.MapNode m, String key, String what) {
    java.util.OptionalDouble d = r.decimal(m, key, what, 0, Double.MAX_VALUE);
    if (d.isEmpty()) {
      return java.math.BigDecimal.ZERO;
    }
    Optional<Node> n = r.optional(m, key);
    if (n.isPresent() && n.get() instanceof Node.ScalarNode s) {
      try {
        return new java.math.BigDecimal(s.text().trim());
      } catch (NumberFormatException e) {
        // Written another way YAML accepts (1e3): the double is exact enough for a price.
      }
    }
    return java.math.BigDecimal.valueOf(d.getAsDouble());
  }

  private static Node.MapNode withoutKey(Node.MapNode m, String key) {
    java.util.Map<String, Node.Entry> kept = new LinkedHashMap<>(m.entries());
    kept.remove(key);
    return new Node.MapNode(m.location(), kept);
  }

  private static Node.MapNode withoutUnitKeys(Node.MapNode m) {
    java.util.Map<String, Node.Entry> kept = new LinkedHashMap<>(m.entries());
    kept.keySet().removeIf(k -> UNIT_KEY.matcher(k).matches());
    return new Node.MapNode(m.location(), kept);
  }

  private Prices.Service service(Node node, String what) {
    Optional<Node.MapNode> m = r.asMap(node, what);
    if (m.isEmpty()) {
      return null;
    }
    r.onlyKeys(m.get(), what, List.of("costPerQuery", "latencyMs", "source"));
    return new Prices.Service(money(m.get(), "costPerQuery", what),
        r.integer(m.get(), "latencyMs", what, 0, 3_600_000).orElse(0), r.string(m.get(), "source", what));
  }

  private Map<String, Prices.ApproachPlan> approaches(Node node) {
    Map<String, Prices.ApproachPlan> out = new LinkedHashMap<>();
    r.asMap(node, "approaches").ifPresent(m -> {
      for (Node.Entry e : m.entries().values()) {
        if (!framework.approachIds().contains(e.key())) {
          r.problem(e.keyLocation(), "approaches: unknown approach '" + e.key() + "'; expected one of "
              + String.join(", ", framework.approachIds()));
          continue;
        }
        r.asMap(e.value(), "approaches." + e.key()).ifPresent(a -> {
          String what = "approaches." + e.key();
          r.onlyKeys(a, what, List.of("setupCost", "steps", "note"));
          java.math.BigDecimal setup = money(a, "setupCost", what);
          List<Prices.Step> steps = r.required(a, "steps", what).map(n -> steps(n, what)).orElse(List.of());
          out.put(e.key(), new Prices.ApproachPlan(setup, steps, r.optionalString(a, "note", what, "")));
        });
      }
      for (String id : framework.approachIds()) {
        if (!m.entries().containsKey(id)) {
          r.problem(m.location(), "approaches: missing approach '" + id + "'");
        }
      }
    });
    return out;
  }

  private List<Prices.Step> steps(Node node, String what) {
    List<Prices.Step> out = new ArrayList<>();
    List<Node> items = r.asList(node, what + ".steps");
    if (items.isEmpty()) {
      r.problem(node.location(), what + ".steps: needs at least one step");
    }
    for (Node item : items) {
      r.asMap(item, what + " step").ifPresent(s -> {
        if (s.entries().containsKey("parallel")) {
          r.onlyKeys(s, what + " parallel step", List.of("parallel"));
          List<Prices.Step> branches = steps(s.entries().get("parallel").value(), what + ".parallel");
          if (branches.size() < 2) {
            r.problem(s.location(), what + ".parallel: needs two or more steps that run at the same time");
          }
          out.add(new Prices.Step.Parallel(branches));
          return;
        }
        String kind = r.string(s, "kind", what + " step");
        switch (kind) {
          case "retrieval" -> {
            r.onlyKeys(s, what + " retrieval step", List.of("kind"));
            out.add(new Prices.Step.Retrieval());
          }
          case "reranking" -> {
            r.onlyKeys(s, what + " reranking step", List.of("kind"));
            out.add(new Prices.Step.Reranking());
          }
          case "model" -> {
            r.onlyKeys(s, what + " model step", List.of("kind", "tier", "inputTokens", "outputTokens", "blocking"));
            String tier = r.string(s, "tier", what + " model step");
            if (!tier.isEmpty() && !tierIds.contains(tier)) {
              r.problem(r.optional(s, "tier").orElseThrow().location(), what + ": missing tier '" + tier
                  + "'; define it under tiers, or use one of " + String.join(", ", tierIds.stream().sorted().toList()));
            }
            boolean blocking = r.optional(s, "blocking").map(n -> n instanceof Node.ScalarNode b
                && b.type() == Node.ScalarType.BOOLEAN && Boolean.parseBoolean(b.text())).orElse(false);
            out.add(new Prices.Step.Model(tier, r.integer(s, "inputTokens", what, 0, 10_000_000).orElse(0),
                r.integer(s, "outputTokens", what, 0, 10_000_000).orElse(0), blocking));
          }
          case "" -> { }
          default -> r.problem(r.optional(s, "kind").orElseThrow().location(),
              what + ": unknown step kind '" + kind + "'; expected one of retrieval, reranking, model (or a 'parallel' list)");
        }
      });
    }
    return out;
  }

  private Prices.FineTuning fineTuning(Node node) {
    Optional<Node.MapNode> m = r.asMap(node, "fineTuning");
    if (m.isEmpty()) {
      return null;
    }
    if (m.get().entries().containsKey("minimumPairs")) {
      r.problem(m.get().entries().get("minimumPairs").keyLocation(), "fineTuning.minimumPairs: no longer read; the pairs a fine-tune"
          + " needs are the framework's, per task (training-pairs floor); remove it");
    }
    r.onlyKeys(withoutKey(m.get(), "minimumPairs"), "fineTuning", List.of("trains", "dataPreparationPerPair", "trainingRun", "source"));
    List<String> trains = r.required(m.get(), "trains", "fineTuning").map(n -> approachIds(n, "fineTuning.trains")).orElse(List.of());
    return new Prices.FineTuning(trains,
        money(m.get(), "dataPreparationPerPair", "fineTuning"),
        money(m.get(), "trainingRun", "fineTuning"),
        r.string(m.get(), "source", "fineTuning"));
  }

  private Prices.Retraining retraining(Node node) {
    Optional<Node.MapNode> m = r.asMap(node, "retraining");
    if (m.isEmpty()) {
      return null;
    }
    r.onlyKeys(m.get(), "retraining", List.of("factsInWeights", "perYearByFreshness", "patternsPerYear", "source"));
    List<String> facts = r.required(m.get(), "factsInWeights", "retraining")
        .map(n -> approachIds(n, "retraining.factsInWeights")).orElse(List.of());
    Map<String, Integer> perYear = new LinkedHashMap<>();
    r.required(m.get(), "perYearByFreshness", "retraining").flatMap(n -> r.asMap(n, "retraining.perYearByFreshness"))
        .ifPresent(p -> perChoice(p, FRESHNESS, "retraining.perYearByFreshness",
            (k, v) -> r.integer(v, "retraining.perYearByFreshness." + k, 0, 366).ifPresent(x -> perYear.put(k, (int) x))));
    int patterns = (int) r.integer(m.get(), "patternsPerYear", "retraining", 0, 366).orElse(0);
    return new Prices.Retraining(facts, perYear, patterns, r.string(m.get(), "source", "retraining"));
  }

  private Map<String, Long> budgets(Node node) {
    Map<String, Long> out = new LinkedHashMap<>();
    r.asMap(node, "latencyBudgetsMs").ifPresent(m -> perChoice(m, LATENCY, "latencyBudgetsMs",
        (k, v) -> r.integer(v, "latencyBudgetsMs." + k, 1, Long.MAX_VALUE).ifPresent(x -> out.put(k, x))));
    return out;
  }

  /** A mapping keyed by the choices of one framework question: every choice, and nothing else. */
  private void perChoice(Node.MapNode m, String questionId, String what, java.util.function.BiConsumer<String, Node> each) {
    Optional<Question> q = framework.question(questionId);
    if (q.isEmpty() || !(q.get() instanceof Question.ChoiceQuestion cq)) {
      r.problem(m.location(), what + ": the framework has no choice question '" + questionId + "' to key these by");
      return;
    }
    for (Node.Entry e : m.entries().values()) {
      if (cq.choice(e.key()).isEmpty()) {
        r.problem(e.keyLocation(), what + ": unknown " + questionId + " '" + e.key() + "'; expected one of "
            + String.join(", ", cq.choiceIds()));
      } else {
        each.accept(e.key(), e.value());
      }
    }
    for (String c : cq.choiceIds()) {
      if (!m.entries().containsKey(c)) {
        r.problem(m.location(), what + ": missing " + questionId + " '" + c + "'");
      }
    }
  }

  private List<String> approachIds(Node node, String what) {
    List<String> ids = r.idList(node, what);
    for (String id : ids) {
      if (!framework.approachIds().contains(id)) {
        r.problem(node.location(), what + ": unknown approach '" + id + "'; expected one of " + String.join(", ", framework.approachIds()));
      }
    }
    return ids;
  }
}
