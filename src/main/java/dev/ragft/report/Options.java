package dev.ragft.report;

import java.util.Objects;

/**
 * How to render: {@code explain} adds the full driver arithmetic, {@code whatIf} the answer
 * changes that would change the approach; {@code color} and {@code unicode} only where the
 * terminal supports them; {@code ragftVersion} is the version documents name in their provenance
 * (HTML), passed in by the command so renderers never look at the jar themselves.
 */
public record Options(boolean explain, boolean whatIf, boolean color, boolean unicode, String ragftVersion) {
  public Options {
    Objects.requireNonNull(ragftVersion, "ragftVersion");
  }

  /** No explanation, no what-if, no colour, ASCII only; version "dev", as ragft names itself when run from classes. */
  public static Options plain() {
    return new Options(false, false, false, false, "dev");
  }
}
