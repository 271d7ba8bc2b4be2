package dev.ragft.framework;

/** A range [atLeast, below) of a number question; {@code below} is Long.MAX_VALUE when open. */
public record Band(long atLeast, long below, String label, Effects effects, String reason) {
  public Band {
    if (atLeast < 0 || below <= atLeast) {
      throw new IllegalArgumentException("band needs 0 <= atLeast < below: " + atLeast + ", " + below);
    }
  }

  public boolean contains(long value) {
    return value >= atLeast && value < below;
  }

  public boolean isOpen() {
    return below == Long.MAX_VALUE;
  }
}
