package dev.ragft.cost;

import java.util.Map;

/**
 * Figures measured by a bench run that replace the price file's estimates: the retrieval step's
 * latency (measured on the user's own corpus), and per approach the tokens and latency of runs
 * that called a real model. {@code source} says where they come from, for every report.
 */
public record Measurements(String source, boolean retrievalMeasured, long retrievalLatencyMs, Map<String, Measured> approaches,
    java.util.List<dev.ragft.decision.MeasuredWin> wins) {
  public static final Measurements NONE = new Measurements("", false, 0, Map.of(), java.util.List.of());

  public Measurements {
    approaches = Map.copyOf(approaches);
    wins = java.util.List.copyOf(wins);
  }

  public boolean isEmpty() {
    return !retrievalMeasured && approaches.isEmpty();
  }

  /** Mean tokens per request and p50 latency of an approach that called a real model. */
  public record Measured(long latencyMs, long inputTokens, long outputTokens) {}
}
