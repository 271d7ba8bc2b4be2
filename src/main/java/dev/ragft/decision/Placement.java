package dev.ragft.decision;

import dev.ragft.framework.Wave;
import java.util.Objects;

/**
 * Where a use case sits in the portfolio roadmap: its wave and the wave's 1-based number, how
 * many training pairs it still needs (0 unless the wave is data-blocked), and {@code target},
 * the approach it ends up on in that wave (for a data-blocked use case: once the data exists).
 */
public record Placement(Wave wave, int number, long pairsNeeded, String target) {
  public Placement {
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(target, "target");
    if (number < 1) {
      throw new IllegalArgumentException("wave numbers start at 1: " + number);
    }
    if (pairsNeeded < 0) {
      throw new IllegalArgumentException("pairsNeeded cannot be negative: " + pairsNeeded);
    }
  }

  public boolean blocked() {
    return wave.holds() == Wave.Holds.DATA_BLOCKED;
  }
}
