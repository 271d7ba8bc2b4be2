package dev.ragft.decision;

/**
 * Whole numbers with thousands separators, as {@code String.format(Locale.ROOT, "%,d", n)}
 * prints them ("12,000"), without the formatter's cost: the engine fills such numbers into the
 * texts of every assessment, and batch scoring makes thousands of them.
 */
public final class Grouped {
  private Grouped() {}

  public static String of(long n) {
    if (n == Long.MIN_VALUE) {
      return "-9,223,372,036,854,775,808";
    }
    String digits = Long.toString(Math.abs(n));
    int len = digits.length();
    StringBuilder b = new StringBuilder(len + len / 3 + 1);
    if (n < 0) {
      b.append('-');
    }
    for (int i = 0; i < len; i++) {
      if (i > 0 && (len - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }
}
