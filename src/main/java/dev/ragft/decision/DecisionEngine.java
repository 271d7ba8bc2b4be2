package dev.ragft.decision;

import dev.ragft.framework.Condition;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Question;
import dev.ragft.framework.Rule;
import dev.ragft.framework.Scoring;
import dev.ragft.framework.Situation;
import dev.ragft.framework.WarningRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure decision engine: a framework, a set of answers and the evidence about them in, an
 * {@link Assessment} out. No files, no clock, no randomness; the same input gives the same
 * output. All judgement comes from the framework: {@link Tally} adds up, {@link WhatIfSearch}
 * looks for what would change the advice, {@link Wording} fills the framework's texts, and this
 * class puts the verdict together.
 */
public final class DecisionEngine {
  private final Framework framework;
  private final Wording wording;
  private final WhatIfSearch search;

  public DecisionEngine(Framework framework) {
    this.framework = framework;
    this.wording = new Wording(framework);
    this.search = new WhatIfSearch(framework);
  }

  /**
   * Assesses answers that fit the framework (every required question answered with a known
   * choice or a non-negative number); throws IllegalArgumentException otherwise, since readers
   * validate answers with locations before they get here.
   */
  public Assessment assess(Answers answers) {
    return assess(answers, Evidence.NONE);
  }

  /** As {@link #assess(Answers)}, with evidence (cost-model estimates, measurements) the rules may weigh. */
  public Assessment assess(Answers answers, Evidence evidence) {
    return assess(answers, evidence, true);
  }

  /**
   * As {@link #assess(Answers, Evidence)}; without {@code whatIf} the what-if search, by far the
   * costliest part, is skipped and {@link Assessment#whatIf()} is empty, unless the verdict is a
   * close call, whose warning names what would decide it.
   */
  public Assessment assess(Answers answers, Evidence evidence, boolean whatIf) {
    checkFits(answers);
    Facts facts = facts(answers, evidence);
    Tally t = Tally.of(framework, facts);
    Scoring scoring = framework.scoring();
    String highest = t.best(framework, false);
    String eligible = t.best(framework, true);
    boolean fallback = t.weak(framework) && !eligible.equals(scoring.foundation());
    String approach = fallback ? scoring.foundation() : eligible;
    List<String> close = fallback ? List.of() : closeTo(t, approach);
    List<WhatIf> whatIfs = whatIf || !close.isEmpty() ? whatIfs(facts, approach) : List.of();

    List<Warning> warnings = new ArrayList<>();
    List<Phase> rollout = new ArrayList<>();
    for (Phase p : framework.rollouts().getOrDefault(approach, List.of())) {
      rollout.add(phase(p, List.of(), facts));
    }
    List<Gate> gates = new ArrayList<>();
    for (Rule rule : t.fired()) {
      String reason = wording.fill(rule.reason(), rule.when(), facts);
      if (!rule.excludes().isEmpty()) {
        gates.add(new Gate(rule.id(), rule.excludes(), reason));
      }
      boolean overrode = rule.excludes().contains(highest) && !highest.equals(approach);
      if (overrode && !rule.warning().isEmpty()) {
        // A gate overrode the highest score: the reader must know what the answers pointed to.
        warnings.add(new Warning(rule.id(), wording.fill(rule.warning(), rule.when(), facts)));
      }
      if (overrode || closingGapChangesApproach(rule, facts, approach)) {
        for (Phase p : rule.laterPhases()) {
          rollout.add(phase(p, rule.when(), facts));
        }
      }
    }
    if (fallback) {
      warnings.add(new Warning("weak-signal", Wording.fill(scoring.signal().message(), Map.of(
          "approach", framework.approachName(approach), "highest", framework.approachName(eligible),
          "signal", Integer.toString(t.signal()), "minimum", Integer.toString(scoring.signal().minimum())))));
    }
    if (!close.isEmpty()) {
      warnings.add(new Warning("close-call", closeCallMessage(t, approach, close.get(0), whatIfs)));
    }
    for (WarningRule w : framework.warnings()) {
      if (w.matches(facts)) {
        warnings.add(new Warning(w.id(), wording.fill(w.message(), w.when(), facts)));
      }
    }
    List<Situation> situations = new ArrayList<>();
    for (Situation x : framework.situations()) {
      if (x.matches(facts)) {
        situations.add(x);
      }
    }
    List<Driver> drivers = new ArrayList<>();
    for (Driver d : t.drivers()) {
      drivers.add(new Driver(d.rule(), d.question(), d.answer(), d.effects(), fillReason(d, facts)));
    }
    // Largest first; the framework's own order breaks ties, so the output is stable.
    drivers.sort((x, y) -> Integer.compare(y.magnitude(), x.magnitude()));
    return new Assessment(
        framework.id(),
        framework.version(),
        answers,
        approach,
        highest,
        t.scores(),
        baselineInOrder(),
        t.sums(),
        confidence(t, approach),
        t.signal(),
        close,
        drivers,
        gates,
        warnings,
        situations,
        framework.stacks().getOrDefault(approach, List.of()),
        rollout,
        whatIf ? whatIfs : List.of());
  }

