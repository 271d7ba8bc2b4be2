package dev.ragft.framework;

/**
 * One rollout phase: how long, what it must achieve, and the metric that gates the next one. A
 * phase that {@code collects} a number question's shortfall (training pairs still missing) lasts
 * {@code weeks} plus the weeks the use case's volume needs to yield them; "" for a fixed length.
 */
public record Phase(String id, String name, int weeks, String goal, String exitCriteria, String gateMetric,
    String collects) {
  public Phase(String id, String name, int weeks, String goal, String exitCriteria, String gateMetric) {
    this(id, name, weeks, goal, exitCriteria, gateMetric, "");
  }
}
