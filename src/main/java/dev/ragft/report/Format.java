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
      return fixed(c, 2, false);
    }
    // What %.2f prints, without the formatter's cost: batch scoring prints it for every row.
    long hundredths = Math.round(c * 100);
    return hundredths / 100 + (hundredths % 100 < 10 ? ".0" : ".") + hundredths % 100;
  }

  static String percent(double c) {
    return Math.round(c * 100) + "%";
  }

  /**
   * {@code value} with {@code decimals} fixed decimals, rounded half up, and thousands separators
   * when {@code grouped}: what {@code String.format(Locale.ROOT, "%,.2f", value)} prints, without
   * the formatter, whose first call costs some 20 ms of start-up (it parses its pattern with regular
   * expressions and loads the locale's symbols). Not finite values go to the formatter.
   */
  static String fixed(double value, int decimals, boolean grouped) {
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, grouped ? "%,." + decimals + "f" : "%." + decimals + "f", value);
    }
    // BigDecimal.valueOf takes the double's shortest decimal digits, as the formatter rounds them.
    java.math.BigDecimal scaled = java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP);
    String plain = scaled.toPlainString();
    if (scaled.signum() == 0 && Math.copySign(1.0, value) < 0) {
      plain = "-" + plain; // the formatter keeps the sign of a negative value that rounds to zero
    }
    if (!grouped) {
      return plain;
    }
    int sign = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    StringBuilder b = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
    for (int i = sign; i < end; i++) {
      if (i > sign && (end - i) % 3 == 0) {
        b.append(',');
      }
      b.append(plain.charAt(i));
    }
    return b.append(plain, end, plain.length()).toString();
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
