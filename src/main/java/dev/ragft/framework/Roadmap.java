package dev.ragft.framework;

import java.util.List;
import java.util.Objects;

/**
 * How a framework sequences a portfolio into waves: the foundation first, fine-tuned components
 * where the data exists next, then the use cases still waiting for training data. {@code
 * dataQuestion} is the number question that counts training pairs (its floor says how many are
 * enough for each task) and {@code approvalRate} the share of production requests whose outputs
 * a review approves as new training pairs, which sets how long collecting the rest takes. A
 * framework without a roadmap section has {@link #NONE}.
 */
public record Roadmap(String dataQuestion, double approvalRate, List<Wave> waves) {
  public static final Roadmap NONE = new Roadmap("", 0, List.of());

  public Roadmap {
    Objects.requireNonNull(dataQuestion, "dataQuestion");
    waves = List.copyOf(waves);
    if (approvalRate < 0 || approvalRate > 1) {
      throw new IllegalArgumentException("approvalRate must be within 0..1: " + approvalRate);
    }
  }

  public boolean isEmpty() {
    return waves.isEmpty();
  }

  /** 1-based wave number, the order the framework lists the waves in. */
  public int number(Wave wave) {
    for (int i = 0; i < waves.size(); i++) {
      if (waves.get(i).id().equals(wave.id())) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a wave of this roadmap: " + wave.id());
  }
}
