package dev.ragft.cost;

import dev.ragft.decision.Answers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The pure cost and latency model: a price file, a use case's answers and terms (its own latency
 * budget, what a request is worth, the pairs its task needs, measured figures) in, a {@link
 * CostEstimate} out. Money is exact decimal; every figure comes from the price file, the terms or
 * the measurements.
 */
public final class CostModel {
  private static final String FRESHNESS = "freshness";
  private static final String LATENCY = "latency";
  private static final String PAIRS = "training-pairs";
  private static final String VOLUME = "volume";
  private static final int MONTHS = 12;
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final Prices prices;

  public CostModel(Prices prices) {
    this.prices = prices;
  }

  /**
   * What the use case adds to its answers: {@code foundation}, the approach trained ones are
   * compared with; {@code pairsFloor}, the pairs its task needs (the framework's floor); its own
   * latency budget and value per request, when it states them; and bench measurements.
   */
  public record Terms(String foundation, long pairsFloor, OptionalLong latencyBudgetMs,
      java.util.Optional<BigDecimal> valuePerRequest, Measurements measured) {
    public static Terms of(String foundation, long pairsFloor) {
      return new Terms(foundation, pairsFloor, OptionalLong.empty(), java.util.Optional.empty(), Measurements.NONE);
    }
  }

  public CostEstimate estimate(Answers answers, Terms terms) {
    Measurements measured = terms.measured();
    String basis = "estimates from " + prices.id() + (measured.isEmpty() ? "" : "; " + measured.source());
    long volume = answers.number(VOLUME).orElse(0);
    boolean volumeKnown = answers.number(VOLUME).isPresent();
    String latency = answers.choice(LATENCY).orElse("");
    long budget = terms.latencyBudgetMs().isPresent() ? terms.latencyBudgetMs().getAsLong()
        : prices.latencyBudgetsMs().getOrDefault(latency, Long.MAX_VALUE);
    BigDecimal value = terms.valuePerRequest().orElse(BigDecimal.ZERO);
    boolean valueKnown = terms.valuePerRequest().isPresent();
    BigDecimal monthlyValue = valueKnown && volumeKnown
        ? value.multiply(BigDecimal.valueOf(volume)).multiply(BigDecimal.valueOf(prices.daysPerMonth())) : BigDecimal.ZERO;
    List<CostEstimate.ApproachCost> costs = new ArrayList<>();
    for (Map.Entry<String, Prices.ApproachPlan> e : prices.approaches().entrySet()) {
      costs.add(cost(e.getKey(), e.getValue(), answers, terms, volume, budget, valueKnown && volumeKnown, monthlyValue));
    }
    CostEstimate partial = new CostEstimate(prices.id(), prices.date(), prices.currency(), basis, volume, volumeKnown,
        latency, budget, terms.latencyBudgetMs().isPresent(), value, valueKnown, prices.daysPerMonth(), costs, List.of());
    List<CostEstimate.BreakEven> breakEvens = new ArrayList<>();
    for (String trained : prices.fineTuning().trains()) {
      if (!trained.equals(terms.foundation()) && prices.approaches().containsKey(trained)
          && prices.approaches().containsKey(terms.foundation())) {
        breakEvens.add(partial.breakEven(trained, terms.foundation()));
      }
    }
    return new CostEstimate(prices.id(), prices.date(), prices.currency(), basis, volume, volumeKnown, latency, budget,
        terms.latencyBudgetMs().isPresent(), value, valueKnown, prices.daysPerMonth(), costs, breakEvens);
  }

  /** Cost and time to first token of a list of steps run one after another. */
  private record Path(BigDecimal cost, long latencyMs) {}

  private CostEstimate.ApproachCost cost(String approach, Prices.ApproachPlan plan, Answers answers, Terms terms,
      long volume, long budget, boolean valued, BigDecimal monthlyValue) {
    Measurements measurements = terms.measured();
    Measurements.Measured measured = measurements.approaches().get(approach);
    long modelSteps = modelSteps(plan.steps());
    Path path = sequence(plan.steps(), measurements, measured, modelSteps);
    BigDecimal perRequest = path.cost();
    long latency = measured != null ? measured.latencyMs() : path.latencyMs();
    BigDecimal monthly = perRequest.multiply(BigDecimal.valueOf(volume)).multiply(BigDecimal.valueOf(prices.daysPerMonth()));
    boolean trains = prices.fineTuning().trains().contains(approach);
    long pairs = answers.number(PAIRS).orElse(0);
    long toPrepare = trains ? Math.max(0, terms.pairsFloor() - pairs) : 0;
    BigDecimal training = trains
        ? prices.fineTuning().dataPreparationPerPair().multiply(BigDecimal.valueOf(toPrepare)).add(prices.fineTuning().trainingRun())
        : BigDecimal.ZERO;
    int retrains = !trains ? 0
        : prices.retraining().factsInWeights().contains(approach)
            ? prices.retraining().perYearByFreshness().getOrDefault(answers.choice(FRESHNESS).orElse(""), 0)
            : prices.retraining().patternsPerYear();
    BigDecimal retraining = prices.fineTuning().trainingRun().multiply(BigDecimal.valueOf(retrains));
    BigDecimal oneTime = plan.setupCost().add(training);
    BigDecimal twelveMonth = oneTime.add(retraining).add(monthly.multiply(BigDecimal.valueOf(MONTHS)));
    boolean over = latency > budget;
    List<CostEstimate.Remedy> remedies = over && measured == null ? remedies(plan, budget, measurements) : List.of();
    return new CostEstimate.ApproachCost(approach, perRequest, perRequest.multiply(BigDecimal.valueOf(1000)), monthly,
        oneTime, toPrepare, retrains, retraining, twelveMonth, latency, over, remedies,
        payback(valued, monthlyValue, monthly, retraining, oneTime));
  }

