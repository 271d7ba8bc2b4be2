package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --retriever dense|hybrid} and {@code --classifier embeddings}, with the real model, offline. */
class BenchDenseCommandTest {
  static final String SAMPLE = Path.of("examples/datasets/acme-support").toAbsolutePath().toString();
  @TempDir Path cwd;

  Cli bench(String... args) {
    String[] all = Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new);
    return Cli.run(cwd, Map.of(), "", all);
  }

  private List<Path> cached() throws IOException {
    try (Stream<Path> s = Files.list(cwd.resolve(".ragft-cache/embeddings"))) {
      return s.sorted().toList();
    }
  }

  @Test
  void hybridRetrievalRunsOnTheSampleDatasetAndSaysSoInEveryReport() throws IOException {
    Cli r = bench(SAMPLE, "--retriever", "hybrid", "--approach", "rag", "--no-timing", "--report-dir", "out");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.err()).as("no library chatter on stderr").doesNotContain("SLF4J");
    assertThat(r.out()).contains("434 eval cases; corpus 162 documents (250 passages)",
        "retriever hybrid (rrf-k 60); classifier ngrams",
        "rag: hybrid (BM25 and all-MiniLM-L6-v2 embeddings, reciprocal-rank fusion, k 60) retrieval over the corpus");
    String json = Files.readString(cwd.resolve("out/summary.json"));
    assertThat(json).contains("\"retriever\": \"hybrid\"", "\"rrfK\": 60", "\"classifier\": \"ngrams\"",
        "\"embeddingModel\": \"all-minilm-l6-v2\"");
    assertThat(Files.readString(cwd.resolve("out/junit.xml"))).contains("<property name=\"retriever\" value=\"hybrid\"/>");
    // The passages and the labelled examples (for the vote) were embedded and cached.
    assertThat(cached()).extracting(p -> p.getFileName().toString()).satisfiesExactly(
        c -> assertThat(c).startsWith("all-minilm-l6-v2_1.19.0-beta29-corpus-").endsWith("-w120.vectors"),
        t -> assertThat(t).startsWith("all-minilm-l6-v2_1.19.0-beta29-train-").endsWith(".vectors"));
  }

  @Test
  void aRerunReadsTheEmbeddingsFromTheCacheAndGivesTheSameReport() throws IOException {
    String tiny = BenchCommandTest.TINY;
    Cli first = bench(tiny, "--retriever", "dense", "--classifier", "embeddings", "--no-timing", "--format", "json");
    assertThat(first.exit()).as(first.describe()).isZero();
    List<Path> files = cached();
    assertThat(files).hasSize(2);
    FileTime corpus = Files.getLastModifiedTime(files.get(0));
    FileTime train = Files.getLastModifiedTime(files.get(1));
    Files.setLastModifiedTime(files.get(0), FileTime.fromMillis(1_000));
    Files.setLastModifiedTime(files.get(1), FileTime.fromMillis(1_000));

    Cli again = bench(tiny, "--retriever", "dense", "--classifier", "embeddings", "--no-timing", "--format", "json");
    assertThat(again.exit()).as(again.describe()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
    assertThat(cached()).isEqualTo(files);
    assertThat(Files.getLastModifiedTime(files.get(0))).as("not rewritten").isEqualTo(FileTime.fromMillis(1_000));
    assertThat(Files.getLastModifiedTime(files.get(1))).as("not rewritten").isEqualTo(FileTime.fromMillis(1_000));
    assertThat(corpus).isNotEqualTo(FileTime.fromMillis(1_000));
    assertThat(train).isNotEqualTo(FileTime.fromMillis(1_000));
    assertThat(first.out()).contains("\"classifier\": \"embeddings\"",
        "all-MiniLM-L6-v2 sentence embeddings (frozen; only the linear layer is trained)");
  }

  @Test
  void aBadCacheFileIsRebuiltNotTrusted() throws IOException {
    String tiny = BenchCommandTest.TINY;
    Cli first = bench(tiny, "--retriever", "dense", "--approach", "rag", "--no-timing", "--format", "json");
    assertThat(first.exit()).as(first.describe()).isZero();
    for (Path f : cached()) {
      Files.writeString(f, "damaged");
    }
    Cli again = bench(tiny, "--retriever", "dense", "--approach", "rag", "--no-timing", "--format", "json");
    assertThat(again.exit()).as(again.describe()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
    for (Path f : cached()) {
      assertThat(Files.size(f)).as(f.toString()).isGreaterThan(1_000);
    }
  }

  @Test
  void anUnknownRetrieverOrClassifierIsBadUsage() {
    Cli r = bench(BenchCommandTest.TINY, "--retriever", "vector");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).contains("--retriever: unknown retriever 'vector'; expected one of bm25, dense, hybrid");
    Cli c = bench(BenchCommandTest.TINY, "--classifier", "bert");
    assertThat(c.exit()).as(c.describe()).isEqualTo(2);
    assertThat(c.err()).contains("--classifier: unknown classifier 'bert'; expected one of ngrams, embeddings");
    Cli k = bench(BenchCommandTest.TINY, "--rrf-k", "-1");
    assertThat(k.exit()).as(k.describe()).isEqualTo(2);
    assertThat(k.err()).contains("--rrf-k: -1 is out of range; expected 0 to 10000");
  }
}
