package dev.ragft.cost;

/** A recommendation's cost figures: estimated from a price file, or none (no price file applies). */
public sealed interface Costs permits Costs.None, Costs.Estimated {
  record None() implements Costs {}

  record Estimated(CostEstimate estimate) implements Costs {}

  static Costs none() {
    return new None();
  }
}