  /** The scores alone, without the reasons and what-ifs; cheap enough to call in bulk. */
  public Map<String, Integer> scores(Answers answers) {
    checkFits(answers);
    return Tally.of(framework, facts(answers, Evidence.NONE)).scores();
  }

  /** Only the recommended approach, by the same arithmetic as {@link #assess}. */
  String approach(Answers answers, Evidence evidence) {
    return Tally.of(framework, facts(answers, evidence)).approach(framework);
  }

  /**
   * The smallest increase of a number answer (training pairs, say) that would change the
   * recommendation, and the approach it would lead to; the roadmap's waiting list uses it.
   */
  public Optional<WhatIf> smallestIncrease(Answers answers, Evidence evidence, String questionId) {
    checkFits(answers);
    Facts facts = facts(answers, evidence);
    return search.smallestIncrease(facts, questionId)
        .map(f -> wording.whatIf(answers, f.changes(), f.approach()));
  }

  private Facts facts(Answers answers, Evidence evidence) {
    return Facts.of(answers, evidence, framework.scoring().cheaperBy());
  }

  private List<WhatIf> whatIfs(Facts facts, String approach) {
    List<WhatIf> out = new ArrayList<>();
    for (WhatIfSearch.Found f : search.search(facts, approach)) {
      out.add(wording.whatIf(facts.answers(), f.changes(), f.approach()));
    }
    return out;
  }

  /** Eligible approaches whose score is within the framework's close-call margin of the recommendation. */
  private List<String> closeTo(Tally t, String approach) {
    int margin = framework.scoring().closeCall().margin();
    List<String> out = new ArrayList<>();
    for (String id : framework.approachIds()) {
      if (!id.equals(approach) && !t.excluded().contains(id) && t.score(approach) - t.score(id) < margin) {
        out.add(id);
      }
    }
    return out;
  }

