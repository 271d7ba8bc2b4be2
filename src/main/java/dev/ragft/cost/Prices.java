package dev.ragft.cost;

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

  /** A model tier: price per million tokens in and out, and how fast it answers. */
  public record Tier(String id, String name, double inputPerMillion, double outputPerMillion, long firstTokenMs,
      double tokensPerSecond, String source) {}

  /** A per-query service such as retrieval or reranking. */
  public record Service(double costPerQuery, long latencyMs, String source) {}

  /** What one request of an approach does, and what it costs once to set up. */
  public record ApproachPlan(double setupCost, List<Step> steps, String note) {
    public ApproachPlan {
      steps = List.copyOf(steps);
    }
  }

  /** One step of a request. */
  public sealed interface Step permits Step.Retrieval, Step.Reranking, Step.Model {
    record Retrieval() implements Step {}

    record Reranking() implements Step {}

    /** A model call; {@code blocking} when the next step needs its whole output (a router). */
    record Model(String tier, long inputTokens, long outputTokens, boolean blocking) implements Step {}
  }

  /** One-time cost of training: per cleaned pair, per run, and the fewest pairs worth training on. */
  public record FineTuning(List<String> trains, double dataPreparationPerPair, double trainingRun, long minimumPairs,
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
