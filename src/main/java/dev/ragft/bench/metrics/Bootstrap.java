package dev.ragft.bench.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The paired bootstrap over eval cases (Efron and Tibshirani, <i>An Introduction to the
 * Bootstrap</i>, 1993, ch. 13 for percentile intervals; Koehn, "Statistical Significance Tests for
 * Machine Translation Evaluation", EMNLP 2004, for the paired form used to compare two systems).
 * A resample draws the slice's n cases with replacement; every statistic (each approach's metrics)
 * is computed on the same draw, so a difference of two approaches is measured case by case and
 * the cases' difficulty cancels. Pure: the same values, resample count and seed give the same
 * intervals.
 */
public final class Bootstrap {
  /** The percentile of the interval's low end, in percent; the high end is at {@code 100 - LOW}. */
  static final double LOW_PERCENT = 2.5;

  private Bootstrap() {}

  /** A statistic of a resample, given the indexes of the cases drawn. */
  public sealed interface Statistic permits Mean, MacroF1 {
    double of(int[] drawn);
  }

  /**
   * The mean of per-case values over the drawn cases that have one ({@code NaN} marks a case the
   * metric does not apply to); {@code NaN} when no drawn case has a value.
   */
  public record Mean(double[] values) implements Statistic {
    public Mean {
      values = values.clone();
    }

    @Override
    public double of(int[] drawn) {
      double sum = 0;
      int n = 0;
      for (int i : drawn) {
        double v = values[i];
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      return n == 0 ? Double.NaN : sum / n;
    }
  }

  /**
   * Macro-F1 ({@link LabelMetrics#macroF1}) of the drawn cases' labels, coded as 0 to
   * {@code labels - 1}; {@code -1} in {@code gold} marks a case without a label.
   */
  public record MacroF1(int[] gold, int[] predicted, int labels) implements Statistic {
    public MacroF1 {
      if (gold.length != predicted.length) {
        throw new IllegalArgumentException("gold has " + gold.length + " labels, predicted " + predicted.length);
      }
      gold = gold.clone();
      predicted = predicted.clone();
    }

    @Override
    public double of(int[] drawn) {
      int[] counts = new int[3 * labels]; // per label: true positives, false positives, false negatives
      boolean any = false;
      for (int i : drawn) {
        int g = gold[i];
        if (g < 0) {
          continue;
        }
        any = true;
        int p = predicted[i];
        if (g == p) {
          counts[3 * g]++;
        } else {
          counts[3 * p + 1]++;
          counts[3 * g + 2]++;
        }
      }
      if (!any) {
        return Double.NaN;
      }
      double sum = 0;
      int present = 0;
      for (int l = 0; l < labels; l++) {
        int tp = counts[3 * l];
        int fp = counts[3 * l + 1];
        int fn = counts[3 * l + 2];
        if (tp + fp + fn > 0) {
          present++;
          sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
      }
      return sum / present;
    }
  }

  /** {@code resamples} draws of {@code n} case indexes with replacement, from a generator seeded with {@code seed}. */
  public static List<int[]> draws(int n, int resamples, long seed) {
    if (n < 1 || resamples < 1) {
      throw new IllegalArgumentException("bootstrap: expected at least one case and one resample, got " + n + " and "
          + resamples);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> out = new ArrayList<>(resamples);
    for (int b = 0; b < resamples; b++) {
      int[] drawn = new int[n];
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
      }
      out.add(drawn);
    }
    return out;
  }

  /**
   * Every statistic on each of {@code resamples} draws of {@code n} cases, the draws of
   * {@link #draws} made one at a time: {@code [statistic][draw]}.
   */
  public static double[][] resample(int n, int resamples, long seed, List<? extends Statistic> statistics) {
    if (n < 1 || resamples < 1) {
      throw new IllegalArgumentException("bootstrap: expected at least one case and one resample, got " + n + " and "
          + resamples);
    }
    // The means, the bulk of the work, in one pass over each draw: case-major values (0 where a case has none) and
    // 0/1 weights, so the hot loop has no branch.
    List<Integer> means = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int s = 0; s < statistics.size(); s++) {
      (statistics.get(s) instanceof Mean ? means : others).add(s);
    }
    int width = means.size();
    double[] values = new double[n * width];
    double[] weights = new double[n * width];
    for (int k = 0; k < width; k++) {
      double[] v = ((Mean) statistics.get(means.get(k))).values;
      if (v.length != n) {
        throw new IllegalArgumentException("bootstrap: a statistic has " + v.length + " cases, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        boolean has = !Double.isNaN(v[i]);
        values[i * width + k] = has ? v[i] : 0;
        weights[i * width + k] = has ? 1 : 0;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] out = new double[statistics.size()][resamples];
    int[] drawn = new int[n];
    double[] sums = new double[width];
    double[] counts = new double[width];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
      }
      java.util.Arrays.fill(sums, 0);
      java.util.Arrays.fill(counts, 0);
      for (int i : drawn) {
        int row = i * width;
        for (int k = 0; k < width; k++) {
          sums[k] += values[row + k];
          counts[k] += weights[row + k];
        }
      }
      for (int k = 0; k < width; k++) {
        out[means.get(k)][b] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
      }
      for (int s : others) {
        out[s][b] = statistics.get(s).of(drawn);
      }
    }
    return out;
  }

  /** Every statistic on every draw: {@code [statistic][draw]}. */
  public static double[][] resample(List<int[]> draws, List<? extends Statistic> statistics) {
    double[][] out = new double[statistics.size()][draws.size()];
    for (int b = 0; b < draws.size(); b++) {
      int[] drawn = draws.get(b);
      for (int s = 0; s < statistics.size(); s++) {
        out[s][b] = statistics.get(s).of(drawn);
      }
    }
    return out;
  }

  /**
   * The 95% percentile interval of resampled values: the 2.5th and 97.5th percentiles by the
   * nearest-rank method ({@link Latency#percentile}), over the values that are not {@code NaN};
   * empty when there are none.
   */
  public static Optional<Interval> interval(double[] resampled) {
    double[] values = Arrays.stream(resampled).filter(v -> !Double.isNaN(v)).toArray();
    if (values.length == 0) {
      return Optional.empty();
    }
    Arrays.sort(values);
    return Optional.of(new Interval(rank(values, LOW_PERCENT), rank(values, 100 - LOW_PERCENT)));
  }

  /** {@code a[b] - c[b]} per draw: the paired difference of two statistics. */
  public static double[] difference(double[] a, double[] c) {
    double[] out = new double[a.length];
    for (int b = 0; b < a.length; b++) {
      out[b] = a[b] - c[b];
    }
    return out;
  }

  private static double rank(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
