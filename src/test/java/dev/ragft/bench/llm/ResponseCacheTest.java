package dev.ragft.bench.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
  @TempDir Path dir;

  @Test
  void theKeyCoversUrlAndBodyAndNothingElse() {
    String k = ResponseCache.key("http://h/v1/chat/completions", "{\"model\":\"a\"}");
    assertThat(k).hasSize(64).isEqualTo(ResponseCache.key("http://h/v1/chat/completions", "{\"model\":\"a\"}"));
    assertThat(k).isNotEqualTo(ResponseCache.key("http://h/v1/chat/completions", "{\"model\":\"b\"}"))
        .isNotEqualTo(ResponseCache.key("http://other/v1/chat/completions", "{\"model\":\"a\"}"));
  }

  @Test
  void anEntryReadsBackAndAnUnreadableOneIsAMiss() throws Exception {
    ResponseCache c = new ResponseCache(Optional.of(dir));
    c.put("k1", "m", new Reply("Answer \"quoted\" [d1]\nline", 12, 3, 4567, 9999, false));
    Reply r = c.get("k1").orElseThrow();
    assertThat(r).isEqualTo(new Reply("Answer \"quoted\" [d1]\nline", 12, 3, 4567, 0, true));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("k1.json");
    }
    Files.writeString(dir.resolve("k2.json"), "{\"format\":\"ragft-llm-cache/1\",\"content\":");
    assertThat(c.get("k2")).isEmpty();
    assertThat(c.get("absent")).isEmpty();
  }

  @Test
  void withoutAFolderNothingIsStored() {
    ResponseCache c = new ResponseCache(Optional.empty());
    c.put("k", "m", new Reply("x", 1, 1, 1, 1, false));
    assertThat(c.get("k")).isEmpty();
  }
}
