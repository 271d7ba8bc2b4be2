package dev.ragft.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as reports show them: a currency sign where one is common, grouped, fixed decimals. */
final class Money {
  private Money() {}

  static String format(String currency, double amount, int decimals) {
    String number = Format.fixed(amount, decimals, true);
    return switch (currency) {
      case "USD" -> "$" + number;
      case "EUR" -> "€" + number;
      case "GBP" -> "£" + number;
      default -> number + " " + currency;
    };
  }

  /** Fixed scale for JSON, so the same amount always prints the same digits. */
  static BigDecimal exact(double amount, int scale) {
    return BigDecimal.valueOf(amount).setScale(scale, RoundingMode.HALF_UP);
  }
}
