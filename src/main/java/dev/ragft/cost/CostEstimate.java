package dev.ragft.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What each approach costs at a use case's volume and how fast it answers, from one price file.
 * {@code basis} says whether latencies and tokens are estimates or bench measurements; {@code
 * budgetMs} is the use case's own latency budget when it states one ({@code budgetStated}), else
 * its latency answer's default ({@code Long.MAX_VALUE} when there is none). Money is exact decimal.
 * {@code valuePerRequest} is what one answered request is worth, when the use case says
 * ({@code valueKnown}).
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
    boolean budgetStated,
    BigDecimal valuePerRequest,
    boolean valueKnown,
    int daysPerMonth,
    List<ApproachCost> approaches,
    List<BreakEven> breakEvens) {

  public CostEstimate {
    approaches = List.copyOf(approaches);
    breakEvens = List.copyOf(breakEvens);
  }

  public ApproachCost of(String approach) {
    for (ApproachCost a : approaches) {
      if (a.approach().equals(approach)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no cost for approach " + approach);
  }

  /** What the use case's answered requests are worth in a month (0 without a value or volume). */
  public BigDecimal monthlyValue() {
    return valueKnown && volumeKnown
        ? valuePerRequest.multiply(BigDecimal.valueOf(volumePerDay)).multiply(BigDecimal.valueOf(daysPerMonth))
        : BigDecimal.ZERO;
  }

  /**
   * One approach: cost per request and per 1,000, per month at the volume (0 when the volume is
   * unknown), one-time cost (setup, preparing the pairs still missing, the first training run),
   * retraining in the first year, the 12-month total, the expected time to first token against
   * the budget, what would bring it within the budget, and when it pays for itself.
   */
  public record ApproachCost(
      String approach,
      BigDecimal perRequest,
      BigDecimal per1000,
      BigDecimal monthly,
      BigDecimal oneTime,
      long pairsToPrepare,
      int retrainsPerYear,
      BigDecimal retraining,
      BigDecimal twelveMonth,
      long latencyMs,
      boolean overBudget,
      List<Remedy> remedies,
      Payback payback) {
    public ApproachCost {
      remedies = List.copyOf(remedies);
    }

    /** Costs fixed in the first year whatever the volume: one-time plus retraining. */
    public BigDecimal fixed() {
      return oneTime.add(retraining);
    }
  }

  /** A change that would bring an approach within the latency budget, and the latency it would give. */
  public record Remedy(String change, long latencyMs) {}

  /** When an approach pays for itself, from the value of its requests. */
  public sealed interface Payback permits Payback.Unknown, Payback.Months, Payback.Never {
    /** No value per request (or no volume) was given. */
    record Unknown() implements Payback {}

    /** Pays back its one-time cost within this many months (one decimal). */
    record Months(BigDecimal months) implements Payback {}

    /** The monthly value does not cover the monthly run and retraining cost. */
    record Never() implements Payback {}
  }

  /** Where one approach becomes cheaper than another over 12 months. */
  public sealed interface BreakEven permits BreakEven.At, BreakEven.Never {
    String approach();

    String versus();

    /** Cheaper over 12 months from this many requests a day upwards. */
    record At(String approach, String versus, long requestsPerDay) implements BreakEven {}

    /** Never cheaper: its cost per request is not lower, so its higher fixed costs are never recovered. */
    record Never(String approach, String versus) implements BreakEven {}
  }

  /**
   * The daily volume from which {@code approach} costs less than {@code versus} over 12 months:
   * fixed(a) + 12·days·v·c(a) < fixed(b) + 12·days·v·c(b).
   */
  public BreakEven breakEven(String approach, String versus) {
    ApproachCost a = of(approach);
    ApproachCost b = of(versus);
    BigDecimal saving = b.perRequest().subtract(a.perRequest());
    BigDecimal extraFixed = a.fixed().subtract(b.fixed());
    if (extraFixed.signum() <= 0 && saving.signum() >= 0) {
      return new BreakEven.At(approach, versus, 0);
    }
    if (saving.signum() <= 0) {
      return new BreakEven.Never(approach, versus);
    }
    BigDecimal perYearPerDaily = saving.multiply(BigDecimal.valueOf(12L * daysPerMonth));
    long perDay = extraFixed.divide(perYearPerDaily, 0, RoundingMode.FLOOR).longValueExact() + 1;
    return new BreakEven.At(approach, versus, perDay);
  }
}
