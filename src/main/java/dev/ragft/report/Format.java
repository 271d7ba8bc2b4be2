package dev.ragft.report;

import java.util.Locale;

/** Number formatting shared by every renderer: fixed decimals, Locale.ROOT, explicit signs. */
final class Format {
  private Format() {}

  static String signed(int n) {
    return n > 0 ? "+" + n : Integer.toString(n);
  }

  static String confidence(double c) {
    if (c < 0 || c > 1) {
      return String.format(Locale.ROOT, "%.2f", c);
    }
    // What %.2f prints, without the formatter's cost: batch scoring prints it for every row.
    long hundredths = Math.round(c * 100);
    return hundredths / 100 + (hundredths % 100 < 10 ? ".0" : ".") + hundredths % 100;
  }

  static String percent(double c) {
    return String.format(Locale.ROOT, "%d%%", Math.round(c * 100));
  }

  static String grouped(long n) {
    return dev.ragft.decision.Grouped.of(n);
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  static String weeks(int w) {
    return w == 1 ? "1 week" : w + " weeks";
  }
}
