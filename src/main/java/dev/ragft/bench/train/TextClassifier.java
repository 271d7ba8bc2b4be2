package dev.ragft.bench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A text classifier trained on labelled examples: {@link Vectorizer} features into
 * {@link LogisticRegression}. It is the offline proxy for a fine-tuned model doing
 * classification: it knows only the labels and wordings its training examples showed it.
 */
public final class TextClassifier implements Classifier {
  /** A label and the probability the model gives it. */
  public record Prediction(String label, double probability) {}

  /** One labelled text. */
  public record Example(String text, String label) {}

  private final Vectorizer vectorizer;
  private final LogisticRegression model;
  private final List<String> labels;

  private TextClassifier(Vectorizer vectorizer, LogisticRegression model, List<String> labels) {
    this.vectorizer = vectorizer;
    this.model = model;
    this.labels = List.copyOf(labels);
  }

  public static TextClassifier train(List<Example> examples, int bits, LogisticRegression.Settings settings) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    // Labels in sorted order, so class numbers (and so ties) do not depend on example order.
    List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::label).toList()));
    Vectorizer v = Vectorizer.fit(examples.stream().map(Example::text).toList(), bits);
    SparseVector[] x = new SparseVector[examples.size()];
    int[] y = new int[examples.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.transform(examples.get(i).text());
      y[i] = labels.indexOf(examples.get(i).label());
    }
    return new TextClassifier(v, LogisticRegression.train(x, y, labels.size(), v.dimensions(), settings), labels);
  }

  @Override
  public Prediction predict(String text) {
    double[] p = new double[labels.size()];
    model.probabilities(vectorizer.transform(text), p);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new Prediction(labels.get(best), p[best]);
  }

  public List<String> labels() {
    return labels;
  }
}
