package dev.ragft.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyTest {
  @Test
  void nearestRankPercentiles() {
    double[] v = {5, 1, 4, 2, 3};
    assertThat(Latency.percentile(v, 50)).isEqualTo(3.0); // rank ceil(2.5) = 3
    assertThat(Latency.percentile(v, 95)).isEqualTo(5.0); // rank ceil(4.75) = 5
    assertThat(Latency.percentile(v, 20)).isEqualTo(1.0); // rank 1
    double[] hundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
    assertThat(Latency.percentile(hundred, 95)).isEqualTo(95.0);
    assertThat(Latency.percentile(hundred, 50)).isEqualTo(50.0);
    assertThat(Latency.percentile(new double[] {7}, 95)).isEqualTo(7.0);
  }

  @Test
  void leavesItsInputAlone() {
    double[] v = {3, 1, 2};
    Latency.percentile(v, 50);
    assertThat(v).containsExactly(3, 1, 2);
  }

  @Test
  void refusesNoValuesAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> Latency.percentile(new double[0], 50)).hasMessage("no values");
    assertThatThrownBy(() -> Latency.percentile(new double[] {1}, 0)).hasMessage("percentile must be in (0, 100], got 0.0");
  }
}
