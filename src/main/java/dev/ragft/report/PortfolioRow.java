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
    double monthlyCost) {
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
    double monthly = known ? ((Costs.Estimated) r.costs()).estimate().of(a.approach()).monthly() : 0;
    return new PortfolioRow(r.id(), r.name(), r.description(), a.approach(),
        f.approachName(a.approach()), a.confidence(), drivers, a.warnings(), s.placement(), currency, known, monthly);
  }

  /** The recommended approach's monthly cost at the use case's volume; "n/a" without a volume or prices. */
  String monthlyText() {
    return costKnown ? Money.format(currency, monthlyCost, 0) : "n/a";
  }

  /** "Monthly run cost of the recommended approaches: $12,345 (25 use cases with a volume; 3 without)." */
  static String total(List<PortfolioRow> rows) {
    List<PortfolioRow> known = rows.stream().filter(PortfolioRow::costKnown).toList();
    if (known.isEmpty()) {
      return "Monthly run cost: n/a (no use case gives a volume, or no price file applies).";
    }
    double sum = known.stream().mapToDouble(PortfolioRow::monthlyCost).sum();
    int without = rows.size() - known.size();
    return "Monthly run cost of the recommended approaches: " + Money.format(known.get(0).currency(), sum, 0) + " ("
        + known.size() + (known.size() == 1 ? " use case" : " use cases") + " with a volume"
        + (without == 0 ? "" : "; " + without + " without, not counted") + "; estimates, see each recommendation).";
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
