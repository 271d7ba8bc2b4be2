package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report folder holds the earlier complete set or the new one, never a mix. */
class ReportSetTest {
  @TempDir Path dir;

  @BeforeEach
  void earlierSet() throws IOException {
    Files.writeString(dir.resolve("summary.json"), "old summary", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.md"), "old report", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("cases.jsonl"), "old log", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("cases.partial.jsonl"), "new log", StandardCharsets.UTF_8);
  }

  private Map<String, String> files() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Map<String, String> newSet() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("summary.json", "new summary");
    m.put("report.md", "new report");
    return m;
  }

  @Test
  void writesTheNewSetWholeWithTheLog() throws IOException {
    List<String> written = new ReportSet(dir, "out").write(newSet(), Map.of("cases.partial.jsonl", "cases.jsonl"));
    assertThat(written).containsExactly("summary.json", "report.md", "cases.jsonl");
    assertThat(files()).containsExactly(Map.entry("cases.jsonl", "new log"), Map.entry("report.md", "new report"),
        Map.entry("summary.json", "new summary"));
  }

  @Test
  void stoppedBeforeItsMovesTheEarlierSetStays() throws IOException {
    Map<String, String> before = files();
    ReportSet set = new ReportSet(dir, "out");
    set.stop();
    assertThat(set.write(newSet(), Map.of("cases.partial.jsonl", "cases.jsonl"))).isEmpty();
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void theMovesOfAJournalAKilledProcessLeftAreFinishedFirst() throws IOException {
    Files.writeString(dir.resolve(".ragft-new.summary.json"), "new summary", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(".ragft-new.report.md"), "new report", StandardCharsets.UTF_8);
    // Killed after moving the summary: the journal still lists it.
    Files.move(dir.resolve(".ragft-new.summary.json"), dir.resolve("summary.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve(ReportSet.JOURNAL), ".ragft-new.summary.json\tsummary.json\n"
        + ".ragft-new.report.md\treport.md\ncases.partial.jsonl\tcases.jsonl\n", StandardCharsets.UTF_8);
    ReportSet.recover(dir, "out");
    assertThat(files()).containsExactly(Map.entry("cases.jsonl", "new log"), Map.entry("report.md", "new report"),
        Map.entry("summary.json", "new summary"));
  }

  @Test
  void stagedFilesWithoutAJournalAreRemoved() throws IOException {
    Map<String, String> before = files();
    Files.writeString(dir.resolve(".ragft-new.summary.json"), "half a summ", StandardCharsets.UTF_8);
    ReportSet.recover(dir, "out");
    assertThat(files()).isEqualTo(before);
  }
}
