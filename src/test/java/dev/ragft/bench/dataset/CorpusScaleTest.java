package dev.ragft.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.retrieval.Chunker;
import dev.ragft.bench.retrieval.Ranker;
import dev.ragft.bench.retrieval.Retriever;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus streams: reading a dataset keeps no document in memory, so the heap after reading is
 * the same for 2,000 and 10,000 passages; the on-disk index is built once per corpus and reopened
 * without reading the corpus again.
 */
class CorpusScaleTest {
  private static final String[] WORDS = ("invoice billing refund plan seat admin export archive sync offline"
      + " conflict editor folder share password login token audit region retention backup restore webhook"
      + " quota limit upgrade downgrade trial renewal contract").split(" ");

  /** A dataset folder with {@code n} documents of about 700 characters each. */
  static Path dataset(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("dataset.yaml"), "name: scale\ntasks: [qa]\n", StandardCharsets.UTF_8);
    SplittableRandom random = new SplittableRandom(n);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 700) {
          text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10) == 0 ? ". " : " ");
        }
        w.write(String.format(Locale.ROOT, "{\"id\": \"doc-%d\", \"title\": \"Document %d\", \"text\": \"%s.\"}%n", i,
            i, text.toString().strip()));
      }
    }
    Files.writeString(dir.resolve("eval.jsonl"), "{\"id\": \"q1\", \"task\": \"qa\", \"input\": \"refund policy\","
        + " \"expected\": \"refund\", \"relevant\": [\"doc-1\"]}\n", StandardCharsets.UTF_8);
    return dir;
  }

  private static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Test
  void theHeapAfterReadingDoesNotGrowWithTheCorpus(@TempDir Path tmp) throws IOException {
    Path small = dataset(tmp.resolve("small"), 2_000);
    Path large = dataset(tmp.resolve("large"), 10_000);
    List<Dataset> kept = new ArrayList<>();
    long base = usedHeapAfterGc();
    kept.add(DatasetReader.read(small, "small").orThrow());
    long afterSmall = usedHeapAfterGc();
    kept.add(DatasetReader.read(large, "large").orThrow());
    long afterLarge = usedHeapAfterGc();
    assertThat(kept.get(0).corpus().size()).isEqualTo(2_000);
    assertThat(kept.get(1).corpus().size()).isEqualTo(10_000);
    // Held in memory, 8,000 more documents of ~700 characters would be over 11 MB (UTF-16, plus objects).
    long growth = afterLarge - afterSmall;
    assertThat(growth).as("heap: %,d before, %,d after reading 2,000 passages, %,d after reading 10,000 as well", base, afterSmall,
        afterLarge).isLessThan(2L << 20);
  }

  @Test
  void aDuplicateIdIsFoundWhileStreaming(@TempDir Path tmp) throws IOException {
    Path d = dataset(tmp.resolve("d"), 3);
    Files.writeString(d.resolve("corpus.jsonl"), "{\"id\": \"doc-1\", \"text\": \"again.\"}\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    DatasetReader.Result r = DatasetReader.read(d, "d");
    assertThat(r.problems()).extracting(Object::toString)
        .containsExactly("d/corpus.jsonl:4:1: document: duplicate id 'doc-1' (first at line 2)");
  }

  @Test
  void theIndexIsBuiltOnDiskOnceAndReopenedWithoutReadingTheCorpus(@TempDir Path tmp) throws IOException {
    Path d = dataset(tmp.resolve("d"), 10_000);
    Dataset ds = DatasetReader.read(d, "d").orThrow();
    int[] indexed = {0};
    try (Retriever r = Retriever.build(ds.corpus(), new Chunker(120), ds.corpusHash(), Optional.of(tmp.resolve("cache")),
        1_000, Ranker.BM25, () -> null, (done, total) -> indexed[0] = done)) {
      assertThat(indexed[0]).isEqualTo(10_000);
      assertThat(r.passageCount()).isGreaterThanOrEqualTo(10_000);
      assertThat(r.passages("refund", 3)).hasSize(3);
    }
    Files.delete(d.resolve("corpus.jsonl"));
    indexed[0] = 0;
    try (Retriever again = Retriever.build(ds.corpus(), new Chunker(120), ds.corpusHash(),
        Optional.of(tmp.resolve("cache")), 1_000, Ranker.BM25, () -> null, (done, total) -> indexed[0] = done)) {
      assertThat(indexed[0]).as("the corpus is not read again").isZero();
      assertThat(again.passages("doc-1 refund", 1).get(0).passage().title()).startsWith("Document ");
    }
  }
}
