package dev.ragft.report;

import dev.ragft.decision.Assessment;
import dev.ragft.framework.Framework;
import java.util.Objects;

/**
 * What recommend reports: the assessment, the framework it came from (for names and labels),
 * and the use case it is about.
 */
public record Recommendation(String id, String name, String description, Framework framework, Assessment assessment) {
  public Recommendation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(assessment, "assessment");
  }
}