  private String closeCallMessage(Tally t, String approach, String runnerUp, List<WhatIf> whatIfs) {
    String decide = "";
    for (WhatIf w : whatIfs) {
      if (w.approach().equals(runnerUp)) {
        decide = w.summary();
        break;
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("approach", framework.approachName(approach));
    values.put("score", Integer.toString(t.score(approach)));
    values.put("runnerUp", framework.approachName(runnerUp));
    values.put("runnerUpScore", Integer.toString(t.score(runnerUp)));
    values.put("margin", Integer.toString(framework.scoring().closeCall().margin()));
    values.put("decide", decide.isEmpty() ? "no single change of answers decides it" : decide);
    return Wording.fill(framework.scoring().closeCall().message(), values);
  }

  /**
   * A phase as the plan shows it: texts filled, and a phase that collects training pairs made as
   * long as the use case's volume needs to yield the shortfall at the roadmap's approval rate.
   */
  private Phase phase(Phase p, List<Condition> when, Facts facts) {
    int weeks = p.weeks();
    if (!p.collects().isEmpty()) {
      long shortfall = 0;
      for (Condition c : when) {
        if (c instanceof Condition.FloorRelative f && f.below()) {
          shortfall = f.shortfall(facts);
        } else if (c instanceof Condition.NumberIn n && n.below() != Long.MAX_VALUE) {
          shortfall = Math.max(0, n.below() - facts.answers().number(n.question()).orElse(0));
        }
      }
      weeks += collectionWeeks(shortfall, facts);
    }
    return new Phase(p.id(), wording.fill(p.name(), when, facts), weeks, wording.fill(p.goal(), when, facts),
        wording.fill(p.exitCriteria(), when, facts), wording.fill(p.gateMetric(), when, facts), p.collects());
  }

  /** Weeks to collect {@code pairs} approved outputs: volume a day x approval rate x 7; 0 when the volume is unknown. */
  private int collectionWeeks(long pairs, Facts facts) {
    long volume = facts.answers().number("volume").orElse(0);
    double perWeek = volume * 7.0 * framework.roadmap().approvalRate();
    if (pairs <= 0 || perWeek <= 0) {
      return 0;
    }
    return (int) Math.min(520, Math.ceil(pairs / perWeek));
  }

  private String fillReason(Driver d, Facts facts) {
    if (d.rule().startsWith("rules.")) {
      String id = d.rule().substring("rules.".length());
      for (Rule r : framework.rules()) {
        if (r.id().equals(id)) {
          return wording.fill(d.reason(), r.when(), facts);
        }
      }
    }
    return wording.fill(d.reason(), List.of(), facts);
  }

  /**
   * Whether meeting a gate's numeric threshold (say, the pairs a task needs) would make an
   * approach it excludes the recommendation: then the plan includes getting there.
   */
  private boolean closingGapChangesApproach(Rule rule, Facts facts, String approach) {
    Facts closed = facts;
    boolean any = false;
    for (Condition c : rule.when()) {
      if (c instanceof Condition.NumberIn n && n.below() != Long.MAX_VALUE) {
        closed = closed.with(n.question(), new Answer.NumberAnswer(n.below()));
        any = true;
      } else if (c instanceof Condition.FloorRelative f && f.below()) {
        closed = closed.with(f.question(), new Answer.NumberAnswer(f.floor().of(facts)));
        any = true;
      }
    }
    return any && rule.excludes().contains(Tally.of(framework, closed).approach(framework));
  }

  private Map<String, Integer> baselineInOrder() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String id : framework.approachIds()) {
      out.put(id, framework.scoring().baseline().getOrDefault(id, 0));
    }
    return out;
  }

  /**
   * The lead over the runner-up as a share of the full-confidence margin, times the signal as a
   * share of the full signal: a wide lead built on answers that say little is not a sure thing.
   */
  private double confidence(Tally t, String approach) {
    int runnerUp = Integer.MIN_VALUE;
    for (Map.Entry<String, Integer> e : t.scores().entrySet()) {
      if (!e.getKey().equals(approach)) {
        runnerUp = Math.max(runnerUp, e.getValue());
      }
    }
    double lead = runnerUp == Integer.MIN_VALUE ? 1
        : (t.score(approach) - runnerUp) / (double) framework.scoring().fullConfidenceMargin();
    int full = framework.scoring().signal().full();
    double signal = full <= 0 ? 1 : Math.min(1, t.signal() / (double) full);
    double c = Math.max(0, Math.min(1, lead)) * signal;
    return Math.round(c * 100) / 100.0;
  }

  private void checkFits(Answers answers) {
    for (Question q : framework.questions()) {
      Optional<Answer> a = answers.get(q.id());
      if (a.isEmpty()) {
        if (q.required()) {
          throw new IllegalArgumentException("missing answer to required question " + q.id());
        }
        continue;
      }
      boolean fits = q instanceof Question.ChoiceQuestion cq
          ? a.get() instanceof Answer.ChoiceAnswer c && cq.choice(c.id()).isPresent()
          : a.get() instanceof Answer.NumberAnswer;
      if (!fits) {
        throw new IllegalArgumentException("answer '" + a.get().value() + "' does not fit question " + q.id());
      }
    }
    for (String id : answers.values().keySet()) {
      if (framework.question(id).isEmpty()) {
        throw new IllegalArgumentException("answer to unknown question " + id);
      }
    }
  }
}
