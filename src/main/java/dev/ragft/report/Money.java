package dev.ragft.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as reports show them: a currency sign where one is common, grouped, fixed decimals. */
public final class Money {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Money() {}

  /** Cents below 100 (a $0.40 month is not "$0"), whole units from 100 up. */
  public static String format(String currency, BigDecimal amount) {
    return format(currency, amount, amount.abs().compareTo(HUNDRED) < 0 ? 2 : 0);
  }

  public static String format(String currency, BigDecimal amount, int decimals) {
    BigDecimal rounded = amount.setScale(decimals, RoundingMode.HALF_UP);
    String number = String.format(java.util.Locale.ROOT, "%,." + decimals + "f", rounded);
    return switch (currency) {
      case "USD" -> "$" + number;
      case "EUR" -> "€" + number;
      case "GBP" -> "£" + number;
      default -> number + " " + currency;
    };
  }

  /** Fixed scale for JSON, so the same amount always prints the same digits. */
  static BigDecimal exact(BigDecimal amount, int scale) {
    return amount.setScale(scale, RoundingMode.HALF_UP);
  }
}
