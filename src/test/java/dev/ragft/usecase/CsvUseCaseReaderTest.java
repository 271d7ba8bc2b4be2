package dev.ragft.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.decision.Answer;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvUseCaseReaderTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final String HEADER = "id,name,description,freshness,task,auditability,training-pairs,latency,volume";

  @TempDir Path dir;

  private record Read(List<Candidate> useCases, List<String> problems) {}

  private Read read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), Set.of());
  }

  private Read read(byte[] bytes, Set<String> ignored) throws IOException {
    Path file = dir.resolve("p.csv");
    Files.write(file, bytes);
    List<Candidate> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    new CsvUseCaseReader(F, ignored).read(file, "p.csv", out::add, problems::add);
    return new Read(out, problems.stream().map(Problem::toString).toList());
  }

  @Nested
  class ReadsGoodRows {
    @Test
    void inTheHeaderOrderOfDesign() throws IOException {
      Read r = read(HEADER + "\nsla,SLA answers,What the contract says,monthly,lookup,high,0,interactive,400\n");
      assertThat(r.problems()).isEmpty();
      UseCase u = r.useCases().get(0).useCase();
      assertThat(u.id()).isEqualTo("sla");
      assertThat(u.name()).isEqualTo("SLA answers");
      assertThat(u.description()).isEqualTo("What the contract says");
      assertThat(u.answers().values()).containsExactly(
          Map.entry("freshness", new Answer.ChoiceAnswer("monthly")), Map.entry("task", new Answer.ChoiceAnswer("lookup")),
          Map.entry("auditability", new Answer.ChoiceAnswer("high")), Map.entry("training-pairs", new Answer.NumberAnswer(0)),
          Map.entry("latency", new Answer.ChoiceAnswer("interactive")), Map.entry("volume", new Answer.NumberAnswer(400)));
      assertThat(u.source()).isEqualTo(new Location("p.csv", 2, 1));
    }

    @Test
    void inAnyColumnOrderWithExtraColumnsKeptInFileOrder() throws IOException {
      Read r = read("Owner,latency,ID,task,training-pairs,freshness,auditability,Priority\n"
          + "Finance,async,a1,drafting,12k,static,low,P1\n");
      assertThat(r.problems()).isEmpty();
      Candidate c = r.useCases().get(0);
      assertThat(c.useCase().id()).isEqualTo("a1");
      assertThat(c.useCase().name()).as("name defaults to the id, as in YAML").isEqualTo("a1");
      assertThat(c.useCase().answers().number("training-pairs")).hasValue(12_000);
      assertThat(c.extra()).containsExactly(Map.entry("Owner", "Finance"), Map.entry("Priority", "P1"));
      assertThat(c.useCase().source()).as("located at the id cell").isEqualTo(new Location("p.csv", 2, 3));
    }

    @Test
    void anEmptyOptionalCellMeansNotAnswered() throws IOException {
      Read r = read(HEADER + "\nx,X,,daily,lookup,low,0,async,\n");
      assertThat(r.problems()).isEmpty();
      assertThat(r.useCases().get(0).useCase().answers().get("volume")).isEmpty();
    }

    @Test
    void quotedValuesWithCommasQuotesAndLineBreaksAndTheLinesAfterThem() throws IOException {
      Read r = read(HEADER + "\n"
          + "a,\"A, with comma\",\"He said \"\"hi\"\"\nand left\",daily,lookup,low,0,async,1\n"
          + "\n"
          + "b,B,,daily,lookups,low,0,async,1\n");
      assertThat(r.useCases()).extracting(c -> c.useCase().name()).containsExactly("A, with comma");
      assertThat(r.useCases().get(0).useCase().description()).isEqualTo("He said \"hi\"\nand left");
      assertThat(r.problems()).as("line 5: the quoted line break and the blank line are counted")
          .containsExactly("p.csv:5:5: task: unknown choice 'lookups'; expected one of lookup, synthesis, drafting,"
              + " structured-output, classification, mixed");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEnds() throws IOException {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] body = (HEADER + "\r\nx,X,,daily,lookup,low,0,async,\r\ny,Y,,daily,lookup,low,zero,async,\r\n")
          .getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, all, 0, bom.length);
      System.arraycopy(body, 0, all, bom.length, body.length);
      Read r = read(all, Set.of());
      assertThat(r.useCases()).extracting(c -> c.useCase().id()).containsExactly("x");
      assertThat(r.problems()).singleElement().asString().startsWith("p.csv:3:7: training-pairs: 'zero' is not a whole number");
    }

    @Test
    void dropsIgnoredColumnsSoAnEarlierOutputReadsBack() throws IOException {
      Read r = read(("id,freshness,task,auditability,training-pairs,latency,Approach,wave,note\n"
          + "x,daily,lookup,low,0,async,fine-tune,4,keep me\n").getBytes(StandardCharsets.UTF_8), Set.of("approach", "wave"));
      assertThat(r.problems()).isEmpty();
      assertThat(r.useCases().get(0).extra()).containsExactly(Map.entry("note", "keep me"));
    }

    @Test
    void extraColumnsAreKnownFromTheHeaderAlone() throws IOException {
      Path file = dir.resolve("h.csv");
      Files.writeString(file, "owner,id,region,approach\n");
      assertThat(new CsvUseCaseReader(F, Set.of("approach")).extraColumns(file)).containsExactly("owner", "region");
    }
  }

  @Nested
  class ReportsEachBadRowWithLineColumnAndColumnName {
    @Test
    void everyKindOfBadCellAndTheGoodRowsStillRead() throws IOException {
      Read r = read("task,id,freshness,auditability,training-pairs,latency,volume,name\n"
          + "lookup,good,weekly,medium,0,interactive,100,Good\n"
          + "lookups,bad-choice,weekly,medium,0,interactive,,Bad choice\n"
          + "lookup,bad-number,weekly,medium,1.5,interactive,,Bad number\n"
          + "lookup,missing,,medium,,interactive,,Missing\n"
          + "lookup,short,weekly\n"
          + "drafting,negative,static,low,2000,async,-5,Negative\n"
          + "lookup,bad id!,weekly,medium,0,interactive,,Bad id\n"
          + "lookup,,weekly,medium,0,interactive,,No id\n"
          + "classification,good-2,static,low,5000,batch,10000,Good too\n");
      assertThat(r.useCases()).extracting(c -> c.useCase().id()).containsExactly("good", "good-2");
      assertThat(r.problems()).containsExactly(
          "p.csv:3:1: task: unknown choice 'lookups'; expected one of lookup, synthesis, drafting, structured-output,"
              + " classification, mixed",
          "p.csv:4:5: training-pairs: '1.5' is not a whole number; expected a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)",
          "p.csv:5:3: freshness: no answer; expected one of daily, weekly, monthly, quarterly, static",
          "p.csv:5:5: training-pairs: no answer; expected a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)",
          "p.csv:6:1: row has 3 cells but the header has 8; check for an unquoted comma or a missing value",
          "p.csv:7:7: volume: -5 is negative; expected a whole number, 0 or more (e.g. 1200, 1,200 or 1.2k)",
          "p.csv:8:2: id: 'bad id!' is not a valid id; use letters, digits, '.', '_' and '-', starting with a letter or digit",
          "p.csv:9:2: id: empty; every use case needs an id");
    }

    @Test
    void aHeaderWithoutRequiredColumnsStopsTheFileAtLineOne() throws IOException {
      Read r = read("id,name,task\nx,X,lookup\n");
      assertThat(r.useCases()).isEmpty();
      assertThat(r.problems()).singleElement().asString().startsWith(
          "p.csv:1:1: header: missing columns 'freshness', 'auditability', 'training-pairs', 'latency'; expected a header row"
              + " naming id, name, description, freshness, task, auditability, training-pairs, latency, volume");
    }

    @Test
    void duplicateAndUnnamedHeaderColumns() throws IOException {
      Read r = read(HEADER + ",Task,\nx\n");
      assertThat(r.useCases()).isEmpty();
      assertThat(r.problems()).containsExactly(
          "p.csv:1:10: header: duplicate column 'Task' (first in column 5)", "p.csv:1:11: header: column 11 has no name");
    }

    @Test
    void anEmptyFile() throws IOException {
      assertThat(read("").problems()).singleElement().asString()
          .startsWith("p.csv: file is empty; expected a header row naming id, name, description,");
    }

    @Test
    void anUnterminatedQuoteKeepsTheRowsBeforeIt() throws IOException {
      Read r = read("id,freshness,task,auditability,training-pairs,latency\n"
          + "before,daily,lookup,low,0,async\n"
          + "broken,\"daily,lookup,low,0,async\n"
          + "after,daily,lookup,low,0,async\n");
      assertThat(r.useCases()).extracting(c -> c.useCase().id()).containsExactly("before");
      assertThat(r.problems()).containsExactly(
          "p.csv:3:1: malformed CSV: EOF reached before encapsulated token finished; the rest of the file was not read");
    }

    @Test
    void bytesThatAreNotUtf8() throws IOException {
      byte[] latin1 = (HEADER + "\ncaf\u00e9,X,,daily,lookup,low,0,async,\n").getBytes(StandardCharsets.ISO_8859_1);
      assertThat(read(latin1, Set.of()).problems()).singleElement().asString()
          .isEqualTo("p.csv:2:4: not UTF-8 text: byte 0xE9 ('\u00e9' in Latin-1); export the spreadsheet as CSV UTF-8;"
              + " the rest of the file was not read");
    }
  }
}
