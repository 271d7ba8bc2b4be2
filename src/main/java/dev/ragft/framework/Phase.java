package dev.ragft.framework;

/** One rollout phase: how long, what it must achieve, and the metric that gates the next one. */
public record Phase(String id, String name, int weeks, String goal, String exitCriteria, String gateMetric) {}
