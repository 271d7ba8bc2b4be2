package dev.ragft.cost;

import dev.ragft.decision.Answers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure cost and latency model: a price file, a use case's answers and (optionally) measured
 * figures in, a {@link CostEstimate} out. Multiplication and addition only; every figure comes
 * from the price file or the measurements.
 */
public final class CostModel {
  private static final String FRESHNESS = "freshness";
  private static final String LATENCY = "latency";
  private static final String PAIRS = "training-pairs";
  private static final String VOLUME = "volume";
  private static final int MONTHS = 12;

  private final Prices prices;

  public CostModel(Prices prices) {
    this.prices = prices;
  }

  public CostEstimate estimate(Answers answers, String foundation) {
    return estimate(answers, foundation, Measurements.NONE);
  }

  /** With figures a bench run measured, which replace the estimates they cover. */
  public CostEstimate estimate(Answers answers, String foundation, Measurements measured) {
    String basis = "estimates from " + prices.id() + (measured.isEmpty() ? "" : "; " + measured.source());
    long volume = answers.number(VOLUME).orElse(0);
    boolean volumeKnown = answers.number(VOLUME).isPresent();
    String latency = answers.choice(LATENCY).orElse("");
    long budget = prices.latencyBudgetsMs().getOrDefault(latency, Long.MAX_VALUE);
    List<CostEstimate.ApproachCost> costs = new ArrayList<>();
    for (Map.Entry<String, Prices.ApproachPlan> e : prices.approaches().entrySet()) {
      costs.add(cost(e.getKey(), e.getValue(), answers, volume, budget, measured));
    }
    List<CostEstimate.BreakEven> breakEvens = new ArrayList<>();
    CostEstimate.ApproachCost base = costOf(costs, foundation).orElseThrow();
    for (String trained : prices.fineTuning().trains()) {
      Optional<CostEstimate.ApproachCost> c = costOf(costs, trained);
      if (c.isPresent() && !trained.equals(foundation)) {
        breakEvens.add(breakEven(c.get(), base));
      }
    }
    return new CostEstimate(prices.id(), prices.date(), prices.currency(), basis, volume, volumeKnown, latency, budget,
        costs, breakEvens);
  }

  /** An approach's cost. (A loop, not a stream: this runs once per start, cold.) */
  private static Optional<CostEstimate.ApproachCost> costOf(List<CostEstimate.ApproachCost> costs, String approach) {
    for (CostEstimate.ApproachCost c : costs) {
      if (c.approach().equals(approach)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private CostEstimate.ApproachCost cost(String approach, Prices.ApproachPlan plan, Answers answers, long volume,
      long budget, Measurements measurements) {
    Measurements.Measured measured = measurements.approaches().get(approach);
    double perRequest = 0;
    long latency = 0;
    long modelSteps = 0;
    for (Prices.Step step : plan.steps()) {
      if (step instanceof Prices.Step.Model) {
        modelSteps++;
      }
    }
    for (Prices.Step step : plan.steps()) {
      if (step instanceof Prices.Step.Retrieval) {
        perRequest += prices.retrieval().costPerQuery();
        latency += measurements.retrievalMeasured() ? measurements.retrievalLatencyMs() : prices.retrieval().latencyMs();
      } else if (step instanceof Prices.Step.Reranking) {
        perRequest += prices.reranking().costPerQuery();
        latency += prices.reranking().latencyMs();
      } else {
        Prices.Step.Model m = (Prices.Step.Model) step;
        Prices.Tier tier = prices.tier(m.tier()).orElseThrow();
        // Measured tokens replace the estimate for the whole approach: spread them over its model steps.
        long in = measured == null ? m.inputTokens() : measured.inputTokens() / modelSteps;
        long out = measured == null ? m.outputTokens() : measured.outputTokens() / modelSteps;
        perRequest += in * tier.inputPerMillion() / 1_000_000 + out * tier.outputPerMillion() / 1_000_000;
        latency += tier.firstTokenMs() + (m.blocking() ? Math.round(out * 1000 / tier.tokensPerSecond()) : 0);
      }
    }
    if (measured != null) {
      latency = measured.latencyMs();
    }
    double monthly = perRequest * volume * prices.daysPerMonth();
    boolean trains = prices.fineTuning().trains().contains(approach);
    long pairs = Math.max(answers.number(PAIRS).orElse(0), prices.fineTuning().minimumPairs());
    double training = trains ? pairs * prices.fineTuning().dataPreparationPerPair() + prices.fineTuning().trainingRun() : 0;
    int retrains = !trains ? 0
        : prices.retraining().factsInWeights().contains(approach)
            ? prices.retraining().perYearByFreshness().getOrDefault(answers.choice(FRESHNESS).orElse(""), 0)
            : prices.retraining().patternsPerYear();
    double retraining = retrains * prices.fineTuning().trainingRun();
    double oneTime = plan.setupCost() + training;
    double twelveMonth = oneTime + retraining + MONTHS * monthly;
    return new CostEstimate.ApproachCost(approach, perRequest, perRequest * 1000, monthly, oneTime, retrains, retraining,
        twelveMonth, latency, latency > budget);
  }

  /**
   * The daily volume from which {@code trained} costs less than {@code base} over 12 months:
   * fixed(trained) + 12·days·v·c(trained) < fixed(base) + 12·days·v·c(base).
   */
  private CostEstimate.BreakEven breakEven(CostEstimate.ApproachCost trained, CostEstimate.ApproachCost base) {
    double savingPerRequest = base.perRequest() - trained.perRequest();
    if (savingPerRequest <= 0) {
      return new CostEstimate.BreakEven.Never(trained.approach(), base.approach());
    }
    double extraFixed = (trained.oneTime() + trained.retraining()) - (base.oneTime() + base.retraining());
    double requestsPerYearPerDaily = (double) MONTHS * prices.daysPerMonth();
    long perDay = extraFixed <= 0 ? 0 : (long) Math.floor(extraFixed / (savingPerRequest * requestsPerYearPerDaily)) + 1;
    return new CostEstimate.BreakEven.At(trained.approach(), base.approach(), perDay);
  }
}
