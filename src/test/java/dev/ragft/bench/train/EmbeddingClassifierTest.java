package dev.ragft.bench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.embedding.CountingEmbedder;
import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.embedding.RealModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingClassifierTest {
  private static final List<TextClassifier.Example> EXAMPLES = LogisticRegressionTest.EXAMPLES;

  private static EmbeddingClassifier train(Embedder m) {
    List<float[]> vectors = m.embed(EXAMPLES.stream().map(TextClassifier.Example::text).toList());
    return EmbeddingClassifier.train(EXAMPLES, vectors, m, LogisticRegressionTest.SETTINGS);
  }

  @Test
  void labelsParaphrasesByMeaningWithTheRealModel() {
    EmbeddingClassifier c = train(RealModel.get());
    for (TextClassifier.Example e : EXAMPLES) {
      assertThat(c.predict(e.text()).label()).as(e.text()).isEqualTo(e.label());
    }
    // Words it never saw in training, for each label.
    assertThat(c.predict("you billed me two times").label()).isEqualTo("billing");
    assertThat(c.predict("program keeps closing unexpectedly").label()).isEqualTo("bug");
  }

  @Test
  void usesTheVectorsItIsGivenAndEmbedsOnlyTheInputToPredict() {
    CountingEmbedder m = new CountingEmbedder("m", 32);
    List<float[]> vectors = m.embed(EXAMPLES.stream().map(TextClassifier.Example::text).toList());
    EmbeddingClassifier c = EmbeddingClassifier.train(EXAMPLES, vectors, m, LogisticRegressionTest.SETTINGS);
    assertThat(m.texts()).isEqualTo(EXAMPLES.size());
    TextClassifier.Prediction p = c.predict("anything");
    assertThat(m.texts()).isEqualTo(EXAMPLES.size() + 1);
    assertThat(p.probability()).isBetween(0.0, 1.0);
    assertThat(List.of("billing", "bug", "how-to")).contains(p.label());
  }

  @Test
  void rejectsVectorsThatDoNotMatchTheExamples() {
    CountingEmbedder m = new CountingEmbedder("m", 4);
    assertThatThrownBy(() -> EmbeddingClassifier.train(EXAMPLES, m.embed(List.of("one")), m,
        LogisticRegressionTest.SETTINGS)).hasMessage("8 examples but 1 vectors");
    assertThatThrownBy(() -> EmbeddingClassifier.train(List.of(), List.of(), m, LogisticRegressionTest.SETTINGS))
        .hasMessage("no training examples");
  }
}
