package dev.ragft.report;

/**
 * How to render: {@code explain} adds the full driver arithmetic, {@code whatIf} the answer
 * changes that would change the approach; {@code color} and {@code unicode} only where the
 * terminal supports them.
 */
public record Options(boolean explain, boolean whatIf, boolean color, boolean unicode) {
  public static Options plain() {
    return new Options(false, false, false, false);
  }
}
