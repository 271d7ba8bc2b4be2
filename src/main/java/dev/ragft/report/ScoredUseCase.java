package dev.ragft.report;

import dev.ragft.decision.Assessment;
import dev.ragft.decision.Placement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One use case of a scored portfolio: its recommendation, its roadmap wave, and the columns of
 * its CSV row that ragft does not know ({@code extra}), which CSV output passes through.
 */
public record ScoredUseCase(Recommendation recommendation, Placement placement, Map<String, String> extra) {
  public ScoredUseCase {
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(placement, "placement");
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public String id() {
    return recommendation.id();
  }

  public Assessment assessment() {
    return recommendation.assessment();
  }
}
