package dev.ragft.bench.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy and macro-F1 of predicted labels. Macro-F1 averages the per-label F1 over every label
 * that occurs in the gold or the predicted labels (scikit-learn's {@code average="macro"}); a
 * label with no true positive scores 0.
 */
public final class LabelMetrics {
  private LabelMetrics() {}

  public static double accuracy(List<String> gold, List<String> predicted) {
    requireSameSize(gold, predicted);
    if (gold.isEmpty()) {
      return 0.0;
    }
    int right = 0;
    for (int i = 0; i < gold.size(); i++) {
      if (gold.get(i).equals(predicted.get(i))) {
        right++;
      }
    }
    return (double) right / gold.size();
  }

  public static double macroF1(List<String> gold, List<String> predicted) {
    requireSameSize(gold, predicted);
    TreeSet<String> labels = new TreeSet<>(gold);
    labels.addAll(predicted);
    if (labels.isEmpty()) {
      return 0.0;
    }
    Map<String, int[]> counts = new HashMap<>(); // label -> {true positives, false positives, false negatives}
    for (String l : labels) {
      counts.put(l, new int[3]);
    }
    for (int i = 0; i < gold.size(); i++) {
      String g = gold.get(i);
      String p = predicted.get(i);
      if (g.equals(p)) {
        counts.get(g)[0]++;
      } else {
        counts.get(p)[1]++;
        counts.get(g)[2]++;
      }
    }
    double sum = 0.0;
    for (String l : labels) {
      int[] c = counts.get(l);
      sum += c[0] == 0 ? 0.0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }
    return sum / labels.size();
  }

  private static void requireSameSize(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold has " + gold.size() + " labels, predicted " + predicted.size());
    }
  }
}
