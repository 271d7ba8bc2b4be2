package dev.ragft.bench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbstainingClassifierTest {
  /** A stand-in whose confidence in each text is given. */
  static Classifier fixed(Map<String, Double> confidence) {
    return text -> new TextClassifier.Prediction("card", confidence.get(text));
  }

  @Test
  void theThresholdLabelsTheHeldOutExamplesBestAndBelowItTheClassifierAbstains() {
    Classifier inner = fixed(Map.of("a", 0.9, "b", 0.8, "c", 0.3, "d", 0.2, "e", 0.6));
    // a, b, e are cards (confident); c, d out of scope (unsure): any threshold in (0.3, 0.6] gets all five right
    List<TextClassifier.Example> heldOut = List.of(new TextClassifier.Example("a", "card"),
        new TextClassifier.Example("b", "card"), new TextClassifier.Example("c", "oos"),
        new TextClassifier.Example("d", "oos"), new TextClassifier.Example("e", "card"));
    double t = AbstainingClassifier.choose(inner, heldOut, "oos");
    assertThat(t).isGreaterThan(0.3).isLessThanOrEqualTo(0.6);
    AbstainingClassifier c = new AbstainingClassifier(inner, t, "oos");
    assertThat(c.predict("c").label()).isEqualTo("oos");
    assertThat(c.predict("e").label()).isEqualTo("card");
  }

  @Test
  void withoutOutOfScopeExamplesHeldOutItNeverAbstains() {
    Classifier inner = fixed(Map.of("a", 0.9, "b", 0.1));
    double t = AbstainingClassifier.choose(inner, List.of(new TextClassifier.Example("a", "card"),
        new TextClassifier.Example("b", "card")), "oos");
    assertThat(t).isZero();
  }
}
