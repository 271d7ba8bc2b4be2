package dev.ragft.bench.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  private static final List<String> TEXTS = List.of("reset a password", "export invoices", "");

  private static Path onlyFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  @Nested
  class ARerun {
    @Test
    void readsTheVectorsBackWithoutAskingTheModel(@TempDir Path dir) {
      CountingEmbedder model = new CountingEmbedder("m@1", 8);
      List<float[]> first = new EmbeddingCache(Optional.of(dir)).embed(model, "corpus-abc-w120", TEXTS);
      assertThat(model.texts()).isEqualTo(3);

      List<float[]> again = new EmbeddingCache(Optional.of(dir)).embed(model, "corpus-abc-w120", TEXTS);
      assertThat(model.texts()).as("no text embedded on the rerun").isEqualTo(3);
      assertThat(again).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(again.get(i)).containsExactly(first.get(i));
      }
    }

    @Test
    void embedsAgainForOtherTextsAnotherModelOrAnotherKey(@TempDir Path dir) {
      CountingEmbedder model = new CountingEmbedder("m@1", 8);
      EmbeddingCache cache = new EmbeddingCache(Optional.of(dir));
      cache.embed(model, "k", TEXTS);
      cache.embed(model, "k", List.of("reset a password", "export invoices", "changed"));
      assertThat(model.texts()).as("same key, other texts: the file does not fit").isEqualTo(6);
      CountingEmbedder other = new CountingEmbedder("m@2", 8);
      cache.embed(other, "k", TEXTS);
      assertThat(other.texts()).as("another model version").isEqualTo(3);
    }

    @Test
    void withoutAFolderEveryCallEmbeds() {
      CountingEmbedder model = new CountingEmbedder("m@1", 4);
      EmbeddingCache none = new EmbeddingCache(Optional.empty());
      none.embed(model, "k", TEXTS);
      none.embed(model, "k", TEXTS);
      assertThat(model.texts()).isEqualTo(6);
    }
  }

  @Nested
  class ABadFile {
    private void damagedFileIsRebuilt(Path dir, java.util.function.UnaryOperator<byte[]> damage) throws IOException {
      CountingEmbedder model = new CountingEmbedder("m@1", 8);
      EmbeddingCache cache = new EmbeddingCache(Optional.of(dir));
      List<float[]> good = cache.embed(model, "k", TEXTS);
      Path file = onlyFile(dir);
      Files.write(file, damage.apply(Files.readAllBytes(file)));

      List<float[]> rebuilt = cache.embed(model, "k", TEXTS);
      assertThat(model.texts()).as("the damaged file was not trusted").isEqualTo(6);
      assertThat(rebuilt.get(1)).containsExactly(good.get(1));
      cache.embed(model, "k", TEXTS);
      assertThat(model.texts()).as("the rebuilt file is whole again").isEqualTo(6);
    }

    @Test
    void cutShortIsRebuilt(@TempDir Path dir) throws IOException {
      damagedFileIsRebuilt(dir, b -> java.util.Arrays.copyOf(b, b.length / 2));
    }

    @Test
    void withAFlippedByteIsRebuilt(@TempDir Path dir) throws IOException {
      damagedFileIsRebuilt(dir, b -> {
        b[b.length - 20] ^= 0x40;
        return b;
      });
    }

    @Test
    void emptyOrGarbageIsRebuilt(@TempDir Path dir) throws IOException {
      damagedFileIsRebuilt(dir, b -> new byte[0]);
    }

    @Test
    void ofGarbageIsRebuilt(@TempDir Path dir) throws IOException {
      damagedFileIsRebuilt(dir, b -> "not a cache file at all, but long enough to have a tail".getBytes());
    }

    @Test
    void aFolderThatCannotBeWrittenCostsOnlyTheCache(@TempDir Path dir) throws IOException {
      Path notAFolder = dir.resolve("file");
      Files.writeString(notAFolder, "x");
      CountingEmbedder model = new CountingEmbedder("m@1", 4);
      assertThat(new EmbeddingCache(Optional.of(notAFolder)).embed(model, "k", TEXTS)).hasSize(3);
    }
  }

  @Test
  void leavesNoTemporaryFileBehind(@TempDir Path dir) throws IOException {
    new EmbeddingCache(Optional.of(dir)).embed(new CountingEmbedder("m/1:x", 4), "corpus-h-w120", TEXTS);
    assertThat(onlyFile(dir).getFileName().toString()).isEqualTo("m_1_x-corpus-h-w120.vectors");
  }
}