  /** Months until the one-time cost is earned back by the value net of running and retraining. */
  private static CostEstimate.Payback payback(boolean valued, BigDecimal monthlyValue, BigDecimal monthly,
      BigDecimal retraining, BigDecimal oneTime) {
    if (!valued) {
      return new CostEstimate.Payback.Unknown();
    }
    BigDecimal net = monthlyValue.subtract(monthly).subtract(retraining.divide(BigDecimal.valueOf(MONTHS), MathContext.DECIMAL64));
    if (net.signum() <= 0) {
      return new CostEstimate.Payback.Never();
    }
    return new CostEstimate.Payback.Months(oneTime.divide(net, 1, RoundingMode.CEILING));
  }

  private static long modelSteps(List<Prices.Step> steps) {
    long n = 0;
    for (Prices.Step s : steps) {
      n += s instanceof Prices.Step.Model ? 1 : s instanceof Prices.Step.Parallel p ? modelSteps(p.steps()) : 0;
    }
    return n;
  }

  private Path sequence(List<Prices.Step> steps, Measurements measurements, Measurements.Measured measured, long modelSteps) {
    BigDecimal cost = BigDecimal.ZERO;
    long latency = 0;
    for (Prices.Step step : steps) {
      Path p = step(step, measurements, measured, modelSteps);
      cost = cost.add(p.cost());
      latency += p.latencyMs();
    }
    return new Path(cost, latency);
  }

  private Path step(Prices.Step step, Measurements measurements, Measurements.Measured measured, long modelSteps) {
    if (step instanceof Prices.Step.Parallel par) {
      BigDecimal cost = BigDecimal.ZERO;
      long slowest = 0;
      for (Prices.Step s : par.steps()) {
        Path p = step(s, measurements, measured, modelSteps);
        cost = cost.add(p.cost());
        slowest = Math.max(slowest, p.latencyMs());
      }
      return new Path(cost, slowest);
    }
    if (step instanceof Prices.Step.Retrieval) {
      return new Path(prices.retrieval().costPerQuery(),
          measurements.retrievalMeasured() ? measurements.retrievalLatencyMs() : prices.retrieval().latencyMs());
    }
    if (step instanceof Prices.Step.Reranking) {
      return new Path(prices.reranking().costPerQuery(), prices.reranking().latencyMs());
    }
    Prices.Step.Model m = (Prices.Step.Model) step;
    Prices.Tier tier = prices.tier(m.tier()).orElseThrow();
    // Measured tokens replace the estimate for the whole approach: spread them over its model steps.
    long in = measured == null ? m.inputTokens() : measured.inputTokens() / modelSteps;
    long out = measured == null ? m.outputTokens() : measured.outputTokens() / modelSteps;
    return new Path(modelCost(tier, in, out), modelLatency(tier, m.blocking(), out));
  }

  private static BigDecimal modelCost(Prices.Tier tier, long in, long out) {
    return tier.inputPerMillion().multiply(BigDecimal.valueOf(in)).add(tier.outputPerMillion().multiply(BigDecimal.valueOf(out)))
        .divide(MILLION, MathContext.DECIMAL128);
  }

  private static long modelLatency(Prices.Tier tier, boolean blocking, long out) {
    return tier.firstTokenMs() + (blocking ? Math.round(out * 1000 / tier.tokensPerSecond()) : 0);
  }

  /**
   * What would bring an over-budget plan within the budget: a faster tier for the final model
   * step (a smaller or distilled model), the plan without reranking, or caching (a cached answer
   * costs only the retrieval step, or the fastest tier's first token where there is none).
   */
  private List<CostEstimate.Remedy> remedies(Prices.ApproachPlan plan, long budget, Measurements measurements) {
    List<CostEstimate.Remedy> out = new ArrayList<>();
    List<Prices.Step> steps = plan.steps();
    int last = steps.size() - 1;
    if (last >= 0 && steps.get(last) instanceof Prices.Step.Model m) {
      for (Prices.Tier t : prices.tiers()) {
        if (t.id().equals(m.tier()) || !t.generates()) {
          continue;
        }
        List<Prices.Step> swapped = new ArrayList<>(steps);
        swapped.set(last, new Prices.Step.Model(t.id(), m.inputTokens(), m.outputTokens(), m.blocking()));
        long ms = sequence(swapped, measurements, null, 1).latencyMs();
        if (ms <= budget) {
          out.add(new CostEstimate.Remedy("a faster generator: " + t.name(), ms));
        }
      }
    }
    List<Prices.Step> withoutReranking = new ArrayList<>();
    for (Prices.Step s : steps) {
      if (!(s instanceof Prices.Step.Reranking)) {
        withoutReranking.add(s);
      }
    }
    if (withoutReranking.size() < steps.size()) {
      long ms = sequence(withoutReranking, measurements, null, 1).latencyMs();
      if (ms <= budget) {
        out.add(new CostEstimate.Remedy("no reranking step", ms));
      }
    }
    long cached = measurements.retrievalMeasured() ? measurements.retrievalLatencyMs() : prices.retrieval().latencyMs();
    if (cached <= budget) {
      out.add(new CostEstimate.Remedy("caching answers to frequent questions (a cache hit costs a lookup)", cached));
    }
    return out;
  }
}
