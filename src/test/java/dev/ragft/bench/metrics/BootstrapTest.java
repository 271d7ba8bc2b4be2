package dev.ragft.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  static final double NA = Double.NaN;

  @Nested
  class ByHand {
    @Test
    void aMeanSkipsTheCasesTheMetricDoesNotApplyTo() {
      Bootstrap.Mean m = new Bootstrap.Mean(new double[] {1, NA, 0, 1});
      assertThat(m.of(new int[] {0, 1, 2, 3})).isCloseTo(2.0 / 3, within(1e-12));
      assertThat(m.of(new int[] {0, 0, 1, 1})).isEqualTo(1.0);
      assertThat(m.of(new int[] {1, 1, 1, 1})).isNaN();
    }

    @Test
    void macroF1OfADrawCountsEachDrawnCase() {
      // labels 0 = billing, 1 = bug; case 0 billing->billing, case 1 bug->billing, case 2 bug->bug
      Bootstrap.MacroF1 f = new Bootstrap.MacroF1(new int[] {0, 1, 1}, new int[] {0, 0, 1}, 2);
      // draw {0, 0, 1}: billing tp 2 fp 1 -> F1 4/5; bug tp 0 fn 1 -> 0; macro 2/5
      assertThat(f.of(new int[] {0, 0, 1})).isCloseTo(0.4, within(1e-12));
      // draw {2, 2, 2}: only bug, all right -> 1 (billing does not occur)
      assertThat(f.of(new int[] {2, 2, 2})).isEqualTo(1.0);
      assertThat(f.of(new int[] {0, 1, 2})).isCloseTo(LabelMetrics.macroF1(List.of("b", "u", "u"),
          List.of("b", "b", "u")), within(1e-12));
    }

    @Test
    void theIntervalIsTheNearestRankTwoAndAHalfAndNinetySevenAndAHalfPercentiles() {
      // 40 values 1..40: rank ceil(0.025 * 40) = 1 and ceil(0.975 * 40) = 39
      double[] v = IntStream.rangeClosed(1, 40).mapToDouble(i -> 41 - i).toArray();
      assertThat(Bootstrap.interval(v)).contains(new Interval(1, 39));
      // 200 values: ranks 5 and 195
      double[] w = IntStream.rangeClosed(1, 200).mapToDouble(i -> i / 100.0).toArray();
      assertThat(Bootstrap.interval(w)).contains(new Interval(0.05, 1.95));
      assertThat(Bootstrap.interval(new double[] {NA, 3, NA})).contains(new Interval(3, 3));
      assertThat(Bootstrap.interval(new double[] {NA})).isEmpty();
    }

    @Test
    void theDifferenceIsPairedDrawByDraw() {
      List<int[]> draws = List.of(new int[] {0, 0, 2, 3}, new int[] {1, 1, 1, 1}, new int[] {0, 1, 2, 3});
      double[][] r = Bootstrap.resample(draws, List.of(new Bootstrap.Mean(new double[] {1, 0, 1, 0}),
          new Bootstrap.Mean(new double[] {0, 0, 1, 0})));
      // draw 1: a (1 + 1 + 1 + 0) / 4 = 0.75, b (0 + 0 + 1 + 0) / 4 = 0.25; draw 2: 0 and 0; draw 3: 0.5 and 0.25
      assertThat(r[0]).containsExactly(0.75, 0.0, 0.5);
      assertThat(r[1]).containsExactly(0.25, 0.0, 0.25);
      assertThat(Bootstrap.difference(r[0], r[1])).containsExactly(0.5, 0.0, 0.25);
      assertThat(Bootstrap.interval(Bootstrap.difference(r[0], r[1]))).contains(new Interval(0.0, 0.5));
    }

    @Test
    void resamplingOneAtATimeDrawsWhatDrawsDraws() {
      List<Bootstrap.Mean> stats = List.of(new Bootstrap.Mean(new double[] {0.1, 0.7, 0.3, 0.9, 0.5}));
      assertThat(Bootstrap.resample(5, 50, 7, stats)[0]).containsExactly(Bootstrap.resample(Bootstrap.draws(5, 50, 7),
          stats)[0]);
    }

    @Test
    void refusesNothingToDraw() {
      assertThatThrownBy(() -> Bootstrap.draws(0, 10, 1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bootstrap: expected at least one case and one resample, got 0 and 10");
      assertThatThrownBy(() -> new Interval(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class AgainstAReferenceDistribution {
    /** 200 cases, 120 right: the mean's sampling distribution is close to normal with sd sqrt(0.6 * 0.4 / 200). */
    static double[] bernoulli() {
      return IntStream.range(0, 200).mapToDouble(i -> i % 5 < 3 ? 1 : 0).toArray();
    }

    @Test
    void theIntervalOfAMeanMatchesTheNormalApproximation() {
      for (long seed : new long[] {1, 42, 2026}) {
        double[] r = Bootstrap.resample(200, 4000, seed, List.of(new Bootstrap.Mean(bernoulli())))[0];
        Interval i = Bootstrap.interval(r).orElseThrow();
        double half = 1.96 * Math.sqrt(0.6 * 0.4 / 200);
        assertThat(i.low()).as("seed %d", seed).isCloseTo(0.6 - half, within(0.012));
        assertThat(i.high()).as("seed %d", seed).isCloseTo(0.6 + half, within(0.012));
      }
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndTheSeededOneIsPinned() {
      List<Bootstrap.Mean> s = List.of(new Bootstrap.Mean(bernoulli()));
      Interval a = Bootstrap.interval(Bootstrap.resample(200, 1000, 42, s)[0]).orElseThrow();
      Interval b = Bootstrap.interval(Bootstrap.resample(200, 1000, 42, s)[0]).orElseThrow();
      assertThat(a).isEqualTo(b);
      // pinned: SplittableRandom's sequence is specified, so this changes only if the draw does
      assertThat(a).isEqualTo(new Interval(PINNED_LOW, PINNED_HIGH));
      assertThat(Bootstrap.interval(Bootstrap.resample(200, 1000, 43, s)[0]).orElseThrow()).isNotEqualTo(a);
    }

    @Test
    void pairingCancelsWhatTwoApproachesShare() {
      // b is a with 6 of its 120 right cases made wrong: unpaired, each mean has sd ~0.035; paired, the
      // difference is 6/200 = 0.03 on every draw that keeps those cases, and never below 0.
      double[] a = bernoulli();
      double[] b = a.clone();
      for (int i = 0, changed = 0; changed < 6; i++) {
        if (b[i] == 1) {
          b[i] = 0;
          changed++;
        }
      }
      double[][] r = Bootstrap.resample(200, 1000, 42, List.of(new Bootstrap.Mean(a), new Bootstrap.Mean(b)));
      Interval d = Bootstrap.interval(Bootstrap.difference(r[0], r[1])).orElseThrow();
      assertThat(d.low()).isGreaterThan(0);
      assertThat(d.excludesZero()).isTrue();
      assertThat(Bootstrap.interval(r[0]).orElseThrow().low()).isLessThan(Bootstrap.interval(r[1]).orElseThrow().high());
    }
  }

  static final double PINNED_LOW = 0.53;
  static final double PINNED_HIGH = 0.665;
}
