package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrieverTest {
  @Test
  void documentsAreRankedByTheirBestPassageEachOnce() {
    Passage a1 = new Passage("a#1", "a", "", "");
    Passage a2 = new Passage("a#2", "a", "", "");
    Passage b = new Passage("b", "b", "", "");
    List<Retriever.Found> found = List.of(new Retriever.Found(a1, 3), new Retriever.Found(b, 2), new Retriever.Found(a2, 1));
    assertThat(Retriever.documents(found, 10)).containsExactly("a", "b");
    assertThat(Retriever.documents(found, 1)).containsExactly("a");
  }

  @Test
  void questionsAndHintsOfThousandsOfDistinctWordsStayWithinLucenesClauseLimit() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      many.append("word").append(Integer.toString(i, 36)).append(' ');
    }
    try (Retriever r = Retriever.build(ExtractiveReaderTest.CORPUS, new Chunker(100), "h", Optional.empty(), 1000)) {
      // No TooManyClauses: the first distinct terms are kept, so "Okta" still finds its document.
      assertThat(r.passages("Okta " + many, many.toString(), 0.5f, 5).get(0).passage().docId()).isEqualTo("sso");
      assertThat(r.passages("Okta " + many, 5).get(0).passage().docId()).isEqualTo("sso");
    }
  }

  @Test
  void aCorpusAboveTheThresholdIsIndexedOnDiskUnderItsHash(@TempDir Path cache) {
    try (Retriever r = Retriever.build(ExtractiveReaderTest.CORPUS, new Chunker(100), "0123abcd", Optional.of(cache), 1)) {
      assertThat(r.passages("Okta", 1).get(0).passage().docId()).isEqualTo("sso");
    }
    assertThat(cache.resolve("index/0123abcd-w100-v2/ragft-index-complete")).exists();
    try (Retriever below = Retriever.build(ExtractiveReaderTest.CORPUS, new Chunker(100), "other", Optional.of(cache), 10)) {
      assertThat(below.passageCount()).isEqualTo(2);
    }
    assertThat(cache.resolve("index/other-w100-v2")).as("small corpora stay in memory").doesNotExist();
  }
}
