package dev.ragft.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GroupedTest {
  @Test
  void printsWhatTheFormatterPrintsForEdgeValues() {
    for (long n : List.of(0L, 1L, -1L, 999L, 1000L, -1000L, 999_999L, 1_000_000L, 12_345_678L, Long.MAX_VALUE, Long.MIN_VALUE)) {
      assertThat(Grouped.of(n)).as("n=%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
  }

  @Test
  void printsWhatTheFormatterPrintsForRandomValues() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < 500; i++) {
        // Favour short numbers, where the separators are placed differently, as well as long ones.
        long n = random.nextLong() >> random.nextInt(64);
        assertThat(Grouped.of(n)).as("seed %d, n=%d", seed, n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
      }
    }
  }
}
