package dev.ragft.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "0|0", "12000|12000", "12,000|12000", "12_000|12000", "12k|12000", "12K|12000", "1.5k|1500",
    "2m|2000000", " 7 |7", "1,234,567|1234567", "0.5k|500"})
  void readsWholeNumbersAsPeopleTypeThem(String text, long expected) {
    assertThat(NumberText.parse(text)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-5", "lots", "1.5", "1.2345k", "12,00", "1,0000", "k", "12kk", "1e3", "9999999999999999"})
  void refusesAnythingElse(String text) {
    assertThat(NumberText.parse(text)).isEmpty();
  }
}
