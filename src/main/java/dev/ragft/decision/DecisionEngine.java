package dev.ragft.decision;

import dev.ragft.framework.Band;
import dev.ragft.framework.Choice;
import dev.ragft.framework.Condition;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Question;
import dev.ragft.framework.Rule;
import dev.ragft.framework.Situation;
import dev.ragft.framework.WarningRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pure decision engine: a framework and a set of answers in, an {@link Assessment} out. No
 * files, no clock, no randomness; the same input gives the same output. All judgement comes
 * from the framework; this class only adds up, compares and fills in texts.
 */
public final class DecisionEngine {
  /**
   * Two-answer changes can run to dozens; past this many the list stops helping a reader, so
   * the first ones in question order are kept.
   */
  private static final int MAX_WHAT_IFS = 8;

  private final Framework framework;
  /** framework.approachIds(), which builds a new list each call; approach() runs hundreds of times. */
  private final List<String> approachIds;
  /**
   * The framework's points as arrays by approach position, for approach(): the baseline, each
   * question's choices (by choice id) or bands (by band position), and each rule's points and
   * excluded approaches. What-if re-scores hundreds of times per assessment, mostly before the JIT
   * has compiled anything, so the maps are read once here.
   */
  private final int[] baseline;
  private final List<Map<String, int[]>> choicePoints = new ArrayList<>();
  private final List<int[][]> bandPoints = new ArrayList<>();
  private final List<int[]> rulePoints = new ArrayList<>();
  private final List<boolean[]> ruleExcludes = new ArrayList<>();

  public DecisionEngine(Framework framework) {
    this.framework = framework;
    this.approachIds = framework.approachIds();
    this.baseline = points(framework.scoring().baseline());
    for (Question q : framework.questions()) {
      Map<String, int[]> choices = new java.util.HashMap<>();
      int[][] bands = new int[0][];
      if (q instanceof Question.ChoiceQuestion cq) {
        for (Choice c : cq.choices()) {
          choices.put(c.id(), points(c.effects().points()));
        }
      } else {
        List<Band> all = ((Question.NumberQuestion) q).bands();
        bands = new int[all.size()][];
        for (int i = 0; i < bands.length; i++) {
          bands[i] = points(all.get(i).effects().points());
        }
      }
      choicePoints.add(choices);
      bandPoints.add(bands);
    }
    for (Rule rule : framework.rules()) {
      rulePoints.add(points(rule.effects().points()));
      boolean[] excludes = new boolean[approachIds.size()];
      for (int i = 0; i < excludes.length; i++) {
        excludes[i] = rule.excludes().contains(approachIds.get(i));
      }
      ruleExcludes.add(excludes);
    }
  }

  /** Points by approach id as an array by approach position; an approach not named gets 0. */
  private int[] points(Map<String, Integer> byId) {
    int[] out = new int[approachIds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = byId.getOrDefault(approachIds.get(i), 0);
    }
    return out;
  }

  /**
   * Assesses answers that fit the framework (every required question answered with a known
   * choice or a non-negative number); throws IllegalArgumentException otherwise, since readers
   * validate answers with locations before they get here.
   */
  public Assessment assess(Answers answers) {
    return assess(answers, Evidence.NONE);
  }

  /** As {@link #assess(Answers)}, with cost-model evidence the framework's rules may weigh. */
  public Assessment assess(Answers answers, Evidence evidence) {
    return assess(answers, evidence, true);
  }

  /**
   * As {@link #assess(Answers, Evidence)}; without {@code whatIf} the what-if search, by far the
   * costliest part (hundreds of re-scorings), is skipped and {@link Assessment#whatIf()} is empty.
   * Batch scoring uses this for reports that do not show what-ifs.
   */
  public Assessment assess(Answers answers, Evidence evidence, boolean whatIf) {
    checkFits(answers);
    return assess(new Facts(answers, evidence), whatIf);
  }

  /** Answers plus evidence, as the lookup rules test against; what-if varies the answers only. */
  private record Facts(Answers answers, Evidence evidence) implements Condition.AnswerLookup {
    @Override
    public Optional<String> choice(String questionId) {
      return answers.choice(questionId);
    }

