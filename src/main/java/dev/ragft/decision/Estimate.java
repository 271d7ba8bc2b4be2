package dev.ragft.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures evidence rules test for one set of answers: each approach's expected time to first
 * token against the use case's budget ({@code Long.MAX_VALUE} when there is none), and each
 * approach's 12-month cost (empty when the volume is unknown, since then a cost comparison would
 * only compare set-up fees). {@code basis} names the source ("estimates from prices-2026").
 * {@code wins}: what a bench run measured, per slice, which evidence drivers weigh.
 */
public record Estimate(Map<String, Long> latencyMs, long budgetMs, Map<String, BigDecimal> twelveMonth, String basis,
    List<MeasuredWin> wins) {
  public static final Estimate NONE = new Estimate(Map.of(), Long.MAX_VALUE, Map.of(), "", List.of());

  public Estimate {
    latencyMs = Collections.unmodifiableMap(new LinkedHashMap<>(latencyMs));
    twelveMonth = Collections.unmodifiableMap(new LinkedHashMap<>(twelveMonth));
    wins = List.copyOf(wins);
  }

  public boolean overBudget(String approach) {
    Long ms = latencyMs.get(approach);
    return ms != null && ms > budgetMs;
  }

  /**
   * Whether {@code approach} costs the least over 12 months by a clear margin: every other
   * approach costs at least {@code cheaperBy} (a fraction) more than it saves, i.e. its cost is at
   * most (1 - cheaperBy) times every other's.
   */
  public boolean cheapest(String approach, double cheaperBy) {
    BigDecimal mine = twelveMonth.get(approach);
    if (mine == null || twelveMonth.size() < 2) {
      return false;
    }
    BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(cheaperBy));
    for (Map.Entry<String, BigDecimal> e : twelveMonth.entrySet()) {
      if (!e.getKey().equals(approach) && mine.compareTo(e.getValue().multiply(keep)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** "rag 1,010 ms > 800 ms budget (estimates from prices-2026)". */
  public String describeLatency(List<String> approaches) {
    List<String> parts = new ArrayList<>();
    for (String a : approaches) {
      if (latencyMs.containsKey(a)) {
        long ms = latencyMs.get(a);
        parts.add(a + " " + Grouped.of(ms) + " ms " + (ms > budgetMs ? ">" : "<=") + " " + Grouped.of(budgetMs)
            + " ms budget");
      }
    }
    return String.join("; ", parts) + (basis.isEmpty() ? "" : " (" + basis + ")");
  }

  /** "12 months: fine-tune 3,120 against rag 9,800, hybrid 14,200 (estimates from prices-2026)". */
  public String describeCost(List<String> approaches) {
    List<String> named = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : twelveMonth.entrySet()) {
      String part = e.getKey() + " " + Grouped.of(e.getValue().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
      (approaches.contains(e.getKey()) ? named : others).add(part);
    }
    return "12 months: " + String.join(", ", named) + (others.isEmpty() ? "" : " against " + String.join(", ", others))
        + (basis.isEmpty() ? "" : " (" + basis + ")");
  }
}
