package dev.ragft.bench.train;

import dev.ragft.bench.embedding.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A linear classifier over sentence embeddings: {@link LogisticRegression} on the frozen vectors
 * of an {@link Embedder}. Still an offline PROXY for a fine-tuned model doing classification: the
 * embedding model is not trained, only the linear layer on top (a "linear probe"), so it stands
 * for a fine-tune that learns the labels, not for one that learns new wording.
 */
public final class EmbeddingClassifier implements Classifier {
  private final Embedder embedder;
  private final LogisticRegression model;
  private final List<String> labels;
  private final SparseVector.Dense features;

  private EmbeddingClassifier(Embedder embedder, LogisticRegression model, List<String> labels) {
    this.embedder = embedder;
    this.model = model;
    this.labels = List.copyOf(labels);
    this.features = new SparseVector.Dense(embedder.dimensions());
  }

  /**
   * Trains on {@code examples}, whose embeddings by {@code embedder} are {@code vectors} (in order;
   * passed in so that vectors already made, e.g. for retrieval, are not made twice).
   */
  public static EmbeddingClassifier train(List<TextClassifier.Example> examples, List<float[]> vectors,
      Embedder embedder, LogisticRegression.Settings settings) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    if (examples.size() != vectors.size()) {
      throw new IllegalArgumentException(examples.size() + " examples but " + vectors.size() + " vectors");
    }
    // Labels in sorted order, so class numbers (and so ties) do not depend on example order.
    List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(TextClassifier.Example::label).toList()));
    SparseVector.Dense dense = new SparseVector.Dense(embedder.dimensions());
    SparseVector[] x = new SparseVector[examples.size()];
    int[] y = new int[examples.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = dense.of(vectors.get(i));
      y[i] = labels.indexOf(examples.get(i).label());
    }
    return new EmbeddingClassifier(embedder,
        LogisticRegression.train(x, y, labels.size(), embedder.dimensions(), settings), labels);
  }

  @Override
  public TextClassifier.Prediction predict(String text) {
    double[] p = new double[labels.size()];
    model.probabilities(features.of(embedder.embed(text)), p);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new TextClassifier.Prediction(labels.get(best), p[best]);
  }
}
