package dev.ragft.bench.train;

/** A sparse feature vector: parallel arrays of feature indices (ascending, distinct) and values. */
public record SparseVector(int[] indices, float[] values) {
  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(indices.length + " indices but " + values.length + " values");
    }
  }

  public int size() {
    return indices.length;
  }

  /** The dot product with a dense vector. */
  public double dot(float[] dense) {
    double s = 0;
    for (int i = 0; i < indices.length; i++) {
      s += values[i] * dense[indices[i]];
    }
    return s;
  }

  /** Dense vectors of a fixed size as sparse ones (every index present), for the same models. */
  public static final class Dense {
    private final int[] indices;

    public Dense(int dimensions) {
      indices = new int[dimensions];
      for (int i = 0; i < dimensions; i++) {
        indices[i] = i;
      }
    }

    public SparseVector of(float[] values) {
      if (values.length != indices.length) {
        throw new IllegalArgumentException(values.length + " values, expected " + indices.length);
      }
      return new SparseVector(indices, values.clone());
    }
  }
}
