package dev.ragft.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelMetricsTest {
  static final List<String> GOLD = List.of("a", "a", "b", "c");
  static final List<String> PREDICTED = List.of("a", "b", "b", "a");

  @Test
  void accuracyIsTheShareOfRightLabels() {
    assertThat(LabelMetrics.accuracy(GOLD, PREDICTED)).isEqualTo(0.5);
  }

  @Test
  void macroF1AveragesPerLabelF1OverGoldAndPredictedLabels() {
    // a: tp 1, fp 1, fn 1 -> 2/4 = 0.5; b: tp 1, fp 1, fn 0 -> 2/3; c: tp 0 -> 0. Mean = 0.388...
    assertThat(LabelMetrics.macroF1(GOLD, PREDICTED)).isCloseTo((0.5 + 2.0 / 3.0) / 3.0, within(1e-12));
  }

  @Test
  void aLabelOnlyEverPredictedCountsInTheAverage() {
    // labels a and d, both with no true positive
    assertThat(LabelMetrics.macroF1(List.of("a"), List.of("d"))).isEqualTo(0.0);
    // a: 2/(2+0+1) = 2/3, d: 0 -> 1/3
    assertThat(LabelMetrics.macroF1(List.of("a", "a"), List.of("a", "d"))).isCloseTo(1.0 / 3.0, within(1e-12));
  }

  @Test
  void perfectPredictionsScoreOne() {
    assertThat(LabelMetrics.macroF1(GOLD, GOLD)).isEqualTo(1.0);
    assertThat(LabelMetrics.accuracy(GOLD, GOLD)).isEqualTo(1.0);
  }

  @Test
  void refusesListsOfDifferentLengths() {
    assertThatThrownBy(() -> LabelMetrics.accuracy(GOLD, List.of("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("gold has 4 labels, predicted 1");
  }
}
