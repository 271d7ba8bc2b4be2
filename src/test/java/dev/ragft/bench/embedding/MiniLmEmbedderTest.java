package dev.ragft.bench.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void givesUnitVectorsOf384DimensionsAndNamesItsVersion() {
    Embedder m = RealModel.get();
    assertThat(m.id()).isEqualTo("all-minilm-l6-v2@1.19.0-beta29");
    assertThat(m.dimensions()).isEqualTo(384);
    List<float[]> v = m.embed(List.of("How do I reset my password?", "", "   "));
    assertThat(v).hasSize(3).allSatisfy(x -> {
      assertThat(x).hasSize(384);
      assertThat(dot(x, x)).isCloseTo(1.0, within(1e-4));
    });
  }

  @Test
  void placesParaphrasesCloserThanUnrelatedTexts() {
    Embedder m = RealModel.get();
    float[] q = m.embed("I forgot my login credentials");
    double paraphrase = dot(q, m.embed("Resetting a lost password"));
    double unrelated = dot(q, m.embed("Invoices are emailed at the start of each month"));
    assertThat(paraphrase).isGreaterThan(unrelated + 0.1);
  }

  @Test
  void embedsNothingToNothing() {
    assertThat(RealModel.get().embed(List.of())).isEmpty();
  }

  @Test
  void isDeterministic() {
    Embedder m = RealModel.get();
    assertThat(m.embed("the same text twice")).containsExactly(m.embed("the same text twice"));
  }
}
