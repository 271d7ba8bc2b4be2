package dev.ragft.bench.run;

import java.util.Objects;

/**
 * An approach that ran against a real model behind an endpoint, for every report: which model at
 * which endpoint (never the key), how it was asked, and what it cost in tokens over the run:
 * calls with a token count, their input and output tokens summed, and label replies that held no
 * label.
 */
public record ModelUse(ApproachId approach, String model, String endpoint, String description, long calls,
    long inputTokens, long outputTokens, long unparseableLabels) {
  public ModelUse {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(description, "description");
  }
}
