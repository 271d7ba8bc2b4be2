package dev.ragft.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cost model (or a bench run) says beyond the answers: each approach's expected time to
 * first token, and the budget each answer to the latency {@code question} allows. Budgets are
 * kept per answer so that what-if, which changes answers, judges every alternative against its
 * own budget. {@code basis} names the source ("estimates from prices-2026", "measured by bench").
 */
public record Evidence(Map<String, Long> latencyMs, String question, Map<String, Long> budgetsMs, String basis) {
  /** No evidence: no evidence rule fires. */
  public static final Evidence NONE = new Evidence(Map.of(), "", Map.of(), "");

  public Evidence {
    latencyMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latencyMs));
    budgetsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(budgetsMs));
  }

  /** The budget for a latency answer, when there is one. */
  public Optional<Long> budget(Optional<String> latencyAnswer) {
    return latencyAnswer.isPresent() ? Optional.ofNullable(budgetsMs.get(latencyAnswer.get())) : Optional.empty();
  }

  /** (No lambdas: rules test this hundreds of times per assessment, from a cold start.) */
  boolean overBudget(String approach, Optional<String> latencyAnswer) {
    Long ms = latencyMs.get(approach);
    Optional<Long> budget = budget(latencyAnswer);
    return ms != null && budget.isPresent() && ms > budget.get();
  }

  /** "rag 1,010 ms > 800 ms budget (estimates from prices-2026)". */
  String describe(List<String> approaches, Optional<String> latencyAnswer) {
    List<String> parts = new ArrayList<>();
    long budget = budget(latencyAnswer).orElse(Long.MAX_VALUE);
    for (String a : approaches) {
      if (latencyMs.containsKey(a)) {
        parts.add(a + " " + Grouped.of(latencyMs.get(a)) + " ms " + (latencyMs.get(a) > budget ? ">" : "<=") + " "
            + Grouped.of(budget) + " ms budget");
      }
    }
    return String.join("; ", parts) + (basis.isEmpty() ? "" : " (" + basis + ")");
  }
}