    @Override
    public java.util.OptionalLong number(String questionId) {
      return answers.number(questionId);
    }

    @Override
    public boolean overLatencyBudget(String approach) {
      return evidence.overBudget(approach, answers.choice(evidence.question()));
    }

    Facts with(String questionId, Answer answer) {
      return new Facts(answers.with(questionId, answer), evidence);
    }
  }

  private Assessment assess(Facts facts, boolean whatIf) {
    Answers answers = facts.answers();
    Scored s = score(facts);
    List<Warning> warnings = new ArrayList<>();
    List<Phase> rollout = new ArrayList<>(framework.rollouts().getOrDefault(s.approach, List.of()));
    for (Rule rule : s.firedRules) {
      boolean overrode = rule.excludes().contains(s.unGatedWinner) && !s.unGatedWinner.equals(s.approach);
      if (overrode && !rule.warning().isEmpty()) {
        // A gate overrode the highest score: the reader must know what the answers pointed to.
        warnings.add(new Warning(rule.id(), fill(rule.warning(), rule.when(), answers)));
      }
      if (overrode || closingGapChangesApproach(rule, facts)) {
        for (Phase p : rule.laterPhases()) {
          rollout.add(new Phase(p.id(), fill(p.name(), rule.when(), answers), p.weeks(),
              fill(p.goal(), rule.when(), answers), fill(p.exitCriteria(), rule.when(), answers),
              fill(p.gateMetric(), rule.when(), answers)));
        }
      }
    }
    for (WarningRule w : framework.warnings()) {
      if (w.matches(facts)) {
        warnings.add(new Warning(w.id(), fill(w.message(), w.when(), answers)));
      }
    }
    List<Situation> situations = new ArrayList<>();
    for (Situation x : framework.situations()) {
      if (x.matches(facts)) {
        situations.add(x);
      }
    }
    return new Assessment(
        framework.id(),
        framework.version(),
        answers,
        s.approach,
        s.unGatedWinner,
        s.scores,
        baselineInOrder(),
        s.sums,
        confidence(s),
        s.drivers,
        s.gates,
        warnings,
        situations,
        framework.stacks().getOrDefault(s.approach, List.of()),
        rollout,
        whatIf ? whatIf(facts, s.approach) : List.of());
  }

  /**
   * Whether meeting a gate's numeric threshold (say, 1,000 pairs) would make an approach it
   * excludes the recommendation: then the plan includes getting there.
   */
  private boolean closingGapChangesApproach(Rule rule, Facts facts) {
    Facts closed = facts;
    boolean any = false;
    for (Condition c : rule.when()) {
      if (c instanceof Condition.NumberIn n && n.below() != Long.MAX_VALUE) {
        closed = closed.with(n.question(), new Answer.NumberAnswer(n.below()));
        any = true;
      }
    }
    return any && rule.excludes().contains(approach(closed));
  }

