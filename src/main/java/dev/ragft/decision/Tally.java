package dev.ragft.decision;

import dev.ragft.framework.Choice;
import dev.ragft.framework.Condition;
import dev.ragft.framework.Effects;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.framework.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one scoring arithmetic: the baseline, plus every answer's points, plus every rule that
 * fires, kept within 0..100; which approaches the gates exclude; and the signal, how far apart
 * the answers put the approaches. Assessments, what-if and the roadmap all count through here.
 * Drivers keep the framework's texts unfilled; {@link Wording} fills them for reports.
 */
record Tally(
    Facts facts,
    List<Driver> drivers,
    List<Rule> fired,
    Set<String> excluded,
    Map<String, Integer> sums,
    Map<String, Integer> scores,
    int signal) {

  static Tally of(Framework framework, Facts facts) {
    List<Driver> drivers = new ArrayList<>();
    int signal = 0;
    for (Question q : framework.questions()) {
      Optional<Answer> a = facts.answers().get(q.id());
      if (a.isPresent()) {
        Driver d = answerDriver(q, a.get(), facts);
        drivers.add(d);
        signal += spread(d.effects());
      }
    }
    List<Rule> fired = new ArrayList<>();
    Set<String> excluded = new LinkedHashSet<>();
    for (Rule rule : framework.rules()) {
      if (!rule.matches(facts)) {
        continue;
      }
      fired.add(rule);
      if (!rule.effects().isZero()) {
        List<String> questions = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (Condition c : rule.when()) {
          questions.add(c.question());
          given.add(given(c, facts));
        }
        drivers.add(new Driver("rules." + rule.id(), String.join(", ", questions), String.join(", ", given),
            rule.effects().points(), rule.reason()));
      }
      excluded.addAll(rule.excludes());
    }
    // Measured evidence: a significant win on a slice the framework weighs; nothing for a tie.
    for (MeasuredWin w : facts.estimate().wins()) {
      int points = framework.evidence().points(w.slice(), w.margin(), w.significant(), w.proxy());
      if (points != 0 && framework.approachIds().contains(w.approach())) {
        Map<String, Integer> effects = new LinkedHashMap<>();
        for (String id : framework.approachIds()) {
          effects.put(id, id.equals(w.approach()) ? points : 0);
        }
        String speaks = framework.evidence().slices().get(w.slice()).speaksTo();
        drivers.add(new Driver("evidence." + w.slice(), speaks.isEmpty() ? "evidence" : "evidence (" + speaks + ")",
            String.format(java.util.Locale.ROOT, "%s %s by %.4f, 95%% interval [%.4f, %.4f]%s", w.approach(), w.metric(),
                w.margin(), w.low(), w.high(), w.proxy() ? ", offline proxy" : ""),
            effects, "Measured by bench on " + w.source() + ": on the '" + w.slice() + "' slice " + w.approach()
                + " beats the others beyond noise" + (w.proxy() ? " (an offline proxy, so it weighs less)" : "") + "."));
      }
    }
    Map<String, Integer> sums = new LinkedHashMap<>();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (String id : framework.approachIds()) {
      int sum = framework.scoring().baseline().getOrDefault(id, 0);
      for (Driver d : drivers) {
        sum += d.on(id);
      }
      sums.put(id, sum);
      scores.put(id, Math.max(0, Math.min(100, sum)));
    }
    return new Tally(facts, drivers, fired, excluded, sums, scores, signal);
  }

  /** The highest score among approaches not excluded; ties go to the framework's first approach. */
  String best(Framework framework, boolean eligibleOnly) {
    String best = framework.scoring().foundation();
    int bestScore = Integer.MIN_VALUE;
    for (Map.Entry<String, Integer> e : scores.entrySet()) {
      if ((!eligibleOnly || !excluded.contains(e.getKey())) && e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    return best;
  }

  /** Whether the answers say too little to follow the scores (below the framework's minimum signal). */
  boolean weak(Framework framework) {
    return signal < framework.scoring().signal().minimum();
  }

  /**
   * The recommendation: the best eligible approach, or the foundation when the signal is weak
   * (the framework's default order: a RAG foundation first).
   */
  String approach(Framework framework) {
    return weak(framework) ? framework.scoring().foundation() : best(framework, true);
  }

  int score(String approach) {
    return scores.getOrDefault(approach, 0);
  }

  private static int spread(Map<String, Integer> effects) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int v : effects.values()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return effects.isEmpty() ? 0 : max - min;
  }

  private static Driver answerDriver(Question q, Answer a, Facts facts) {
    if (q instanceof Question.ChoiceQuestion cq) {
      Choice c = cq.choice(a.value()).orElseThrow();
      return new Driver("questions." + q.id() + ".choices." + c.id(), q.id(), c.id(), c.effects().points(), c.reason());
    }
    Question.NumberQuestion nq = (Question.NumberQuestion) q;
    long n = ((Answer.NumberAnswer) a).number();
    long floor = nq.floor().of(facts);
    Effects effects = nq.scale().effects(n, floor);
    return new Driver("questions." + q.id() + "." + nq.scale().rule(n, floor), q.id(), a.value(), effects.points(),
        nq.scale().reason(n, floor));
  }

  /** The answer a condition tested, as drivers show it; for evidence, what the estimate said. */
  private static String given(Condition c, Facts facts) {
    if (c instanceof Condition.Estimated o) {
      return o.key().equals(Condition.LATENCY_BUDGET) ? facts.estimate().describeLatency(o.approaches())
          : facts.estimate().describeCost(o.approaches());
    }
    Optional<Answer> a = facts.answers().get(c.question());
    return a.isPresent() ? a.get().value() : "";
  }
}
