package dev.ragft.framework;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One wave of a portfolio roadmap: which use cases it holds, when, and what it must achieve.
 * {@code shortfallBelow} only matters for {@link Holds#DATA_BLOCKED} waves: such a wave holds
 * the use cases that still need fewer than that many training pairs ({@code Long.MAX_VALUE}
 * when open-ended).
 */
public record Wave(String id, String name, String timing, String goal, Holds holds, long shortfallBelow) {
  public Wave {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(holds, "holds");
    if (shortfallBelow < 1) {
      throw new IllegalArgumentException("shortfallBelow must be 1 or more: " + shortfallBelow);
    }
  }

  /** The kinds of use case a wave can hold; together they place every use case somewhere. */
  public enum Holds {
    /** Use cases that start on the foundation approach and are not waiting for training data. */
    FOUNDATION,
    /** Use cases recommended a fine-tuned approach whose training data already exists. */
    DATA_READY,
    /** Use cases that would take a fine-tuned approach once enough training data exists. */
    DATA_BLOCKED;

    /** The id used in framework files ("data-ready"). */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Holds> of(String id) {
      for (Holds h : values()) {
        if (h.id().equals(id)) {
          return Optional.of(h);
        }
      }
      return Optional.empty();
    }
  }
}
