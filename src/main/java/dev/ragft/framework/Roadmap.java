package dev.ragft.framework;

import java.util.List;
import java.util.Objects;

/**
 * How a framework sequences a portfolio into waves: the foundation first, fine-tuned components
 * where the data exists next, then the use cases still waiting for training data. {@code
 * dataQuestion} is the number question that counts training pairs and {@code enoughData} how
 * many make fine-tuning realistic. A framework without a roadmap section has {@link #NONE}.
 */
public record Roadmap(String dataQuestion, long enoughData, List<Wave> waves) {
  public static final Roadmap NONE = new Roadmap("", 1, List.of());

  public Roadmap {
    Objects.requireNonNull(dataQuestion, "dataQuestion");
    waves = List.copyOf(waves);
    if (enoughData < 1) {
      throw new IllegalArgumentException("enoughData must be 1 or more: " + enoughData);
    }
  }

  public boolean isEmpty() {
    return waves.isEmpty();
  }

  /** 1-based wave number, the order the framework lists the waves in. */
  public int number(Wave wave) {
    // By id, not waves.indexOf: that compares records with equals, whose first calls cost
    // start-up milliseconds per use case scored. Ids are unique within a roadmap.
    for (int i = 0; i < waves.size(); i++) {
      if (waves.get(i).id().equals(wave.id())) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a wave of this roadmap: " + wave.id());
  }
}
