package dev.ragft.framework;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a framework file's tree into a {@link Framework}, checking everything the engine relies
 * on: known keys, unique ids, references to approaches, questions and choices, effect ranges,
 * bands that cover every number, and placeholders in texts. Every problem is collected with its
 * line and column; {@link #read} throws them all at once.
 */
public final class FrameworkReader {
  /** Points any single answer or rule may add or take away; keeps one answer from deciding alone. */
  public static final int MAX_EFFECT = 100;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+)}");
  private static final String SHORTFALL = "shortfall";
  private static final String FLOOR = "floor";

  private final NodeReader r = new NodeReader();
  private final List<String> approachIds = new ArrayList<>();
  private final Map<String, Question> questions = new LinkedHashMap<>();

  private FrameworkReader() {}

  /** Reads and validates; throws {@link BadInputException} listing every problem. */
  public static Framework read(Node root) {
    FrameworkReader reader = new FrameworkReader();
    Framework f = reader.framework(root);
    reader.r.throwIfProblems();
    return f;
  }

  private Framework framework(Node root) {
    Optional<Node.MapNode> maybe = r.asMap(root, "framework");
    if (maybe.isEmpty()) {
      r.throwIfProblems();
    }
    Node.MapNode m = maybe.orElseThrow();
    r.onlyKeys(
        m,
        "framework",
        List.of(
            "id", "version", "title", "description", "prices", "approaches", "scoring", "questions", "rules",
            "warnings", "situations", "stacks", "rollouts", "roadmap", "evidence"));
    String id = r.string(m, "id", "framework");
    String version = r.string(m, "version", "framework");
    String title = r.string(m, "title", "framework");
    String description = r.optionalString(m, "description", "framework", "");
    String prices = r.optionalString(m, "prices", "framework", "");
    List<Approach> approaches = r.required(m, "approaches", "framework").map(this::approaches).orElse(List.of());
    Scoring scoring =
        r.required(m, "scoring", "framework").map(this::scoring).orElse(Scoring.of(Map.of(), 1, ""));
    r.required(m, "questions", "framework").ifPresent(this::questions);
    List<Rule> rules = r.optional(m, "rules").map(this::rules).orElse(List.of());
    List<WarningRule> warnings = r.optional(m, "warnings").map(this::warnings).orElse(List.of());
    List<Situation> situations = r.optional(m, "situations").map(this::situations).orElse(List.of());
    Map<String, List<Layer>> stacks =
        r.required(m, "stacks", "framework").map(n -> perApproach(n, "stacks", this::layers)).orElse(Map.of());
    Map<String, List<Phase>> rollouts =
        r.required(m, "rollouts", "framework").map(n -> perApproach(n, "rollouts", this::phases)).orElse(Map.of());
    Roadmap roadmap = r.optional(m, "roadmap").map(this::roadmap).orElse(Roadmap.NONE);
    EvidenceWeights evidence = r.optional(m, "evidence").map(this::evidence).orElse(EvidenceWeights.NONE);
    for (Rule rule : rules) {
      if (rule.excludes().contains(scoring.foundation())) {
        // Located at the scoring key: the rule list has no node at hand here, and either side may be the fix.
        r.problem(
            r.optional(m, "scoring").map(Node::location).orElse(m.location()),
            "scoring.foundation: '" + scoring.foundation() + "' is excluded by rule '" + rule.id()
                + "'; the foundation approach must never be excluded, so that one always remains");
      }
    }
    return new Framework(
        id, version, title, description, prices, approaches, scoring, List.copyOf(questions.values()), rules, warnings,
        situations, stacks, rollouts, roadmap, evidence);
  }

  private List<Approach> approaches(Node node) {
    List<Approach> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : r.asList(node, "approaches")) {
      r.asMap(item, "approach").ifPresent(m -> {
        r.onlyKeys(m, "approach", List.of("id", "name", "summary"));
        String id = r.string(m, "id", "approach");
        if (!id.isEmpty() && r.unique(seen, id, m.location(), "approaches")) {
          approachIds.add(id);
          out.add(new Approach(id, r.string(m, "name", "approach " + id), r.optionalString(m, "summary", "approach", "")));
        }
      });
    }
    if (out.size() < 2) {
      r.problem(node.location(), "approaches: a framework needs at least two approaches to choose between");
    }
    return out;
  }

  private Scoring scoring(Node node) {
    Optional<Node.MapNode> maybe = r.asMap(node, "scoring");
    if (maybe.isEmpty()) {
      return Scoring.of(Map.of(), 1, "");
    }
    Node.MapNode m = maybe.get();
    r.onlyKeys(m, "scoring", List.of("baseline", "fullConfidenceMargin", "foundation", "closeCall", "signal",
        "cheaperBy", "paybackHorizonMonths"));
    Map<String, Integer> baseline = new LinkedHashMap<>();
    r.required(m, "baseline", "scoring").flatMap(n -> r.asMap(n, "scoring.baseline")).ifPresent(b -> {
      for (Node.Entry e : b.entries().values()) {
        if (knownApproach(e.key(), e.keyLocation(), "scoring.baseline")) {
          r.integer(e.value(), "scoring.baseline." + e.key(), 0, 100).ifPresent(v -> baseline.put(e.key(), (int) v));
        }
      }
      for (String a : approachIds) {
        if (!b.entries().containsKey(a)) {
          r.problem(b.location(), "scoring.baseline: missing approach '" + a + "'");
        }
      }
    });
    int margin = (int) r.integer(m, "fullConfidenceMargin", "scoring", 1, 100).orElse(1);
    String foundation = r.string(m, "foundation", "scoring");
    r.optional(m, "foundation").ifPresent(n -> knownApproach(foundation, n.location(), "scoring.foundation"));
    Scoring.CloseCall close = r.optional(m, "closeCall").flatMap(n -> r.asMap(n, "scoring.closeCall")).map(c -> {
      r.onlyKeys(c, "scoring.closeCall", List.of("margin", "message"));
      return new Scoring.CloseCall((int) r.integer(c, "margin", "scoring.closeCall", 0, 100).orElse(0),
          r.string(c, "message", "scoring.closeCall"));
    }).orElse(Scoring.CloseCall.NONE);
    Scoring.Signal signal = r.optional(m, "signal").flatMap(n -> r.asMap(n, "scoring.signal")).map(c -> {
      r.onlyKeys(c, "scoring.signal", List.of("full", "minimum", "message"));
      int full = (int) r.integer(c, "full", "scoring.signal", 1, 10_000).orElse(1);
      int minimum = (int) r.integer(c, "minimum", "scoring.signal", 0, 10_000).orElse(0);
      if (minimum > full) {
        r.problem(c.location(), "scoring.signal: minimum (" + minimum + ") must not exceed full (" + full + ")");
      }
      return new Scoring.Signal(full, minimum, r.string(c, "message", "scoring.signal"));
    }).orElse(Scoring.Signal.NONE);
    double cheaperBy = r.optional(m, "cheaperBy").isPresent()
        ? r.decimal(m, "cheaperBy", "scoring", 0, 0.99).orElse(0.25) : 0.25;
    int payback = r.optional(m, "paybackHorizonMonths").isPresent()
        ? (int) r.integer(m, "paybackHorizonMonths", "scoring", 1, 120).orElse(12) : 0;
    return new Scoring(baseline, margin, foundation, close, signal, cheaperBy, payback);
  }

  private void questions(Node node) {
    List<Node> items = r.asList(node, "questions");
    if (items.isEmpty()) {
      r.problem(node.location(), "questions: a framework needs at least one question");
    }
    for (Node item : items) {
      r.asMap(item, "question").ifPresent(this::question);
    }
  }

  private void question(Node.MapNode m) {
    String id = r.string(m, "id", "question");
    String what = "question " + (id.isEmpty() ? "?" : id);
    String type = r.optionalString(m, "type", what, "choice");
    boolean required =
        r.optional(m, "required")
            .map(n -> {
              if (n instanceof Node.ScalarNode s && s.type() == Node.ScalarType.BOOLEAN) {
                return Boolean.parseBoolean(s.text());
              }
              r.problem(n.location(), what + ".required: expected true or false");
              return true;
            })
            .orElse(true);
    String label = r.string(m, "label", what);
    String prompt = r.string(m, "prompt", what);
    String help = r.optionalString(m, "help", what, "");
    Question q;
    switch (type) {
      case "choice" -> {
        r.onlyKeys(m, what, List.of("id", "type", "required", "label", "prompt", "help", "choices"));
        q = new Question.ChoiceQuestion(id, label, prompt, help, required, choices(m, what));
      }
      case "number" -> {
        r.onlyKeys(m, what, List.of("id", "type", "required", "label", "prompt", "help", "unit", "bands", "curve",
            "floor", "plausibleMax"));
        Floor floor = r.optional(m, "floor").map(n -> floor(n, what)).orElse(Floor.NONE);
        Scale scale;
        if (r.optional(m, "curve").isPresent()) {
          if (r.optional(m, "bands").isPresent()) {
            r.problem(r.optional(m, "bands").orElseThrow().location(), what + ": give 'bands' or 'curve', not both");
          }
          if (floor.isNone()) {
            r.problem(m.location(), what + ": a 'curve' is in multiples of the question's 'floor'; give a floor");
          }
          scale = curve(r.optional(m, "curve").orElseThrow(), what);
        } else {
          List<Band> bands = bands(m, what);
          scale = bands.isEmpty() ? new Scale.Bands(List.of(new Band(0, Long.MAX_VALUE, "", Effects.of(approachIds,
              Map.of()), ""))) : new Scale.Bands(bands);
        }
        long plausible = r.optional(m, "plausibleMax").isPresent()
            ? r.integer(m, "plausibleMax", what, 1, Long.MAX_VALUE).orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
        q = new Question.NumberQuestion(
            id, label, prompt, help, required, r.optionalString(m, "unit", what, ""), scale, floor, plausible);
      }
      default -> {
        r.problem(r.optional(m, "type").orElseThrow().location(),
            what + ".type: unknown type '" + type + "'; expected one of choice, number");
        return;
      }
    }
    if (id.isEmpty()) {
      return;
    }
    if (questions.containsKey(id)) {
      r.problem(m.location(), "questions: duplicate id '" + id + "'");
      return;
    }
    questions.put(id, q);
  }

  private List<Choice> choices(Node.MapNode q, String what) {
    List<Choice> out = new ArrayList<>();
    Optional<Node> node = r.required(q, "choices", what);
    if (node.isEmpty()) {
      return out;
    }
    List<Node> items = r.asList(node.get(), what + ".choices");
    if (items.size() < 2) {
      r.problem(node.get().location(), what + ": a choice question needs at least two choices, found " + items.size());
    }
    Set<String> seen = new HashSet<>();
    for (Node item : items) {
      r.asMap(item, what + " choice").ifPresent(c -> {
        r.onlyKeys(c, what + " choice", List.of("id", "label", "help", "effects", "reason"));
        String id = r.string(c, "id", what + " choice");
        String cw = what + " choice " + id;
        Effects effects = effects(c, cw);
        Choice choice = new Choice(id, r.string(c, "label", cw), r.optionalString(c, "help", cw, ""), effects,
            r.string(c, "reason", cw));
        if (!id.isEmpty() && r.unique(seen, id, c.location(), what + ".choices")) {
          out.add(choice);
        }
      });
    }
    return out;
  }

  private List<Band> bands(Node.MapNode q, String what) {
    List<Band> out = new ArrayList<>();
    Optional<Node> node = r.required(q, "bands", what);
    if (node.isEmpty()) {
      return out;
    }
    long expectedStart = 0;
    boolean broken = false;
    for (Node item : r.asList(node.get(), what + ".bands")) {
      Optional<Node.MapNode> maybe = r.asMap(item, what + " band");
      if (maybe.isEmpty()) {
        broken = true;
        continue;
      }
      Node.MapNode b = maybe.get();
      r.onlyKeys(b, what + " band", List.of("atLeast", "below", "label", "effects", "reason"));
      long atLeast = r.optional(b, "atLeast").map(n -> r.integer(n, what + " band.atLeast", 0, Long.MAX_VALUE - 1))
          .orElse(OptionalLong.of(0)).orElse(-1);
      long below = r.optional(b, "below").map(n -> r.integer(n, what + " band.below", 1, Long.MAX_VALUE - 1))
          .orElse(OptionalLong.of(Long.MAX_VALUE)).orElse(-1);
      String label = r.string(b, "label", what + " band");
      Effects effects = effects(b, what + " band " + label);
      String reason = r.string(b, "reason", what + " band " + label);
      if (atLeast < 0 || below < 0) {
        broken = true;
        continue;
      }
      if (!broken && atLeast != expectedStart) {
        r.problem(b.location(), what + ": bands must cover every number without gaps or overlaps; expected this band to start at "
            + expectedStart + ", found " + atLeast);
        broken = true;
      }
      if (below <= atLeast) {
        r.problem(b.location(), what + ": band 'below' (" + below + ") must be greater than 'atLeast' (" + atLeast + ")");
        broken = true;
        continue;
      }
      if (expectedStart == Long.MAX_VALUE && !broken) {
        r.problem(b.location(), what + ": a band follows the open-ended band");
        broken = true;
      }
      expectedStart = below;
      out.add(new Band(atLeast, below, label, effects, reason));
    }
    if (!broken && expectedStart != Long.MAX_VALUE) {
      r.problem(node.get().location(), what + ": the last band must have no 'below', so that every number up from "
          + expectedStart + " has a band");
    }
    if (out.isEmpty() && !broken) {
      r.problem(node.get().location(), what + ": a number question needs at least one band");
    }
    return out;
  }

  /** {@code evidence: {pointsPerMarginPoint, cap, proxyFactor, slices: {all: {weight: 1}, ...}}}. */
  private EvidenceWeights evidence(Node node) {
    Optional<Node.MapNode> maybe = r.asMap(node, "evidence");
    if (maybe.isEmpty()) {
      return EvidenceWeights.NONE;
    }
    Node.MapNode m = maybe.get();
    r.onlyKeys(m, "evidence", List.of("pointsPerMarginPoint", "cap", "proxyFactor", "slices"));
    double per = r.decimal(m, "pointsPerMarginPoint", "evidence", 0, 100).orElse(0);
    int cap = (int) r.integer(m, "cap", "evidence", 0, MAX_EFFECT).orElse(0);
    double proxy = r.decimal(m, "proxyFactor", "evidence", 0, 1).orElse(0);
    Map<String, EvidenceWeights.Slice> slices = new LinkedHashMap<>();
    r.required(m, "slices", "evidence").flatMap(n -> r.asMap(n, "evidence.slices")).ifPresent(sm -> {
      for (Node.Entry e : sm.entries().values()) {
        String what = "evidence.slices." + e.key();
        r.asMap(e.value(), what).ifPresent(x -> {
          r.onlyKeys(x, what, List.of("weight", "speaksTo"));
          String speaks = r.optionalString(x, "speaksTo", what, "");
          if (!speaks.isEmpty() && !questions.containsKey(speaks)) {
            r.problem(r.optional(x, "speaksTo").orElseThrow().location(), what + ".speaksTo: unknown question '" + speaks
                + "'; expected one of " + String.join(", ", questions.keySet()));
          }
          slices.put(e.key(), new EvidenceWeights.Slice(r.decimal(x, "weight", what, 0, 10).orElse(0), speaks));
        });
      }
    });
    return new EvidenceWeights(per, cap, proxy, slices);
  }

  /**
   * {@code floor: {by: task, otherwise: 1000, values: {drafting: 3000}}}; {@code by} must name a
   * choice question defined earlier, and {@code values} only its choices.
   */
  private Floor floor(Node node, String what) {
    Optional<Node.MapNode> maybe = r.asMap(node, what + ".floor");
    if (maybe.isEmpty()) {
      return Floor.NONE;
    }
    Node.MapNode m = maybe.get();
    r.onlyKeys(m, what + ".floor", List.of("by", "otherwise", "values"));
    long otherwise = r.integer(m, "otherwise", what + ".floor", 1, Long.MAX_VALUE - 1).orElse(1);
    String by = r.optionalString(m, "by", what + ".floor", "");
    Map<String, Long> values = new LinkedHashMap<>();
    if (!by.isEmpty()) {
      Question q = questions.get(by);
      Location at = r.optional(m, "by").orElseThrow().location();
      if (!(q instanceof Question.ChoiceQuestion cq)) {
        r.problem(at, what + ".floor.by: '" + by + "' is not a choice question defined before this one; expected one of "
            + String.join(", ", questions.values().stream().filter(x -> x instanceof Question.ChoiceQuestion)
                .map(Question::id).toList()));
        return Floor.NONE;
      }
      r.optional(m, "values").flatMap(n -> r.asMap(n, what + ".floor.values")).ifPresent(v -> {
        for (Node.Entry e : v.entries().values()) {
          if (cq.choice(e.key()).isEmpty()) {
            r.problem(e.keyLocation(), what + ".floor.values: unknown choice '" + e.key() + "' of " + by
                + "; expected one of " + String.join(", ", cq.choiceIds()));
          } else {
            r.integer(e.value(), what + ".floor.values." + e.key(), 1, Long.MAX_VALUE - 1)
                .ifPresent(x -> values.put(e.key(), x));
          }
        }
      });
    } else if (r.optional(m, "values").isPresent()) {
      r.problem(r.optional(m, "values").orElseThrow().location(), what + ".floor.values: needs 'by', the question they are keyed by");
    }
    return new Floor(by, otherwise, values);
  }

  /** {@code curve: [{floorTimes: 0, label, effects, reason}, ...]}: ascending, the first at 0. */
  private Scale curve(Node node, String what) {
    List<Scale.Curve.Point> points = new ArrayList<>();
    double last = -1;
    for (Node item : r.asList(node, what + ".curve")) {
      Optional<Node.MapNode> maybe = r.asMap(item, what + " curve point");
      if (maybe.isEmpty()) {
        continue;
      }
      Node.MapNode p = maybe.get();
      r.onlyKeys(p, what + " curve point", List.of("floorTimes", "label", "effects", "reason"));
      double at = r.decimal(p, "floorTimes", what + " curve point", 0, 1_000_000).orElse(-1);
      String label = r.string(p, "label", what + " curve point");
      Effects effects = effects(p, what + " curve point " + label);
      String reason = r.string(p, "reason", what + " curve point " + label);
      if (at < 0) {
        continue;
      }
      if (points.isEmpty() && at != 0) {
        r.problem(p.location(), what + ".curve: the first point must be at floorTimes 0, found " + at);
      } else if (at <= last) {
        r.problem(p.location(), what + ".curve: floorTimes must increase; " + at + " follows " + last);
      }
      last = at;
      points.add(new Scale.Curve.Point(at, label, effects, reason));
    }
    if (points.size() < 2) {
      r.problem(node.location(), what + ".curve: needs at least two points");
    }
    try {
      return new Scale.Curve(points);
    } catch (IllegalArgumentException e) {
      // Reported above with its location; a placeholder keeps the rest of the file checkable.
      return new Scale.Bands(List.of(new Band(0, Long.MAX_VALUE, "", Effects.of(approachIds, Map.of()), "")));
    }
  }

  private Effects effects(Node.MapNode owner, String what) {
    Map<String, Integer> points = new LinkedHashMap<>();
    r.optional(owner, "effects").flatMap(n -> r.asMap(n, what + ".effects")).ifPresent(e -> {
      for (Node.Entry entry : e.entries().values()) {
        if (knownApproach(entry.key(), entry.keyLocation(), what + ".effects")) {
          r.integer(entry.value(), what + ".effects." + entry.key(), -MAX_EFFECT, MAX_EFFECT)
              .ifPresent(v -> points.put(entry.key(), (int) v));
        }
      }
    });
    return Effects.of(approachIds, points);
  }

  private boolean knownApproach(String id, Location where, String what) {
    if (approachIds.contains(id)) {
      return true;
    }
    r.problem(where, what + ": unknown approach '" + id + "'; expected one of " + String.join(", ", approachIds));
    return false;
  }

  private List<Condition> conditions(Node.MapNode owner, String what) {
    List<Condition> out = new ArrayList<>();
    Optional<Node> node = r.required(owner, "when", what);
    node.flatMap(n -> r.asMap(n, what + ".when")).ifPresent(w -> {
      if (w.entries().isEmpty()) {
        r.problem(w.location(), what + ".when: needs at least one condition");
      }
      for (Node.Entry e : w.entries().values()) {
        condition(e, what).ifPresent(out::add);
      }
    });
    return out;
  }

  private Optional<Condition> condition(Node.Entry e, String what) {
    if (Condition.EVIDENCE_KEYS.contains(e.key())) {
      if (e.value() instanceof Node.MapNode) {
        r.problem(e.value().location(), what + ".when." + e.key() + ": expected a list of approaches");
        return Optional.empty();
      }
      List<String> ids = r.idList(e.value(), what + ".when." + e.key());
      boolean ok = !ids.isEmpty();
      for (String id : ids) {
        ok &= knownApproach(id, e.value().location(), what + ".when." + e.key());
      }
      if (!ok) {
        return Optional.empty();
      }
      return Optional.of(new Condition.Estimated(e.key(), ids));
    }
    Question q = questions.get(e.key());
    if (q == null) {
      r.problem(e.keyLocation(), what + ".when: unknown question '" + e.key() + "'; expected one of "
          + String.join(", ", questions.keySet()) + " (or " + String.join(", ", Condition.EVIDENCE_KEYS) + ")");
      return Optional.empty();
    }
    String cw = what + ".when." + q.id();
    if (q instanceof Question.ChoiceQuestion cq) {
      if (e.value() instanceof Node.MapNode) {
        r.problem(e.value().location(), cw + ": expected a list of choices of " + q.id());
        return Optional.empty();
      }
      List<String> ids = r.idList(e.value(), cw);
      boolean ok = !ids.isEmpty();
      for (String c : ids) {
        if (cq.choice(c).isEmpty()) {
          r.problem(e.value().location(), cw + ": unknown choice '" + c + "'; expected one of "
              + String.join(", ", cq.choiceIds()));
          ok = false;
        }
      }
      return ok ? Optional.of(new Condition.ChoiceIn(q.id(), ids)) : Optional.empty();
    }
    Optional<Node.MapNode> range = r.asMap(e.value(), cw + " (a range: atLeast and/or below)");
    if (range.isEmpty()) {
      return Optional.empty();
    }
    Node.MapNode m = range.get();
    r.onlyKeys(m, cw, List.of("atLeast", "below"));
    if (m.entries().isEmpty()) {
      r.problem(m.location(), cw + ": a range needs 'atLeast', 'below' or both");
      return Optional.empty();
    }
    Optional<Node.Entry> relative = m.entries().values().stream()
        .filter(x -> x.value() instanceof Node.ScalarNode sc && sc.text().equals(FLOOR)).findFirst();
    if (relative.isPresent()) {
      Floor floor = ((Question.NumberQuestion) q).floor();
      if (m.entries().size() > 1 || floor.isNone()) {
        r.problem(m.location(), cw + ": 'floor' stands alone ({below: floor} or {atLeast: floor}) and needs the question to have a floor");
        return Optional.empty();
      }
      return Optional.of(new Condition.FloorRelative(q.id(), floor, relative.get().key().equals("below")));
    }
    long atLeast = r.optional(m, "atLeast").map(n -> r.integer(n, cw + ".atLeast", 0, Long.MAX_VALUE - 1))
        .orElse(OptionalLong.of(0)).orElse(-1);
    long below = r.optional(m, "below").map(n -> r.integer(n, cw + ".below", 1, Long.MAX_VALUE - 1))
        .orElse(OptionalLong.of(Long.MAX_VALUE)).orElse(-1);
    if (atLeast < 0 || below < 0) {
      return Optional.empty();
    }
    if (below <= atLeast) {
      r.problem(m.location(), cw + ": 'below' must be greater than 'atLeast'");
      return Optional.empty();
    }
    return Optional.of(new Condition.NumberIn(q.id(), atLeast, below));
  }

  private List<Rule> rules(Node node) {
    List<Rule> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : r.asList(node, "rules")) {
      r.asMap(item, "rule").ifPresent(m -> {
        r.onlyKeys(m, "rule", List.of("id", "when", "effects", "excludes", "reason", "warning", "laterPhases"));
        String id = r.string(m, "id", "rule");
        String what = "rule " + id;
        List<Condition> when = conditions(m, what);
        Effects effects = effects(m, what);
        List<String> excludes = new ArrayList<>();
        r.optional(m, "excludes").ifPresent(n -> {
          for (String a : r.idList(n, what + ".excludes")) {
            if (knownApproach(a, n.location(), what + ".excludes")) {
              excludes.add(a);
            }
          }
        });
        if (effects.isZero() && excludes.isEmpty()) {
          r.problem(m.location(), what + ": does nothing; give it 'effects', 'excludes' or both");
        }
        String reason = r.string(m, "reason", what);
        String warning = r.optionalString(m, "warning", what, "");
        List<Phase> later = r.optional(m, "laterPhases").map(n -> phases(n, what + ".laterPhases")).orElse(List.of());
        boolean hasShortfall = hasShortfall(when);
        checkPlaceholders(m, what, hasShortfall, "reason", "warning");
        r.optional(m, "laterPhases").ifPresent(n -> checkPhasePlaceholders(n, what, hasShortfall));
        if (!id.isEmpty() && r.unique(seen, id, m.location(), "rules")) {
          out.add(new Rule(id, when, effects, excludes, reason, warning, later));
        }
      });
    }
    return out;
  }

  /** Whether a text under these conditions may say {shortfall}: a number is below a bound. */
  private static boolean hasShortfall(List<Condition> when) {
    for (Condition c : when) {
      if ((c instanceof Condition.NumberIn n && n.below() != Long.MAX_VALUE)
          || (c instanceof Condition.FloorRelative f && f.below())) {
        return true;
      }
    }
    return false;
  }

  private List<WarningRule> warnings(Node node) {
    List<WarningRule> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : r.asList(node, "warnings")) {
      r.asMap(item, "warning").ifPresent(m -> {
        r.onlyKeys(m, "warning", List.of("id", "when", "message"));
        String id = r.string(m, "id", "warning");
        String what = "warning " + id;
        List<Condition> when = conditions(m, what);
        String message = r.string(m, "message", what);
        boolean hasShortfall = hasShortfall(when);
        checkPlaceholders(m, what, hasShortfall, "message");
        if (!id.isEmpty() && r.unique(seen, id, m.location(), "warnings")) {
          out.add(new WarningRule(id, when, message));
        }
      });
    }
    return out;
  }

  private List<Situation> situations(Node node) {
    List<Situation> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : r.asList(node, "situations")) {
      r.asMap(item, "situation").ifPresent(m -> {
        r.onlyKeys(m, "situation", List.of("id", "approach", "title", "description", "when"));
        String id = r.string(m, "id", "situation");
        String what = "situation " + id;
        String approach = r.string(m, "approach", what);
        r.optional(m, "approach").ifPresent(n -> knownApproach(approach, n.location(), what + ".approach"));
        Situation s = new Situation(id, approach, r.string(m, "title", what), r.string(m, "description", what),
            conditions(m, what));
        if (!id.isEmpty() && r.unique(seen, id, m.location(), "situations")) {
          out.add(s);
        }
      });
    }
    return out;
  }

  /**
   * The roadmap section: which number question counts training pairs (its floor says how many are
   * enough), the approval rate at which production yields new ones, and
   * the waves. Every use case must land in exactly one wave, so each kind of wave must be there
   * once (data-blocked waves may split by shortfall, like bands, without gaps).
   */
  private Roadmap roadmap(Node node) {
    Optional<Node.MapNode> maybe = r.asMap(node, "roadmap");
    if (maybe.isEmpty()) {
      return Roadmap.NONE;
    }
    Node.MapNode m = maybe.get();
    r.onlyKeys(m, "roadmap", List.of("trainingData", "waves"));
    String dataQuestion = "";
    double approvalRate = 0;
    Optional<Node.MapNode> data = r.required(m, "trainingData", "roadmap").flatMap(n -> r.asMap(n, "roadmap.trainingData"));
    if (data.isPresent()) {
      Node.MapNode d = data.get();
      r.onlyKeys(d, "roadmap.trainingData", List.of("question", "approvalRate"));
      dataQuestion = r.string(d, "question", "roadmap.trainingData");
      Question q = questions.get(dataQuestion);
      Location at = r.optional(d, "question").map(Node::location).orElse(d.location());
      if (!dataQuestion.isEmpty() && !(q instanceof Question.NumberQuestion nq && q.required() && !nq.floor().isNone())) {
        List<String> numbers = questions.values().stream()
            .filter(x -> x instanceof Question.NumberQuestion n && x.required() && !n.floor().isNone()).map(Question::id).toList();
        r.problem(at, "roadmap.trainingData.question: '" + dataQuestion + "' is not a required number question with a floor; expected one of "
            + String.join(", ", numbers));
      }
      approvalRate = r.decimal(d, "approvalRate", "roadmap.trainingData", 0.0001, 1).orElse(0.1);
    }
    List<Wave> waves = r.required(m, "waves", "roadmap").map(this::waves).orElse(List.of());
    return new Roadmap(dataQuestion, approvalRate, waves);
  }

  private List<Wave> waves(Node node) {
    List<Wave> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<Wave.Holds, Integer> count = new LinkedHashMap<>();
    long expected = 0; // the shortfall the next data-blocked wave must start at, as bands do
    boolean openEnded = false;
    for (Node item : r.asList(node, "roadmap.waves")) {
      Optional<Node.MapNode> maybe = r.asMap(item, "roadmap wave");
      if (maybe.isEmpty()) {
        continue;
      }
      Node.MapNode w = maybe.get();
      r.onlyKeys(w, "roadmap wave", List.of("id", "holds", "name", "timing", "goal", "shortfallBelow"));
      String id = r.string(w, "id", "roadmap wave");
      String what = "roadmap wave " + id;
      String holdsText = r.string(w, "holds", what);
      Optional<Wave.Holds> holds = Wave.Holds.of(holdsText);
      if (!holdsText.isEmpty() && holds.isEmpty()) {
        r.problem(r.optional(w, "holds").orElseThrow().location(), what + ".holds: unknown kind '" + holdsText
            + "'; expected one of " + String.join(", ", java.util.Arrays.stream(Wave.Holds.values()).map(Wave.Holds::id).toList()));
      }
      String name = r.string(w, "name", what);
      String timing = r.string(w, "timing", what);
      String goal = r.string(w, "goal", what);
      Optional<Node> below = r.optional(w, "shortfallBelow");
      long shortfallBelow = Long.MAX_VALUE;
      if (holds.isPresent() && holds.get() != Wave.Holds.DATA_BLOCKED && below.isPresent()) {
        r.problem(below.get().location(), what + ".shortfallBelow: only a data-blocked wave splits by shortfall");
      } else if (holds.orElse(null) == Wave.Holds.DATA_BLOCKED) {
        if (openEnded) {
          r.problem(w.location(), what + ": follows the open-ended data-blocked wave; give the earlier one a 'shortfallBelow'");
        }
        if (below.isPresent()) {
          shortfallBelow = r.integer(below.get(), what + ".shortfallBelow", expected + 1, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
          expected = shortfallBelow == Long.MAX_VALUE ? expected : shortfallBelow;
        } else {
          openEnded = true;
        }
      }
      holds.ifPresent(h -> count.merge(h, 1, Integer::sum));
      if (!id.isEmpty() && holds.isPresent() && r.unique(seen, id, w.location(), "roadmap.waves")) {
        out.add(new Wave(id, name, timing, goal, holds.get(), shortfallBelow));
      }
    }
    for (Wave.Holds h : Wave.Holds.values()) {
      int n = count.getOrDefault(h, 0);
      if (n == 0) {
        r.problem(node.location(), "roadmap.waves: no wave holds '" + h.id() + "' use cases; every use case needs a wave");
      } else if (n > 1 && h != Wave.Holds.DATA_BLOCKED) {
        r.problem(node.location(), "roadmap.waves: " + n + " waves hold '" + h.id() + "'; expected one");
      }
    }
    if (count.getOrDefault(Wave.Holds.DATA_BLOCKED, 0) > 0 && !openEnded) {
      r.problem(node.location(), "roadmap.waves: the last data-blocked wave must have no 'shortfallBelow', so that every shortfall has a wave");
    }
    return out;
  }

  private <T> Map<String, List<T>> perApproach(Node node, String what, java.util.function.BiFunction<Node, String, List<T>> each) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    r.asMap(node, what).ifPresent(m -> {
      for (Node.Entry e : m.entries().values()) {
        if (knownApproach(e.key(), e.keyLocation(), what)) {
          List<T> items = each.apply(e.value(), what + "." + e.key());
          if (items.isEmpty()) {
            r.problem(e.value().location(), what + "." + e.key() + ": needs at least one entry");
          }
          out.put(e.key(), items);
        }
      }
      for (String a : approachIds) {
        if (!m.entries().containsKey(a)) {
          r.problem(m.location(), what + ": missing approach '" + a + "'");
        }
      }
    });
    return out;
  }

  private List<Layer> layers(Node node, String what) {
    List<Layer> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : r.asList(node, what)) {
      r.asMap(item, what + " layer").ifPresent(m -> {
        r.onlyKeys(m, what + " layer", List.of("id", "name", "role", "component"));
        String id = r.string(m, "id", what + " layer");
        String lw = what + " layer " + id;
        Layer layer = new Layer(id, r.string(m, "name", lw), r.string(m, "role", lw), r.string(m, "component", lw));
        if (!id.isEmpty() && r.unique(seen, id, m.location(), what)) {
          out.add(layer);
        }
      });
    }
    return out;
  }

  private List<Phase> phases(Node node, String what) {
    List<Phase> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : r.asList(node, what)) {
      r.asMap(item, what + " phase").ifPresent(m -> {
        r.onlyKeys(m, what + " phase", List.of("id", "name", "weeks", "goal", "exitCriteria", "gateMetric", "collects"));
        String id = r.string(m, "id", what + " phase");
        String pw = what + " phase " + id;
        Phase phase = new Phase(id, r.string(m, "name", pw), (int) r.integer(m, "weeks", pw, 1, 520).orElse(1),
            r.string(m, "goal", pw), r.string(m, "exitCriteria", pw), r.string(m, "gateMetric", pw),
            r.optionalString(m, "collects", pw, ""));
        if (!phase.collects().isEmpty() && !(questions.get(phase.collects()) instanceof Question.NumberQuestion)) {
          r.problem(r.optional(m, "collects").orElseThrow().location(), pw + ".collects: '" + phase.collects()
              + "' is not a number question");
        }
        if (!id.isEmpty() && r.unique(seen, id, m.location(), what)) {
          out.add(phase);
        }
      });
    }
    return out;
  }

  private void checkPhasePlaceholders(Node node, String what, boolean hasShortfall) {
    if (node instanceof Node.ListNode l) {
      for (Node item : l.items()) {
        if (item instanceof Node.MapNode m) {
          checkPlaceholders(m, what, hasShortfall, "name", "goal", "exitCriteria", "gateMetric");
        }
      }
    }
  }

  /** Texts may name {question-id} (the answer) and, under a numeric 'below' condition, {shortfall}. */
  private void checkPlaceholders(Node.MapNode m, String what, boolean hasShortfall, String... keys) {
    for (String key : keys) {
      Optional<Node> n = r.optional(m, key);
      if (n.isEmpty() || !(n.get() instanceof Node.ScalarNode s)) {
        continue;
      }
      Matcher matcher = PLACEHOLDER.matcher(s.text());
      while (matcher.find()) {
        String name = matcher.group(1);
        boolean ok = questions.containsKey(name) || ((SHORTFALL.equals(name) || FLOOR.equals(name)) && hasShortfall);
        if (!ok) {
          r.problem(s.location(), what + "." + key + ": unknown placeholder {" + name + "}; expected a question id ("
              + String.join(", ", questions.keySet()) + ")"
              + (hasShortfall ? " or {shortfall}, {floor}" : "; {shortfall} and {floor} need a 'below' condition"));
        }
      }
    }
  }
}
