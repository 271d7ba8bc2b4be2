package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.dataset.Document;
import dev.ragft.input.Location;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtractiveReaderTest {
  static final List<Document> CORPUS = List.of(
      new Document("pricing", "Plans", "Annual billing saves two months. The Pro plan costs $12 per user per month.", "",
          Location.ofFile("c")),
      new Document("sso", "Single sign-on", "Single sign-on with SAML is on the Enterprise plan. Okta is supported.", "",
          Location.ofFile("c")));

  static Retriever retriever() {
    return Retriever.build(CORPUS, new Chunker(100), "h", Optional.empty(), 1000);
  }

  @Test
  void answersWithTheBestSupportedSentenceAndCitesItsDocument() {
    try (Retriever r = retriever()) {
      ExtractiveReader reader = new ExtractiveReader(r.index());
      String q = "How much does the Pro plan cost per month?";
      ExtractiveReader.Answer a = reader.read(q, "", 0, r.passages(q, 5)).orElseThrow();
      assertThat(a.text()).as("'costs' restates 'cost'").isEqualTo("$12 per user per month");
      assertThat(a.source().docId()).isEqualTo("pricing");
    }
  }

  @Test
  void aHintSteersTowardsTheSentenceShapedLikeIt() {
    try (Retriever r = retriever()) {
      ExtractiveReader reader = new ExtractiveReader(r.index());
      String q = "What about the plan?";
      List<Retriever.Found> found = r.passages(q, 5);
      String hint = "Okta is supported";
      assertThat(reader.read(q, hint, 1.0, found).orElseThrow().source().docId()).isEqualTo("sso");
      assertThat(reader.read(q, hint, 0.0, found).orElseThrow().source().docId()).as("a hint of weight 0 is ignored")
          .isEqualTo(reader.read(q, "", 0, found).orElseThrow().source().docId());
    }
  }

  @Test
  void nothingRetrievedMeansNoAnswer() {
    try (Retriever r = retriever()) {
      assertThat(new ExtractiveReader(r.index()).read("q", "", 0, List.of())).isEmpty();
    }
  }
}
