package dev.ragft.bench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorizerTest {
  static final List<String> TEXTS = List.of("refund my card payment", "card declined", "app crashes on start");

  static double cosine(SparseVector a, SparseVector b, int dims) {
    float[] dense = new float[dims];
    for (int i = 0; i < b.size(); i++) {
      dense[b.indices()[i]] = b.values()[i];
    }
    return a.dot(dense);
  }

  @Test
  void vectorsHaveUnitLengthAndAscendingDistinctIndices() {
    Vectorizer v = Vectorizer.fit(TEXTS, 16);
    SparseVector x = v.transform("Refund my card, refund it!");
    double norm = 0;
    for (float f : x.values()) {
      norm += f * f;
    }
    assertThat(norm).isCloseTo(1.0, within(1e-5));
    for (int i = 1; i < x.size(); i++) {
      assertThat(x.indices()[i]).isGreaterThan(x.indices()[i - 1]);
    }
  }

  @Test
  void characterGramsMakeWordFormsSimilar() {
    Vectorizer v = Vectorizer.fit(TEXTS, 18);
    double close = cosine(v.transform("refunds"), v.transform("refund"), v.dimensions());
    double far = cosine(v.transform("refunds"), v.transform("crashes"), v.dimensions());
    assertThat(close).isGreaterThan(0.5).isGreaterThan(far * 2);
  }

  @Test
  void theSameTextGivesTheSameVector() {
    Vectorizer a = Vectorizer.fit(TEXTS, 16);
    Vectorizer b = Vectorizer.fit(TEXTS, 16);
    assertThat(a.transform("card declined twice").indices()).isEqualTo(b.transform("card declined twice").indices());
    assertThat(a.transform("card declined twice").values()).isEqualTo(b.transform("card declined twice").values());
  }

  @Test
  void emptyTextIsTheZeroVector() {
    assertThat(Vectorizer.fit(TEXTS, 16).transform("  !? ").size()).isZero();
  }
}
