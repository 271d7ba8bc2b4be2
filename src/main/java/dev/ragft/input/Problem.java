package dev.ragft.input;

import java.util.Objects;

/** One thing wrong with an input, and where it is. */
public record Problem(Location location, String message) implements Comparable<Problem> {
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = location.file().compareTo(o.location.file());
    if (c == 0) c = Integer.compare(location.line(), o.location.line());
    if (c == 0) c = Integer.compare(location.column(), o.location.column());
    return c == 0 ? message.compareTo(o.message) : c;
  }
}
