package dev.ragft.cost;

import java.util.List;

/**
 * What each approach costs at a use case's volume and how fast it answers, from one price file.
 * {@code basis} says whether latencies and tokens are estimates or bench measurements.
 */
public record CostEstimate(
    String pricesId,
    String pricesDate,
    String currency,
    String basis,
    long volumePerDay,
    boolean volumeKnown,
    String latencyAnswer,
    long budgetMs,
    List<ApproachCost> approaches,
    List<BreakEven> breakEvens) {

  public CostEstimate {
    approaches = List.copyOf(approaches);
    breakEvens = List.copyOf(breakEvens);
  }

  public ApproachCost of(String approach) {
    return approaches.stream().filter(a -> a.approach().equals(approach)).findFirst().orElseThrow();
  }

  /**
   * One approach: cost per request and per 1,000, per month at the volume (0 when the volume is
   * unknown), one-time cost (setup, data preparation, first training run), retraining in the
   * first year, the 12-month total, and the expected time to first token against the budget.
   */
  public record ApproachCost(
      String approach,
      double perRequest,
      double per1000,
      double monthly,
      double oneTime,
      int retrainsPerYear,
      double retraining,
      double twelveMonth,
      long latencyMs,
      boolean overBudget) {}

  /** Where a trained approach becomes cheaper than the foundation over 12 months. */
  public sealed interface BreakEven permits BreakEven.At, BreakEven.Never {
    String approach();

    String versus();

    /** Cheaper over 12 months from this many requests a day upwards. */
    record At(String approach, String versus, long requestsPerDay) implements BreakEven {}

    /** Never cheaper: its cost per request is not lower, so fixed costs are never recovered. */
    record Never(String approach, String versus) implements BreakEven {}
  }
}
