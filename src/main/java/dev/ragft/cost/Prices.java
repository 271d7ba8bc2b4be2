package dev.ragft.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dated price-and-latency file: model tiers, retrieval and reranking, what one request of
 * each approach does, one-time fine-tuning costs, retraining cadence and latency budgets. Every
 * figure is data the user can edit; the cost model only multiplies and adds.
 */
public record Prices(
    String id,
    String date,
    String currency,
    int daysPerMonth,
    String source,
    List<Tier> tiers,
    Service retrieval,
    Service reranking,
    Map<String, ApproachPlan> approaches,
    FineTuning fineTuning,
    Retraining retraining,
    Map<String, Long> latencyBudgetsMs) {

  public Prices {
    tiers = List.copyOf(tiers);
    approaches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(approaches));
    latencyBudgetsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latencyBudgetsMs));
  }

  public Optional<Tier> tier(String tierId) {
    for (Tier t : tiers) { // a loop, not a stream: this runs at every start, cold
      if (t.id().equals(tierId)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * A model tier: price per million tokens in and out, and how fast it answers; {@code generates}
   * is false for a model that only labels (a classifier), which can never stand in for a generator.
   */
  public record Tier(String id, String name, BigDecimal inputPerMillion, BigDecimal outputPerMillion, long firstTokenMs,
      double tokensPerSecond, boolean generates, String source) {}

  /** A per-query service such as retrieval or reranking. */
  public record Service(BigDecimal costPerQuery, long latencyMs, String source) {}

  /** What one request of an approach does, and what it costs once to set up. */
  public record ApproachPlan(BigDecimal setupCost, List<Step> steps, String note) {
    public ApproachPlan {
      steps = List.copyOf(steps);
    }
  }

  /** One step of a request. */
  public sealed interface Step permits Step.Retrieval, Step.Reranking, Step.Model, Step.Parallel {
    /** Steps that run at the same time (a router beside retrieval): the slowest sets the pace, all are paid. */
    record Parallel(List<Step> steps) implements Step {
      public Parallel {
        steps = List.copyOf(steps);
      }
    }

    record Retrieval() implements Step {}

    record Reranking() implements Step {}

    /** A model call; {@code blocking} when the next step needs its whole output (a router). */
    record Model(String tier, long inputTokens, long outputTokens, boolean blocking) implements Step {}
  }

  /**
   * One-time cost of training: preparing each pair still missing (pairs the user already has are
   * counted as cleaned and approved, so they cost nothing more), and one training run, whose price
   * does not grow with the pair count (a parameter-efficient run is capped in steps).
   */
  public record FineTuning(List<String> trains, BigDecimal dataPreparationPerPair, BigDecimal trainingRun,
      String source) {
    public FineTuning {
      trains = List.copyOf(trains);
    }
  }

  /** Retraining runs in 12 months: by freshness for approaches holding facts, a fixed cadence for patterns. */
  public record Retraining(List<String> factsInWeights, Map<String, Integer> perYearByFreshness, int patternsPerYear,
      String source) {
    public Retraining {
      factsInWeights = List.copyOf(factsInWeights);
      perYearByFreshness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perYearByFreshness));
    }
  }
}
