package dev.ragft.bench.train;

import java.util.SplittableRandom;

/**
 * Multinomial logistic regression (softmax) trained by stochastic gradient descent on sparse
 * inputs. Deterministic for a seed: one thread, examples visited in an order drawn from a seeded
 * {@link SplittableRandom}. Weights are stored feature-major ({@code w[feature * classes + c]}) so
 * each update touches contiguous memory.
 */
public final class LogisticRegression {
  /** How training runs: passes over the data, the first step size, and the seed for the order. */
  public record Settings(int epochs, double learningRate, long seed) {
    public Settings {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be 1 or more, got " + epochs);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
      }
    }
  }

  /** A class whose probability is off by less than this for an example gets no update from it. */
  private static final float SETTLED = 1e-3f;

  private final int classes;
  private final float[] weights;
  private final float[] bias;

  private LogisticRegression(int classes, float[] weights, float[] bias) {
    this.classes = classes;
    this.weights = weights;
    this.bias = bias;
  }

  /** Trains on {@code x} with labels {@code y} in [0, classes). */
  public static LogisticRegression train(SparseVector[] x, int[] y, int classes, int dimensions, Settings s) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " inputs but " + y.length + " labels");
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be 1 or more, got " + classes);
    }
    float[] w = new float[dimensions * classes];
    float[] b = new float[classes];
    LogisticRegression model = new LogisticRegression(classes, w, b);
    if (x.length == 0) {
      return model;
    }
    SplittableRandom random = new SplittableRandom(s.seed());
    int[] order = new int[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    float[] p = new float[classes];
    float[] g = new float[classes];
    int[] act = new int[classes];
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, random);
      // Step size decays per epoch, so late passes refine instead of undoing earlier ones.
      float lr = (float) (s.learningRate() / (1.0 + epoch));
      for (int i : order) {
        model.probabilities(x[i], p);
        // Only classes with an error worth a step are updated: after the first passes most classes
        // are confidently ruled out for an example, and skipping them makes a step several times cheaper.
        int active = 0;
        for (int c = 0; c < classes; c++) {
          float error = p[c] - (c == y[i] ? 1f : 0f);
          b[c] -= error * lr;
          if (Math.abs(error) >= SETTLED) {
            act[active] = c;
            g[active++] = error * lr;
          }
        }
        int[] idx = x[i].indices();
        float[] val = x[i].values();
        for (int j = 0; j < idx.length; j++) {
          int base = idx[j] * classes;
          float v = val[j];
          for (int k = 0; k < active; k++) {
            w[base + act[k]] -= v * g[k];
          }
        }
      }
    }
    return model;
  }

  /** Class probabilities for {@code x}, written into {@code out} (length = classes). */
  public void probabilities(SparseVector x, double[] out) {
    float[] p = new float[classes];
    probabilities(x, p);
    for (int c = 0; c < classes; c++) {
      out[c] = p[c];
    }
  }

  // Float logits: the inner loops over classes then compile to vector instructions.
  private void probabilities(SparseVector x, float[] out) {
    for (int c = 0; c < classes; c++) {
      out[c] = bias[c];
    }
    int[] idx = x.indices();
    float[] val = x.values();
    for (int j = 0; j < idx.length; j++) {
      int base = idx[j] * classes;
      float v = val[j];
      for (int c = 0; c < classes; c++) {
        out[c] += v * weights[base + c];
      }
    }
    float max = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, out[c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      out[c] = (float) Math.exp(out[c] - max);
      sum += out[c];
    }
    float inv = (float) (1.0 / sum);
    for (int c = 0; c < classes; c++) {
      out[c] *= inv;
    }
  }

  public int classes() {
    return classes;
  }

  private static void shuffle(int[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
