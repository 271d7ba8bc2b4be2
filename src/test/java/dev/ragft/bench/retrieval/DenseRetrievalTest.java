package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.dataset.Document;
import dev.ragft.bench.embedding.CountingEmbedder;
import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.embedding.RealModel;
import dev.ragft.input.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseRetrievalTest {
  // The question shares no word (nor stem) with the document that answers it.
  private static Document doc(String id, String title, String text) {
    return new Document(id, title, text, "", Location.ofFile("corpus.jsonl"));
  }

  static final List<Document> CORPUS = List.of(
      doc("password", "Account access", "To reset a password, open Settings, choose Security and click Reset."),
      doc("invoices", "Billing", "Invoices are emailed on the first day of each month as PDF files."),
      doc("holidays", "Office", "The office is closed on public holidays and during the last week of December."),
      doc("export", "Data", "Administrators can export every ticket as a CSV file from the Reports page."));
  static final String QUESTION = "I forgot my login credentials";

  private static Retriever build(Ranker ranker, Supplier<Embedder> embedder, Optional<Path> cache) {
    return Retriever.build(CORPUS, new Chunker(100), "fixture", cache, 1000, ranker, embedder);
  }

  @Nested
  class WithTheRealModel {
    @Test
    void findsTheAnswerToAParaphraseThatSharesNoWordWithIt() {
      try (Retriever bm25 = build(Ranker.BM25, RealModel::get, Optional.empty());
          Retriever dense = build(new Ranker(RetrieverKind.DENSE, 60), RealModel::get, Optional.empty())) {
        assertThat(bm25.passages(QUESTION, 4)).as("no shared term: BM25 finds nothing").isEmpty();
        List<Retriever.Found> found = dense.passages(QUESTION, 4);
        assertThat(found).hasSize(4);
        assertThat(found.get(0).passage().docId()).isEqualTo("password");
      }
    }

    @Test
    void hybridKeepsTheDenseFindWhenBm25HasNothingAndAgreesWithBothWhenTheyAgree() {
      try (Retriever hybrid = build(new Ranker(RetrieverKind.HYBRID, 60), RealModel::get, Optional.empty())) {
        assertThat(hybrid.passages(QUESTION, 2).get(0).passage().docId()).isEqualTo("password");
        assertThat(hybrid.passages("export tickets as CSV", 2).get(0).passage().docId()).isEqualTo("export");
        assertThat(hybrid.passages(QUESTION, "reset password", 0.5f, 2).get(0).passage().docId()).isEqualTo("password");
      }
    }
  }

  @Test
  void bm25NeverAsksForTheEmbedder() {
    AtomicInteger asked = new AtomicInteger();
    try (Retriever r = build(Ranker.BM25, () -> {
      asked.incrementAndGet();
      return new CountingEmbedder("m", 8);
    }, Optional.empty())) {
      assertThat(r.passages("export CSV", 1).get(0).passage().docId()).isEqualTo("export");
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void aRebuildOverTheSameCorpusReadsThePassageVectorsFromTheCache(@TempDir Path cache) {
    CountingEmbedder model = new CountingEmbedder("m@1", 16);
    try (Retriever r = build(new Ranker(RetrieverKind.DENSE, 60), () -> model, Optional.of(cache))) {
      assertThat(model.texts()).isEqualTo(4);
    }
    try (Retriever r = build(new Ranker(RetrieverKind.DENSE, 60), () -> model, Optional.of(cache))) {
      assertThat(model.texts()).as("passages not embedded again").isEqualTo(4);
      r.passages("anything", 2);
      assertThat(model.texts()).as("only the query").isEqualTo(5);
    }
    assertThat(cache.resolve("embeddings/m_1-corpus-fixture-w100.vectors")).exists();
  }

  @Nested
  class TheHnswIndex {
    @Test
    void ranksByDotProductNearestFirst() {
      List<float[]> v = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {0.6f, 0.8f});
      try (DenseIndex index = DenseIndex.of(v, 2)) {
        // Dot products with (0.8, 0.6): 0.96 for (0.6, 0.8), 0.8 for (1, 0), 0.6 for (0, 1).
        assertThat(index.search(new float[] {0.8f, 0.6f}, 3).stream().map(Hit::ord)).containsExactly(2, 0, 1);
        assertThat(index.search(new float[] {0, 1}, 1).get(0).ord()).isEqualTo(1);
        assertThat(index.search(new float[] {0, 1}, 0)).isEmpty();
      }
    }

    @Test
    void anEmptyIndexFindsNothing() {
      try (DenseIndex index = DenseIndex.of(List.of(), 2)) {
        assertThat(index.search(new float[] {1, 0}, 3)).isEmpty();
      }
    }

    @Test
    void rejectsVectorsOfTheWrongSize() {
      assertThatThrownBy(() -> DenseIndex.of(List.of(new float[] {1, 0, 0}), 2))
          .hasMessage("vector 0 has 3 dimensions, expected 2");
      try (DenseIndex index = DenseIndex.of(List.of(new float[] {1, 0}), 2)) {
        assertThatThrownBy(() -> index.search(new float[] {1}, 1)).hasMessage("query has 1 dimensions, expected 2");
      }
    }
  }
}
