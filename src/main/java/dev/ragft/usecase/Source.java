package dev.ragft.usecase;

import java.nio.file.Path;
import java.util.Objects;

/** One input file of a portfolio: where it is, how messages name it, and how to read it. */
public record Source(Path path, String displayName, Kind kind) {
  public Source {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(kind, "kind");
  }

  public enum Kind {
    YAML,
    CSV
  }
}
