package dev.ragft.advice;

import dev.ragft.cost.CostEstimate;
import dev.ragft.decision.Grouped;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Framework;
import dev.ragft.report.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cost figures say about a recommendation that the scores alone do not: it is expected
 * over the latency budget (and what would fit), it costs clearly more than an alternative over
 * 12 months (and from what volume it would not), or it does not pay for itself within the
 * framework's horizon. The thresholds are the framework's ({@code scoring.cheaperBy}, {@code
 * scoring.paybackHorizonMonths}); the figures are the estimate's.
 */
final class CostWarnings {
  private final Framework framework;
  private final CostEstimate e;

  CostWarnings(Framework framework, CostEstimate estimate) {
    this.framework = framework;
    this.e = estimate;
  }

  /** The warnings about the recommended approach; approaches a gate excludes are no alternative now. */
  List<Warning> about(dev.ragft.decision.Assessment a) {
    java.util.Set<String> excluded = new java.util.HashSet<>();
    a.gates().forEach(g -> excluded.addAll(g.excludes()));
    List<Warning> out = new ArrayList<>();
    overBudget(a.approach()).ifPresent(out::add);
    costsMore(a.approach(), excluded).ifPresent(out::add);
    payback(a.approach()).ifPresent(out::add);
    return out;
  }

  private String name(String approach) {
    return framework.approachName(approach);
  }

  private String money(BigDecimal amount) {
    return Money.format(e.currency(), amount);
  }

  private java.util.Optional<Warning> overBudget(String approach) {
    CostEstimate.ApproachCost c = e.of(approach);
    if (!c.overBudget()) {
      return java.util.Optional.empty();
    }
    String budget = Grouped.of(e.budgetMs()) + " ms " + (e.budgetStated() ? "budget (latency-budget-ms)"
        : "budget for " + e.latencyAnswer() + " answers");
    StringBuilder b = new StringBuilder(name(approach) + " is expected at " + Grouped.of(c.latencyMs())
        + " ms to first token, over this use case's " + budget + ". ");
    if (c.remedies().isEmpty()) {
      b.append("Nothing in the price file fits: measure the real path early (ragft bench) or revisit the budget.");
    } else {
      List<String> fits = new ArrayList<>();
      for (CostEstimate.Remedy r : c.remedies()) {
        fits.add(r.change() + " (about " + Grouped.of(r.latencyMs()) + " ms)");
      }
      b.append("What would fit: ").append(String.join("; ", fits)).append('.');
    }
    return java.util.Optional.of(new Warning("over-latency-budget", b.toString()));
  }

  private java.util.Optional<Warning> costsMore(String approach, java.util.Set<String> excluded) {
    if (!e.volumeKnown()) {
      return java.util.Optional.empty();
    }
    CostEstimate.ApproachCost mine = e.of(approach);
    CostEstimate.ApproachCost cheapest = mine;
    for (CostEstimate.ApproachCost c : e.approaches()) {
      if (!excluded.contains(c.approach()) && c.twelveMonth().compareTo(cheapest.twelveMonth()) < 0) {
        cheapest = c;
      }
    }
    BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(framework.scoring().cheaperBy()));
    if (cheapest == mine || cheapest.twelveMonth().compareTo(mine.twelveMonth().multiply(keep)) > 0) {
      return java.util.Optional.empty();
    }
    String times = cheapest.twelveMonth().signum() == 0 ? ""
        : ", " + mine.twelveMonth().divide(cheapest.twelveMonth(), 1, RoundingMode.HALF_UP).toPlainString() + " times";
    CostEstimate.BreakEven be = e.breakEven(approach, cheapest.approach());
    String when = be instanceof CostEstimate.BreakEven.At at
        ? "it costs less only from " + Grouped.of(at.requestsPerDay()) + " requests a day (now " + Grouped.of(e.volumePerDay()) + ")"
        : "it never costs less, since it costs no less per request";
    return java.util.Optional.of(new Warning("costs-more", "Over 12 months " + name(approach) + " costs "
        + money(mine.twelveMonth()) + times + " " + name(cheapest.approach()) + "'s " + money(cheapest.twelveMonth())
        + " at " + Grouped.of(e.volumePerDay()) + " requests a day; " + when
        + ". Weigh what it adds against that difference."));
  }

  private java.util.Optional<Warning> payback(String approach) {
    CostEstimate.ApproachCost mine = e.of(approach);
    int horizon = framework.scoring().paybackHorizonMonths();
    if (mine.payback() instanceof CostEstimate.Payback.Unknown || horizon <= 0) {
      return java.util.Optional.empty();
    }
    boolean never = mine.payback() instanceof CostEstimate.Payback.Never;
    if (!never && ((CostEstimate.Payback.Months) mine.payback()).months().compareTo(BigDecimal.valueOf(horizon)) <= 0) {
      return java.util.Optional.empty();
    }
    String what = never
        ? name(approach) + " does not pay for itself: " + money(e.monthlyValue()) + " of value a month does not cover its "
            + money(mine.monthly()) + " run cost and retraining"
        : name(approach) + " pays for itself in " + ((CostEstimate.Payback.Months) mine.payback()).months().toPlainString()
            + " months, beyond the framework's " + horizon + "-month horizon";
    List<String> within = new ArrayList<>();
    for (CostEstimate.ApproachCost c : e.approaches()) {
      if (c.payback() instanceof CostEstimate.Payback.Months m && m.months().compareTo(BigDecimal.valueOf(horizon)) <= 0) {
        within.add(name(c.approach()) + " (" + m.months().toPlainString() + " months)");
      }
    }
    return java.util.Optional.of(new Warning("slow-payback", what + (within.isEmpty() ? "." : "; within it: "
        + String.join(", ", within) + ".")));
  }
}
