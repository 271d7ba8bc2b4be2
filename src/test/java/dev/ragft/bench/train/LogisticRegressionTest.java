package dev.ragft.bench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  static final List<TextClassifier.Example> EXAMPLES = List.of(
      new TextClassifier.Example("I was charged twice this month", "billing"),
      new TextClassifier.Example("please refund my last invoice", "billing"),
      new TextClassifier.Example("my invoice shows the wrong amount", "billing"),
      new TextClassifier.Example("the app crashes when I open a note", "bug"),
      new TextClassifier.Example("sync fails with an error", "bug"),
      new TextClassifier.Example("the editor freezes after the update", "bug"),
      new TextClassifier.Example("how do I share a folder", "how-to"),
      new TextClassifier.Example("how can I export my notes", "how-to"));

  static final LogisticRegression.Settings SETTINGS = new LogisticRegression.Settings(20, 1.0, 7);

  @Test
  void learnsLabelsFromWordingItWasShown() {
    TextClassifier c = TextClassifier.train(EXAMPLES, 16, SETTINGS);
    assertThat(c.labels()).containsExactly("billing", "bug", "how-to");
    assertThat(c.predict("charged twice on my invoice").label()).isEqualTo("billing");
    assertThat(c.predict("the app crashes").label()).isEqualTo("bug");
    assertThat(c.predict("how do I export a folder").label()).isEqualTo("how-to");
    for (TextClassifier.Example e : EXAMPLES) {
      assertThat(c.predict(e.text()).label()).as(e.text()).isEqualTo(e.label());
    }
  }

  @Test
  void probabilitiesSumToOne() {
    TextClassifier c = TextClassifier.train(EXAMPLES, 16, SETTINGS);
    assertThat(c.predict("charged twice").probability()).isBetween(1.0 / 3, 1.0);
  }

  @Test
  void isDeterministicForASeed() {
    for (long seed = 0; seed < 5; seed++) {
      LogisticRegression.Settings s = new LogisticRegression.Settings(5, 0.5, seed);
      TextClassifier a = TextClassifier.train(EXAMPLES, 14, s);
      TextClassifier b = TextClassifier.train(EXAMPLES, 14, s);
      for (String text : List.of("refund", "crash on open", "share notes", "")) {
        assertThat(a.predict(text)).as("seed %d, text %s", seed, text).isEqualTo(b.predict(text));
      }
    }
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> new LogisticRegression.Settings(0, 1, 1)).hasMessage("epochs must be 1 or more, got 0");
    assertThatThrownBy(() -> new LogisticRegression.Settings(1, 0, 1)).hasMessage("learningRate must be positive, got 0.0");
    assertThatThrownBy(() -> TextClassifier.train(List.of(), 10, SETTINGS)).hasMessage("no training examples");
  }
}
