package dev.ragft.report.gate;

import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.Costs;
import dev.ragft.decision.Assessment;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Rule;
import dev.ragft.framework.WarningRule;
import dev.ragft.report.ScoredUseCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check a consultant gates a portfolio on in CI ({@code score --gate EXPR}), applied to each
 * scored use case. The forms:
 *
 * <ul>
 *   <li>{@code confidence>=0.4}: compared at the two decimals reports print;
 *   <li>{@code score.rag>=60}, {@code score.fine-tune<50}: an approach's score, 0 to 100;
 *   <li>{@code monthly-cost<=5000}: the recommended approach's monthly cost in the price file's
 *       currency; unknown (no volume, no price file) is reported as skipped, never as 0;
 *   <li>{@code wave<=2}: the roadmap wave the use case lands in;
 *   <li>{@code approach=rag,hybrid} / {@code approach!=fine-tune}: the recommended approach is (not) one of these;
 *   <li>{@code no-warnings}, {@code no-warning=retraining-cadence}: no warning at all, or not that one;
 *   <li>{@code ungated}: the recommended start is the highest-scoring approach (no gate held it back);
 *   <li>{@code within-latency-budget}: the recommended approach's first token is within the use
 *       case's latency budget (skipped without a price file).
 * </ul>
 *
 * Comparisons take {@code >= > <= < = !=}.
 */
public sealed interface UseCaseGate {
  /** The gate as the user wrote it, normalised (no spaces): the JUnit test case names it. */
  String text();

  Verdict check(ScoredUseCase s);

  /** The forms, for messages and help. */
  String FORMS = "confidence>=0.4, score.APPROACH>=N, monthly-cost<=AMOUNT, wave<=N, approach=ID[,ID...], "
      + "approach!=ID[,ID...], no-warnings, no-warning=ID, ungated, within-latency-budget";

  /** What a gate found for one use case. */
  sealed interface Verdict {
    String message();
  }

  record Pass(String message) implements Verdict {}

  record Fail(String message) implements Verdict {}

  /** The figure the gate checks is not known for this use case: shown as skipped, neither passed nor failed. */
  record Unknown(String message) implements Verdict {}

  /** Comparison operators, longest first so {@code >=} is not read as {@code >}. */
  enum Op {
    GE(">="), LE("<="), NE("!="), GT(">"), LT("<"), EQ("=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(double actual, double threshold) {
      return switch (this) {
        case GE -> actual >= threshold;
        case LE -> actual <= threshold;
        case NE -> actual != threshold;
        case GT -> actual > threshold;
        case LT -> actual < threshold;
        case EQ -> actual == threshold;
      };
    }
  }

  /** A number of the use case against a threshold. */
  record Compare(String text, String metric, Op op, double threshold) implements UseCaseGate {
    public Compare {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(op, "op");
    }

    @Override
    public Verdict check(ScoredUseCase s) {
      Assessment a = s.assessment();
      double actual;
      String shown;
      double limit = threshold;
      if (metric.equals("confidence")) {
        // At the precision every report prints, so a gate never disagrees with what the reader sees.
        actual = Math.round(a.confidence() * 100) / 100.0;
        limit = Math.round(threshold * 100) / 100.0;
        shown = String.format(Locale.ROOT, "%.2f", actual);
      } else if (metric.startsWith("score.")) {
        actual = a.score(metric.substring("score.".length()));
        shown = Integer.toString((int) actual);
      } else if (metric.equals("wave")) {
        actual = s.placement().number();
        shown = Integer.toString((int) actual);
      } else {
        if (!(s.recommendation().costs() instanceof Costs.Estimated e) || !e.estimate().volumeKnown()) {
          return new Unknown(metric + " unknown: " + (s.recommendation().costs() instanceof Costs.Estimated
              ? "the use case gives no volume" : "no price file applies"));
        }
        CostEstimate est = e.estimate();
        actual = est.of(a.approach()).monthly().setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
        shown = String.format(Locale.ROOT, "%.2f %s", actual, est.currency());
      }
      String message = metric + " = " + shown + (op.holds(actual, limit) ? "" : ", expected " + op.symbol + " "
          + number(threshold));
      return op.holds(actual, limit) ? new Pass(message) : new Fail(message);
    }
  }

  /** The recommended approach is ({@code negate} false) or is not one of {@code approaches}. */
  record ApproachIs(String text, boolean negate, Set<String> approaches) implements UseCaseGate {
    public ApproachIs {
      Objects.requireNonNull(text, "text");
      approaches = Set.copyOf(approaches);
    }

    @Override
    public Verdict check(ScoredUseCase s) {
      String approach = s.assessment().approach();
      boolean in = approaches.contains(approach);
      String message = "approach = " + approach;
      return in != negate ? new Pass(message) : new Fail(message + ", expected " + text);
    }
  }

