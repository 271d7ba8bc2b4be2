package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV files a real user has: saved by Excel, in Europe, with capitals, or in Latin-1. */
class SpreadsheetCsvTest {
  private static final String HEADER = "id,name,description,freshness,task,auditability,training-pairs,latency,volume";

  @TempDir Path dir;

  private Cli score(byte[] csv, String... extra) throws IOException {
    Files.write(dir.resolve("cases.csv"), csv);
    String[] args = new String[2 + extra.length];
    args[0] = "score";
    args[1] = "cases.csv";
    System.arraycopy(extra, 0, args, 2, extra.length);
    return Cli.run(dir, Map.of(), "", args);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aByteOrderMarkAddsNoColumn() throws IOException {
    Cli r = score(utf8("\uFEFF" + HEADER + ",owner\nkb,KB,,daily,lookup,regulated,0,interactive,100,Ann\n"),
        "--format", "csv");
    assertThat(r.exit()).as(r.describe()).isZero();
    String header = r.out().lines().findFirst().orElseThrow();
    assertThat(header).startsWith("id,name,").contains(",owner,").doesNotContain("\uFEFF");
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("kb,KB,").contains(",Ann,");
  }

  @Test
  void choicesMayBeWrittenInAnyCase() throws IOException {
    Cli r = score(utf8(HEADER + "\nkb,KB,,Daily,LOOKUP,Regulated,0,Interactive,100\n"), "--format", "json");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("\"freshness\": \"daily\"", "\"task\": \"lookup\"");
    Cli flags = Cli.run("recommend", "--freshness", "Daily", "--task", "LOOKUP", "--auditability", "high",
        "--training-pairs", "0", "--latency", "interactive");
    assertThat(flags.exit()).as(flags.describe()).isZero();
  }

  @Test
  void aSemicolonSeparatedFileIsRead() throws IOException {
    Cli r = score(utf8(HEADER.replace(',', ';') + "\nkb;KB;\"a; b\";daily;lookup;regulated;0;interactive;100\n"),
        "--format", "csv");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("kb,KB,a; b,daily,lookup,");
  }

  @Test
  void aHeaderWithSemicolonsAndACommaIsRefusedSayingSo() throws IOException {
    Cli r = score(utf8(HEADER.replace(',', ';') + ";\"owner, sales\"\nkb;KB;;daily;lookup;regulated;0;interactive;100;x\n"));
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).contains("; the header row holds semicolons and commas: separate the columns by commas, or by"
        + " semicolons with no comma in the header row\n");
  }

  @Test
  void aLatin1ByteIsNamedWithItsLineAndColumn() throws IOException {
    byte[] latin1 = (HEADER + "\nkb,KB,,daily,lookup,regulated,0,interactive,100\ncafe,Caf\u00e9,,daily,lookup,low,0,"
        + "async,\n").getBytes(StandardCharsets.ISO_8859_1);
    Cli r = score(latin1);
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).contains("ragft: cases.csv:3:9: not UTF-8 text: byte 0xE9 ('\u00e9' in Latin-1); export the"
        + " spreadsheet as CSV UTF-8; the rest of the file was not read\n");
  }

  @Test
  void aLatin1ByteInAYamlFileOrADatasetIsNamedWithItsLineToo() throws IOException {
    Files.write(dir.resolve("kb.yaml"), "id: kb\nname: Caf\u00e9\nanswers: {}\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli r = Cli.run(dir, Map.of(), "", "recommend", "kb.yaml");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("ragft: kb.yaml:2:10: not UTF-8 text: byte 0xE9 ('\u00e9' in Latin-1); save the file"
        + " as UTF-8\n");
    Path ds = dir.resolve("ds");
    Files.createDirectories(ds);
    for (String f : new String[] {"dataset.yaml", "train.jsonl", "eval.jsonl"}) {
      Files.copy(Path.of(BenchCommandTest.TINY, f), ds.resolve(f));
    }
    Files.write(ds.resolve("corpus.jsonl"), (Files.readString(Path.of(BenchCommandTest.TINY, "corpus.jsonl"))
        + "{\"id\": \"x\", \"text\": \"Caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1));
    Cli v = Cli.run(dir, Map.of(), "", "dataset", "validate", "ds");
    assertThat(v.out() + v.err()).as(v.describe()).contains("ds/corpus.jsonl:7:25: not UTF-8 text: byte 0xE9");
  }
}
