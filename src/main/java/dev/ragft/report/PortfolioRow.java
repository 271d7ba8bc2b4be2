package dev.ragft.report;

import dev.ragft.cost.Costs;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Driver;
import dev.ragft.decision.Placement;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Framework;
import java.util.List;

/**
 * What the human-readable portfolio reports show of one use case, kept instead of the whole
 * assessment while a report waits for the last use case: the top two drivers (as labels with
 * their points) and the warnings.
 */
record PortfolioRow(
    String id,
    String name,
    String description,
    String approach,
    String approachName,
    double confidence,
    List<String> drivers,
    List<Warning> warnings,
    Placement placement,
    String currency,
    boolean costKnown,
    java.math.BigDecimal monthlyCost,
    java.math.BigDecimal oneTime,
    java.math.BigDecimal twelveMonth,
    String payback) {
  /** How many drivers a portfolio row quotes: enough to say why, short enough for a table. */
  static final int DRIVERS = 2;

  PortfolioRow {
    drivers = List.copyOf(drivers);
    warnings = List.copyOf(warnings);
  }

  static PortfolioRow of(ScoredUseCase s, Framework f) {
    Assessment a = s.assessment();
    List<String> drivers = Narrative.topDrivers(a, DRIVERS).stream().map((Driver d) -> Narrative.driverWithPoints(d, a)).toList();
    Recommendation r = s.recommendation();
    boolean known = r.costs() instanceof Costs.Estimated e && e.estimate().volumeKnown();
    String currency = r.costs() instanceof Costs.Estimated e ? e.estimate().currency() : "";
    java.math.BigDecimal zero = java.math.BigDecimal.ZERO;
    dev.ragft.cost.CostEstimate.ApproachCost c = known ? ((Costs.Estimated) r.costs()).estimate().of(a.approach()) : null;
    String payback = c == null ? "" : paybackText(c.payback());
    return new PortfolioRow(r.id(), r.name(), r.description(), a.approach(),
        f.approachName(a.approach()), a.confidence(), drivers, a.warnings(), s.placement(), currency, known,
        c == null ? zero : c.monthly(), c == null ? zero : c.oneTime(), c == null ? zero : c.twelveMonth(), payback);
  }

  /** "2.5 months", "never", or "" when no value per request was given. */
  static String paybackText(dev.ragft.cost.CostEstimate.Payback p) {
    if (p instanceof dev.ragft.cost.CostEstimate.Payback.Months m) {
      return m.months().toPlainString() + " months";
    }
    return p instanceof dev.ragft.cost.CostEstimate.Payback.Never ? "never" : "";
  }

  /** The recommended approach's monthly cost at the use case's volume; "n/a" without a volume or prices. */
  String monthlyText() {
    return costKnown ? Money.format(currency, monthlyCost) : "n/a";
  }

  /**
   * "Recommended approaches: one-time $7,500, run $1,234 a month, $22,308 over 12 months (25 use
   * cases with a volume; 3 without, not counted); payback within 3 months for 4 of 6 with a value."
   */
  static String total(List<PortfolioRow> rows) {
    List<PortfolioRow> known = rows.stream().filter(PortfolioRow::costKnown).toList();
    if (known.isEmpty()) {
      return "Costs: n/a (no use case gives a volume, or no price file applies).";
    }
    java.math.BigDecimal monthly = java.math.BigDecimal.ZERO;
    java.math.BigDecimal oneTime = java.math.BigDecimal.ZERO;
    java.math.BigDecimal twelve = java.math.BigDecimal.ZERO;
    for (PortfolioRow r : known) {
      monthly = monthly.add(r.monthlyCost());
      oneTime = oneTime.add(r.oneTime());
      twelve = twelve.add(r.twelveMonth());
    }
    String cur = known.get(0).currency();
    int without = rows.size() - known.size();
    List<PortfolioRow> valued = known.stream().filter(r -> !r.payback().isEmpty()).toList();
    String payback = valued.isEmpty() ? "" : "; payback: " + String.join(", ", valued.stream()
        .map(r -> r.id() + " " + r.payback()).toList());
    return "Recommended approaches: one-time " + Money.format(cur, oneTime) + ", run " + Money.format(cur, monthly)
        + " a month, " + Money.format(cur, twelve) + " over 12 months (" + known.size()
        + (known.size() == 1 ? " use case" : " use cases") + " with a volume"
        + (without == 0 ? "" : "; " + without + " without, not counted") + ")" + payback
        + "; estimates, see each recommendation.";
  }

  String confidenceText() {
    return Format.confidence(confidence);
  }

  /** "needs 120 more pairs, then Fine-tune" for a use case waiting for data; else the approach. */
  static String outlook(Placement p, Framework f) {
    if (!p.blocked()) {
      return f.approachName(p.target());
    }
    return "needs " + Format.grouped(p.pairsNeeded()) + " more " + (p.pairsNeeded() == 1 ? "pair" : "pairs") + ", then "
        + f.approachName(p.target());
  }
}