  /** No warning at all (empty {@code id}), or not the warning {@code id}. */
  record NoWarning(String text, String id) implements UseCaseGate {
    public NoWarning {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Verdict check(ScoredUseCase s) {
      List<String> found = s.assessment().warnings().stream().map(w -> w.id())
          .filter(w -> id.isEmpty() || w.equals(id)).toList();
      if (found.isEmpty()) {
        return new Pass(id.isEmpty() ? "no warnings" : "no warning " + id);
      }
      return new Fail("warned: " + String.join(", ", found) + " ("
          + s.assessment().warnings().stream().filter(w -> found.contains(w.id())).map(w -> w.message()).findFirst().orElse("")
          + ")");
    }
  }

  /** The recommended start is the approach that scores highest. */
  record Ungated(String text) implements UseCaseGate {
    @Override
    public Verdict check(ScoredUseCase s) {
      Assessment a = s.assessment();
      return a.approach().equals(a.highestScoring()) ? new Pass("starts on the highest-scoring approach, " + a.approach())
          : new Fail("starts on " + a.approach() + " although " + a.highestScoring() + " scores highest (a framework gate)");
    }
  }

  /** The recommended approach's expected first token is within the use case's latency budget. */
  record WithinLatencyBudget(String text) implements UseCaseGate {
    @Override
    public Verdict check(ScoredUseCase s) {
      if (!(s.recommendation().costs() instanceof Costs.Estimated e)) {
        return new Unknown("latency unknown: no price file applies");
      }
      CostEstimate.ApproachCost c = e.estimate().of(s.assessment().approach());
      String budget = e.estimate().budgetMs() == Long.MAX_VALUE ? "no budget" : "budget " + e.estimate().budgetMs() + " ms";
      String message = s.assessment().approach() + " first token " + c.latencyMs() + " ms, " + budget;
      return c.overBudget() ? new Fail(message) : new Pass(message);
    }
  }

  /**
   * Reads one {@code --gate} expression for {@code f}'s approaches and warnings.
   *
   * @throws IllegalArgumentException with a message that quotes the expression and lists the valid forms or ids
   */
  static UseCaseGate parse(String expression, Framework f) {
    String text = expression.replace(" ", "");
    switch (text) {
      case "no-warnings":
        return new NoWarning(text, "");
      case "ungated":
        return new Ungated(text);
      case "within-latency-budget":
        return new WithinLatencyBudget(text);
      default:
        break;
    }
    Matcher m = Pattern.compile("([a-z][a-z0-9.-]*)(>=|<=|!=|>|<|=)(.+)").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + expression + "' is not a gate; expected one of " + FORMS);
    }
    String left = m.group(1);
    String op = m.group(2);
    String right = m.group(3);
    if (left.equals("approach")) {
      if (!op.equals("=") && !op.equals("!=")) {
        throw new IllegalArgumentException("'" + expression + "': approach takes = or !=");
      }
      Set<String> ids = new LinkedHashSet<>(List.of(right.split(",")));
      for (String id : ids) {
        if (!f.approachIds().contains(id)) {
          throw new IllegalArgumentException("'" + expression + "': unknown approach '" + id + "'; expected one of "
              + String.join(", ", f.approachIds()));
        }
      }
      return new ApproachIs(text, op.equals("!="), ids);
    }
    if (left.equals("no-warning")) {
      Set<String> known = new LinkedHashSet<>();
      f.warnings().stream().map(WarningRule::id).forEach(known::add);
      f.rules().stream().map(Rule::id).forEach(known::add);
      if (!op.equals("=") || !known.contains(right)) {
        throw new IllegalArgumentException("'" + expression + "': expected no-warning=ID with an ID of "
            + String.join(", ", new ArrayList<>(known)));
      }
      return new NoWarning(text, right);
    }
    boolean known = left.equals("confidence") || left.equals("monthly-cost") || left.equals("wave")
        || (left.startsWith("score.") && f.approachIds().contains(left.substring("score.".length())));
    if (!known) {
      String hint = left.startsWith("score.") ? "; approaches: " + String.join(", ", f.approachIds()) : "";
      throw new IllegalArgumentException("'" + expression + "': unknown gate '" + left + "'; expected one of " + FORMS + hint);
    }
    double threshold;
    try {
      threshold = Double.parseDouble(right);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + expression + "': '" + right + "' is not a number");
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("'" + expression + "': '" + right + "' is not a finite number");
    }
    Op o = java.util.Arrays.stream(Op.values()).filter(x -> x.symbol.equals(op)).findFirst().orElseThrow();
    return new Compare(text, left, o, threshold);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