  private Map<String, Integer> baselineInOrder() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String id : approachIds) {
      out.put(id, framework.scoring().baseline().getOrDefault(id, 0));
    }
    return out;
  }

  /** The scores alone, without the reasons and what-ifs; cheap enough to call in bulk. */
  public Map<String, Integer> scores(Answers answers) {
    checkFits(answers);
    return score(new Facts(answers, Evidence.NONE)).scores;
  }

  /**
   * Only the recommended approach, by the same arithmetic as {@link #score} but without
   * building drivers and texts: what-if calls this hundreds of times per assessment.
   */
  String approach(Answers answers) {
    return approach(new Facts(answers, Evidence.NONE));
  }

  /** {@link #approach(Answers)} with the evidence an assessment was made with, for the roadmap. */
  String approach(Answers answers, Evidence evidence) {
    return approach(new Facts(answers, evidence));
  }

  private String approach(Facts facts) {
    // Arrays by approach position, not maps: see the constructor. Same arithmetic and tie-break
    // as score() and best().
    Map<String, Answer> answers = facts.answers().values();
    int[] sums = baseline.clone();
    boolean[] excluded = new boolean[sums.length];
    List<Question> questions = framework.questions();
    for (int q = 0; q < questions.size(); q++) {
      Answer a = answers.get(questions.get(q).id());
      if (a instanceof Answer.NumberAnswer n) {
        add(sums, bandPoints.get(q)[((Question.NumberQuestion) questions.get(q)).bandIndex(n.number())]);
      } else if (a != null) {
        add(sums, choicePoints.get(q).get(a.value()));
      }
    }
    List<Rule> rules = framework.rules();
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).matches(facts)) {
        add(sums, rulePoints.get(r));
        boolean[] excludes = ruleExcludes.get(r);
        for (int i = 0; i < excluded.length; i++) {
          excluded[i] |= excludes[i];
        }
      }
    }
    String best = framework.scoring().foundation();
    int bestScore = Integer.MIN_VALUE;
    for (int i = 0; i < sums.length; i++) {
      int score = Math.max(0, Math.min(100, sums[i]));
      if (!excluded[i] && score > bestScore) {
        best = approachIds.get(i);
        bestScore = score;
      }
    }
    return best;
  }

  /** The answer a condition tested, as drivers show it; for evidence, what the estimate said. */
  private static String given(Condition c, Facts facts) {
    if (c instanceof Condition.OverLatencyBudget o) {
      return facts.evidence().describe(o.approaches(), facts.answers().choice(facts.evidence().question()));
    }
    return value(facts.answers(), c.question());
  }

  /** The answer to a question as text, or "" when it is not answered. */
  private static String value(Answers answers, String questionId) {
    Optional<Answer> a = answers.get(questionId);
    return a.isPresent() ? a.get().value() : "";
  }

  private static void add(int[] sums, int[] points) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += points[i];
    }
  }

  private record Scored(
      Map<String, Integer> scores,
      Map<String, Integer> sums,
      List<Driver> drivers,
      List<Gate> gates,
      List<Rule> firedRules,
      String approach,
      String unGatedWinner) {}

  private Scored score(Facts facts) {
    Answers answers = facts.answers();
    List<String> ids = approachIds;
    List<Driver> drivers = new ArrayList<>();
    for (Question q : framework.questions()) {
      Optional<Answer> a = answers.get(q.id());
      if (a.isPresent()) {
        drivers.add(answerDriver(q, a.get()));
      }
    }
    List<Gate> gates = new ArrayList<>();
    List<Rule> fired = new ArrayList<>();
    Set<String> excluded = new LinkedHashSet<>();
    for (Rule rule : framework.rules()) {
      if (!rule.matches(facts)) {
        continue;
      }
      fired.add(rule);
      List<String> questions = new ArrayList<>();
      List<String> given = new ArrayList<>();
      for (Condition c : rule.when()) {
        questions.add(c.question());
        given.add(given(c, facts));
      }
      String reason = fill(rule.reason(), rule.when(), answers);
      if (!rule.effects().isZero()) {
        drivers.add(new Driver("rules." + rule.id(), String.join(", ", questions), String.join(", ", given),
            rule.effects().points(), reason));
      }
      if (!rule.excludes().isEmpty()) {
        gates.add(new Gate(rule.id(), rule.excludes(), reason));
        excluded.addAll(rule.excludes());
      }
    }
    // Largest first; the framework's own order breaks ties, so the output is stable. (One lambda,
    // not Comparator.comparingInt(...).reversed(), whose lambda the JDK spins at run time.)
    List<Driver> sorted = new ArrayList<>(drivers);
    sorted.sort((x, y) -> Integer.compare(y.magnitude(), x.magnitude()));
    Map<String, Integer> sums = new LinkedHashMap<>();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (String id : ids) {
      int sum = framework.scoring().baseline().getOrDefault(id, 0);
      for (Driver d : sorted) {
        sum += d.on(id);
      }
      sums.put(id, sum);
      scores.put(id, Math.max(0, Math.min(100, sum)));
    }
    String best = best(ids, scores, Set.of());
    String eligibleBest = best(ids, scores, excluded);
    return new Scored(scores, sums, sorted, gates, fired, eligibleBest, best);
  }

  /** The highest score among approaches not excluded; ties go to the framework's first approach. */
  private String best(List<String> ids, Map<String, Integer> scores, Set<String> excluded) {
    String best = framework.scoring().foundation();
    int bestScore = Integer.MIN_VALUE;
    for (String id : ids) {
      if (!excluded.contains(id) && scores.get(id) > bestScore) {
        best = id;
        bestScore = scores.get(id);
      }
    }
    return best;
  }

  private Driver answerDriver(Question q, Answer a) {
    if (q instanceof Question.ChoiceQuestion cq) {
      Choice c = cq.choice(a.value()).orElseThrow();
      return new Driver("questions." + q.id() + ".choices." + c.id(), q.id(), c.id(), c.effects().points(), c.reason());
    }
    Question.NumberQuestion nq = (Question.NumberQuestion) q;
    long n = ((Answer.NumberAnswer) a).number();
    int index = nq.bandIndex(n);
    Band b = nq.bands().get(index);
    return new Driver("questions." + q.id() + ".bands[" + index + "]", q.id(), a.value(), b.effects().points(), b.reason());
  }

  private double confidence(Scored s) {
    int chosen = s.scores.get(s.approach);
    int runnerUp = 0;
    boolean first = true;
    for (Map.Entry<String, Integer> e : s.scores.entrySet()) {
      if (!e.getKey().equals(s.approach) && (first || e.getValue() > runnerUp)) {
        runnerUp = e.getValue();
        first = false;
      }
    }
    double c = (chosen - runnerUp) / (double) framework.scoring().fullConfidenceMargin();
    c = Math.max(0, Math.min(1, c));
    return Math.round(c * 100) / 100.0;
  }

  private List<WhatIf> whatIf(Facts facts, String current) {
    Answers answers = facts.answers();
    List<Alternative> singles = new ArrayList<>();
    for (Question q : framework.questions()) {
      singles.addAll(alternatives(q, answers));
    }
    List<List<Alternative>> found = new ArrayList<>();
    for (Alternative alt : singles) {
      if (!approach(apply(facts, List.of(alt))).equals(current)) {
        found.add(List.of(alt));
      }
    }
    if (found.isEmpty()) {
      // No single change is enough: the smallest changes are pairs of answers to two questions.
      for (int i = 0; i < singles.size(); i++) {
        for (int j = i + 1; j < singles.size(); j++) {
          List<Alternative> pair = List.of(singles.get(i), singles.get(j));
          if (!pair.get(0).question.equals(pair.get(1).question) && !approach(apply(facts, pair)).equals(current)) {
            found.add(pair);
          }
        }
      }
    }
    List<WhatIf> out = new ArrayList<>();
    for (List<Alternative> changes : found) {
      boolean dominated = false;
      for (List<Alternative> other : found) {
        if (other != changes && smaller(other, changes, answers)) {
          dominated = true;
          break;
        }
      }
      if (!dominated && out.size() < MAX_WHAT_IFS) {
        out.add(whatIf(answers, changes, approach(apply(facts, changes))));
      }
    }
    return out;
  }

  private static Facts apply(Facts facts, List<Alternative> changes) {
    Facts a = facts;
    for (Alternative c : changes) {
      a = a.with(c.question, c.answer);
    }
    return a;
  }

  /**
   * Whether {@code a} asks for less than {@code b}: the same questions, the same choices, and
   * every number moved the same way but not as far (1,000 pairs is a smaller ask than 10,000).
   */
  private static boolean smaller(List<Alternative> a, List<Alternative> b, Answers answers) {
    if (a.size() != b.size()) {
      return false;
    }
    boolean strictly = false;
    for (int i = 0; i < a.size(); i++) {
      Alternative x = a.get(i);
      Alternative y = b.get(i);
      if (!x.question.equals(y.question)) {
        return false;
      }
      if (x.answer instanceof Answer.NumberAnswer nx && y.answer instanceof Answer.NumberAnswer ny) {
        long now = answers.number(x.question).orElse(0);
        long dx = nx.number() - now;
        long dy = ny.number() - now;
        if (Long.signum(dx) != Long.signum(dy) || Math.abs(dx) > Math.abs(dy)) {
          return false;
        }
        strictly |= Math.abs(dx) < Math.abs(dy);
      } else if (!x.answer.value().equals(y.answer.value())) {
        // Both are choices of one question here. Not the record's equals: its first call links an
        // invokedynamic bootstrap that costs ragft's start-up some 10 ms.
        return false;
      }
    }
    return strictly;
  }

  private record Alternative(String question, Answer answer, String phrase) {}

  /**
   * The other answers worth trying: every other choice, and for a number the nearest value in
   * each other band (its lower bound above the answer, its upper bound below it).
   */
  private List<Alternative> alternatives(Question q, Answers answers) {
    Optional<Answer> current = answers.get(q.id());
    List<Alternative> out = new ArrayList<>();
    if (q instanceof Question.ChoiceQuestion cq) {
      for (Choice c : cq.choices()) {
        if (current.isEmpty() || !current.get().value().equals(c.id())) {
          out.add(new Alternative(q.id(), new Answer.ChoiceAnswer(c.id()), q.label() + " were " + c.label()));
        }
      }
      return out;
    }
    Question.NumberQuestion nq = (Question.NumberQuestion) q;
    long now = current.isPresent() ? ((Answer.NumberAnswer) current.get()).number() : -1L;
    for (Band b : nq.bands()) {
      if (now >= 0 && b.contains(now)) {
        continue;
      }
      boolean up = now < b.atLeast();
      long value = up ? b.atLeast() : b.below() - 1;
      // "Training pairs were 1,000 or more", not "... or more pairs": the label already says it.
      boolean saysUnit = nq.unit().isEmpty() || q.label().toLowerCase(Locale.ROOT).contains(nq.unit().toLowerCase(Locale.ROOT));
      String unit = saysUnit ? "" : " " + nq.unit();
      String phrase = q.label() + " were " + (up ? grouped(value) + " or more" : grouped(value) + " or fewer") + unit;
      out.add(new Alternative(q.id(), new Answer.NumberAnswer(value), phrase));
    }
    return out;
  }

  private WhatIf whatIf(Answers answers, List<Alternative> alts, String approach) {
    // alts come from the question loop, so their order follows the framework.
    List<WhatIf.Change> changes = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (Alternative a : alts) {
      String from = value(answers, a.question);
      changes.add(new WhatIf.Change(a.question, from, a.answer.value()));
      phrases.add(a.phrase + (from.isEmpty() ? " (now not answered)" : " (now " + display(a.question, answers) + ")"));
    }
    String summary = "If " + String.join(" and ", phrases) + ", the recommendation would be "
        + framework.approachName(approach) + ".";
    return new WhatIf(changes, approach, summary);
  }

  private String display(String questionId, Answers answers) {
    Answer a = answers.get(questionId).orElseThrow();
    if (a instanceof Answer.NumberAnswer n) {
      return n.grouped();
    }
    Optional<Question> q = framework.question(questionId);
    if (q.isPresent() && q.get() instanceof Question.ChoiceQuestion cq) {
      Optional<Choice> c = cq.choice(a.value());
      if (c.isPresent()) {
        return c.get().label();
      }
    }
    return a.value();
  }

  /** Fills {question-id} with the answer as a reader says it, and {shortfall} with what is missing. */
  private String fill(String text, List<Condition> when, Answers answers) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    String out = text;
    for (Question q : framework.questions()) {
      String key = "{" + q.id() + "}";
      if (out.contains(key)) {
        Optional<Answer> a = answers.get(q.id());
        String value = a.isEmpty() ? "no"
            : a.get() instanceof Answer.NumberAnswer n ? n.grouped() : display(q.id(), answers).toLowerCase(Locale.ROOT);
        out = out.replace(key, value);
      }
    }
    for (Condition c : when) {
      if (c instanceof Condition.NumberIn n && n.below() != Long.MAX_VALUE && answers.number(n.question()).isPresent()) {
        out = out.replace("{shortfall}", grouped(n.below() - answers.number(n.question()).getAsLong()));
      }
    }
    return out;
  }

  private static String grouped(long n) {
    return Grouped.of(n);
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
