package dev.ragft.bench.train;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A classifier that answers the out-of-scope label when its confidence (the predicted label's
 * probability) is below a threshold: the usual baseline for inputs no label covers (Larson et al.,
 * "An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction", EMNLP 2019, the
 * "oos-threshold" setting). The threshold is chosen on held-out examples, never on eval.
 */
public record AbstainingClassifier(Classifier inner, double threshold, String outOfScope) implements Classifier {
  public AbstainingClassifier {
    Objects.requireNonNull(inner, "inner");
    Objects.requireNonNull(outOfScope, "outOfScope");
  }

  @Override
  public TextClassifier.Prediction predict(String text) {
    TextClassifier.Prediction p = inner.predict(text);
    return p.probability() < threshold ? new TextClassifier.Prediction(outOfScope, p.probability()) : p;
  }

  /**
   * The threshold that labels the held-out examples best (the most right, in or out of scope): each
   * predicted probability is a candidate, as is 0 (never abstain); on a tie the lowest wins.
   *
   * @param heldOut the held-out examples, with their gold labels (the out-of-scope ones included)
   */
  public static double choose(Classifier inner, List<TextClassifier.Example> heldOut, String outOfScope) {
    double[] p = new double[heldOut.size()];
    String[] label = new String[heldOut.size()];
    for (int i = 0; i < heldOut.size(); i++) {
      TextClassifier.Prediction x = inner.predict(heldOut.get(i).text());
      p[i] = x.probability();
      label[i] = x.label();
    }
    TreeSet<Double> candidates = new TreeSet<>();
    candidates.add(0.0);
    for (double v : p) {
      candidates.add(v);
      candidates.add(Math.nextUp(v)); // abstain on this one too
    }
    double best = 0;
    int bestRight = -1;
    for (double t : candidates) {
      int right = 0;
      for (int i = 0; i < p.length; i++) {
        String predicted = p[i] < t ? outOfScope : label[i];
        if (predicted.equals(heldOut.get(i).label())) {
          right++;
        }
      }
      if (right > bestRight) {
        bestRight = right;
        best = t;
      }
    }
    return best;
  }
}
