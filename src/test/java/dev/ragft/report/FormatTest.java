package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatTest {
  /** Edge values first, then seeded random ones across magnitudes, both signs, exact halves. */
  private static List<Double> values(long seed) {
    List<Double> out = new ArrayList<>(List.of(0.0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675, -0.001, -0.004, -0.005,
        999.995, 1_000.0, 999_999.999, 1e7, 1.23456789e12, -1_234_567.891, 0.5, 1.5, 2.5, -2.5, Double.MIN_VALUE,
        1e-9, 123_456_789.0451, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    Random r = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      double magnitude = Math.pow(10, r.nextInt(12) - 3);
      double v = r.nextDouble() * magnitude * (r.nextBoolean() ? 1 : -1);
      out.add(r.nextInt(4) == 0 ? Math.round(v * 1000) / 1000.0 : v);
    }
    return out;
  }

  @Test
  void fixedPrintsWhatTheFormatterPrints() {
    long seed = 20261127L;
    for (double v : values(seed)) {
      for (int decimals = 0; decimals <= 6; decimals++) {
        assertThat(Format.fixed(v, decimals, false)).as("seed %d, %s with %d decimals", seed, v, decimals)
            .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
        assertThat(Format.fixed(v, decimals, true)).as("seed %d, %s grouped with %d decimals", seed, v, decimals)
            .isEqualTo(String.format(Locale.ROOT, "%,." + decimals + "f", v));
      }
    }
  }

  @Test
  void moneyKeepsItsSignsAndGroups() {
    assertThat(Money.format("USD", new java.math.BigDecimal("1234567.891"), 2)).isEqualTo("$1,234,567.89");
    assertThat(Money.format("EUR", new java.math.BigDecimal("0.00965"), 6)).isEqualTo("€0.009650");
    assertThat(Money.format("CHF", new java.math.BigDecimal("12.5"), 2)).isEqualTo("12.50 CHF");
    // Cents below 100, whole units from 100 up: a $0.40 month is not "$0".
    assertThat(Money.format("USD", new java.math.BigDecimal("0.404"))).isEqualTo("$0.40");
    assertThat(Money.format("USD", new java.math.BigDecimal("99.994"))).isEqualTo("$99.99");
    assertThat(Money.format("USD", new java.math.BigDecimal("1234.5"))).isEqualTo("$1,235");
    assertThat(Format.percent(0.456)).isEqualTo("46%");
  }
}
