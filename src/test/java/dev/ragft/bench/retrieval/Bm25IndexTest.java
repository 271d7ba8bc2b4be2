package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bm25IndexTest {
  static final List<String> TEXTS = List.of(
      "The Pro plan costs $12 per user per month.",
      "Support answers within 4 business hours.",
      "Exports are sent by email as a zip archive.",
      "The Team plan includes shared folders and costs more.");

  @Test
  void analysesEnglishDroppingStopWordsAndStemming() {
    try (Bm25Index i = Bm25Index.inMemory(TEXTS)) {
      assertThat(i.terms("The plans are costing more")).containsExactly("plan", "cost", "more");
    }
  }

  @Test
  void ranksTheTextsThatShareTheRarestTermsFirst() {
    try (Bm25Index i = Bm25Index.inMemory(TEXTS)) {
      List<Hit> hits = i.search("How is an export delivered, by email?", 3);
      assertThat(hits.get(0).ord()).isEqualTo(2);
      assertThat(i.search("plan price per month", 4)).extracting(Hit::ord).startsWith(0, 3);
      assertThat(i.search("zzz", 3)).isEmpty();
    }
  }

  @Test
  void rarerTermsWeighMore() {
    try (Bm25Index i = Bm25Index.inMemory(TEXTS)) {
      assertThat(i.idf("zip")).isGreaterThan(i.idf("plan"));
    }
  }

  @Test
  void anIndexOnDiskIsBuiltOnceAndReused(@TempDir Path cache) throws Exception {
    Path folder = cache.resolve("index").resolve("abc");
    List<Hit> first;
    try (Bm25Index i = Bm25Index.onDisk(TEXTS, folder)) {
      first = i.search("support hours", 2);
    }
    assertThat(folder.resolve("ragft-index-complete")).exists();
    long built = Files.getLastModifiedTime(folder.resolve("ragft-index-complete")).toMillis();
    try (Bm25Index again = Bm25Index.onDisk(TEXTS, folder)) {
      assertThat(again.search("support hours", 2)).isEqualTo(first);
    }
    assertThat(Files.getLastModifiedTime(folder.resolve("ragft-index-complete")).toMillis()).isEqualTo(built);
    try (var siblings = Files.list(folder.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).as("no half-built folders left")
          .containsExactly("abc");
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    try (Bm25Index i = Bm25Index.inMemory(List.of())) {
      assertThat(i.search("anything", 5)).isEmpty();
    }
  }
}
