package dev.ragft.usecase;

import dev.ragft.decision.Assessment;
import dev.ragft.decision.Placement;
import java.util.Map;
import java.util.Objects;

/** One use case of a portfolio, scored: what was read, the engine's assessment, and its wave. */
public record ScoredUseCase(Candidate candidate, Assessment assessment, Placement placement) {
  public ScoredUseCase {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(placement, "placement");
  }

  public UseCase useCase() {
    return candidate.useCase();
  }

  public Map<String, String> extra() {
    return candidate.extra();
  }
}
