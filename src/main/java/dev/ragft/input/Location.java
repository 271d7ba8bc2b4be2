package dev.ragft.input;

import java.util.Objects;

/** A place in an input file, as a person reads it: 1-based line and column. */
public record Location(String file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
  }

  /** A location for a whole file, when no line applies (file not found, empty file). */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
