package dev.ragft.report;

import dev.ragft.cost.Costs;
import dev.ragft.decision.Assessment;
import dev.ragft.framework.Framework;
import java.util.Objects;

/**
 * What recommend reports: the assessment, the framework it came from (for names and labels),
 * the use case it is about, and its cost and latency figures.
 */
public record Recommendation(
    String id, String name, String description, Framework framework, Assessment assessment, Costs costs) {
  public Recommendation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(costs, "costs");
  }

  /** Without cost figures. */
  public Recommendation(String id, String name, String description, Framework framework, Assessment assessment) {
    this(id, name, description, framework, assessment, Costs.none());
  }
}
