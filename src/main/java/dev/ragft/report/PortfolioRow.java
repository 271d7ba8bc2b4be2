package dev.ragft.report;

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
    Placement placement) {
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
    return new PortfolioRow(r.id(), r.name(), r.description(), a.approach(),
        f.approachName(a.approach()), a.confidence(), drivers, a.warnings(), s.placement());
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
