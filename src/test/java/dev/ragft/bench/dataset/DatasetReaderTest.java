package dev.ragft.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  static final Path FIXTURES = Path.of("src/test/resources/datasets");

  static DatasetReader.Result read(String name) {
    return DatasetReader.read(FIXTURES.resolve(name), "datasets/" + name);
  }

  static List<String> lines(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  @Nested
  class AValidDataset {
    @Test
    void readsEveryRecordWithItsFields() {
      DatasetReader.Result r = read("tiny");
      assertThat(r.problems()).isEmpty();
      Dataset d = r.dataset();
      assertThat(d.info().name()).isEqualTo("tiny");
      assertThat(d.info().synthetic()).isTrue();
      assertThat(d.info().trainingSnapshot()).isEqualTo("2026-01-01");
      assertThat(d.info().tasks()).containsExactly(Task.QA, Task.CLASSIFICATION);
      assertThat(d.corpus().size()).isEqualTo(6);
      assertThat(d.corpus().toList()).hasSize(6);
      assertThat(d.train()).hasSize(13);
      assertThat(d.train(Task.QA)).hasSize(4);
      assertThat(d.eval()).hasSize(9);
      EvalCase q3 = d.eval().get(2);
      assertThat(q3.id()).isEqualTo("q3");
      assertThat(q3.expected()).containsExactly("Markdown or PDF", "Markdown and PDF");
      assertThat(q3.relevant()).containsExactly("export");
      assertThat(d.eval().get(0).tags()).containsExactly("changed-after-training");
    }

    @Test
    void recordsTheLineOfEveryRecord() {
      Dataset d = read("tiny").dataset();
      assertThat(d.eval().get(4).location().toString()).isEqualTo("datasets/tiny/eval.jsonl:5:1");
      assertThat(d.train().get(12).location().line()).isEqualTo(13);
    }

    @Test
    void readsCsvWithTheSameColumnsAsJsonLines() {
      Dataset json = read("tiny").dataset();
      DatasetReader.Result csv = read("tiny-csv");
      assertThat(csv.problems()).isEmpty();
      assertThat(csv.dataset().eval()).hasSameSizeAs(json.eval());
      for (int i = 0; i < json.eval().size(); i++) {
        EvalCase a = json.eval().get(i);
        EvalCase b = csv.dataset().eval().get(i);
        assertThat(List.of(b.id(), b.task(), b.input(), b.expected(), b.relevant(), b.tags()))
            .isEqualTo(List.of(a.id(), a.task(), a.input(), a.expected(), a.relevant(), a.tags()));
        assertThat(b.location().line()).as("CSV line, after the header").isEqualTo(i + 2);
      }
      assertThat(csv.dataset().corpus().toList().stream().map(Document::text).toList())
          .isEqualTo(json.corpus().toList().stream().map(Document::text).toList());
    }

    @Test
    void hashesContentSoEqualFilesGiveEqualHashes() {
      assertThat(read("tiny").dataset().contentHash()).isEqualTo(read("tiny").dataset().contentHash())
          .isNotEqualTo(read("tiny-csv").dataset().contentHash());
      assertThat(read("tiny").dataset().corpusHash()).hasSize(16);
    }

    @Test
    void allowsAnEmptyCorpusForAClassificationOnlyDataset() {
      DatasetReader.Result r = read("labels-only");
      assertThat(r.problems()).isEmpty();
      assertThat(lines(r.warnings())).containsExactly("datasets/labels-only/eval.jsonl:3:1: label 'account' is in eval"
          + " (1 case) but never in train; a trained model cannot predict it");
    }
  }

  @Nested
  class ABrokenDataset {
    @Test
    void reportsEveryProblemWithFileAndLine() {
      DatasetReader.Result r = read("broken");
      assertThat(lines(r.problems())).containsExactly(
          "datasets/broken/corpus.jsonl:2:1: document: duplicate id 'a' (first at line 1)",
          "datasets/broken/corpus.jsonl:3:1: document: missing required key 'text'",
          "datasets/broken/corpus.jsonl:4:44: bad JSON: Unexpected character ('}' (code 125)): was expecting"
              + " double-quote to start field name",
          "datasets/broken/eval.jsonl:2:1: eval case 'q2': relevant id 'zeta' is not in the corpus",
          "datasets/broken/eval.jsonl:3:1: eval case: duplicate id 'q2' (first at line 2)",
          "datasets/broken/eval.jsonl:4:1: eval case: missing required key 'expected'",
          "datasets/broken/eval.jsonl:5:1: expected a JSON object {...}, found an array",
          "datasets/broken/train.jsonl:2:22: train example.task: unknown task 'summarise'; expected one of qa,"
              + " classification");
      assertThat(lines(r.warnings())).containsExactly(
          "datasets/broken/eval.jsonl:1:1: 1 of 4 eval cases has an input that is also in train (ignoring case and"
              + " spacing) and is left out of the evaluation: 'q1' (line 1, in train at datasets/broken/train.jsonl:1:1"
              + " as 't1'); --strict refuses such a dataset instead",
          "datasets/broken/eval.jsonl:6:1: label 'invoices' is in eval (1 case) but never in train; a trained model"
              + " cannot predict it",
          "datasets/broken/train.jsonl:4:84: unknown field 'topic' ignored (in 1 row); known fields: id, task, input,"
              + " output");
      assertThatThrownBy(r::orThrow).isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesAMissingFolder() {
      assertThatThrownBy(() -> DatasetReader.read(FIXTURES.resolve("nope"), "nope"))
          .isInstanceOf(BadInputException.class).hasMessage("nope: dataset folder not found");
    }
  }

  @Nested
  class EvalCasesAlsoInTrain {
    @TempDir Path dir;

    void write(int overlapping) throws IOException {
      Files.writeString(dir.resolve("dataset.yaml"), "name: x\ntasks: [classification]\n", StandardCharsets.UTF_8);
      StringBuilder train = new StringBuilder();
      StringBuilder eval = new StringBuilder();
      for (int i = 0; i < overlapping; i++) {
        train.append("{\"id\": \"t").append(i).append("\", \"task\": \"classification\", \"input\": \"Card  number ")
            .append(i).append("\", \"output\": \"card\"}\n");
        // The same input but for case and spacing.
        eval.append("{\"id\": \"e").append(i).append("\", \"task\": \"classification\", \"input\": \" card NUMBER ")
            .append(i).append("\", \"expected\": \"card\"}\n");
      }
      train.append("{\"id\": \"tx\", \"task\": \"classification\", \"input\": \"a refund\", \"output\": \"refund\"}\n");
      eval.append("{\"id\": \"ex\", \"task\": \"classification\", \"input\": \"my refund\", \"expected\": \"refund\"}\n");
      Files.writeString(dir.resolve("train.jsonl"), train, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("eval.jsonl"), eval, StandardCharsets.UTF_8);
    }

    @Test
    void areLeftOutCountedAndNamedInOneWarning() throws IOException {
      write(2);
      DatasetReader.Result r = DatasetReader.read(dir, "x");
      assertThat(r.problems()).isEmpty();
      assertThat(r.dataset().eval()).extracting(EvalCase::id).containsExactly("ex");
      assertThat(r.dataset().excludedOverlap()).isEqualTo(2);
      assertThat(lines(r.warnings())).containsExactly("x/eval.jsonl:1:1: 2 of 3 eval cases have an input that is also"
          + " in train (ignoring case and spacing) and are left out of the evaluation: 'e0' (line 1, in train at"
          + " x/train.jsonl:1:1 as 't0'), 'e1' (line 2, in train at x/train.jsonl:2:1 as 't1'); --strict refuses such a"
          + " dataset instead");
    }

    @Test
    void theWarningNamesTheFirstFiveAndCountsTheRest() throws IOException {
      write(7);
      DatasetReader.Result r = DatasetReader.read(dir, "x");
      assertThat(r.dataset().excludedOverlap()).isEqualTo(7);
      assertThat(lines(r.warnings())).singleElement().asString()
          .contains("'e4' (line 5, in train at x/train.jsonl:5:1 as 't4') and 2 more;").doesNotContain("'e5'");
    }

    @Test
    void strictRefusesEachOneWithBothLines() throws IOException {
      write(2);
      DatasetReader.Result r = DatasetReader.read(dir, "x", true);
      assertThat(r.warnings()).isEmpty();
      assertThat(r.dataset().excludedOverlap()).isZero();
      assertThat(lines(r.problems())).containsExactly(
          "x/eval.jsonl:1:1: eval case 'e0': the same input is in train (x/train.jsonl:1:1, id 't0'); a held-out case"
              + " must not be trained on",
          "x/eval.jsonl:2:1: eval case 'e1': the same input is in train (x/train.jsonl:2:1, id 't1'); a held-out case"
              + " must not be trained on");
    }

    @Test
    void aDatasetWithoutOverlapLeavesNothingOut() throws IOException {
      write(0);
      DatasetReader.Result r = DatasetReader.read(dir, "x");
      assertThat(r.warnings()).isEmpty();
      assertThat(r.dataset().excludedOverlap()).isZero();
      assertThat(r.dataset().eval()).hasSize(1);
    }
  }

  @Nested
  class SplitsThatCannotBeBenchmarked {
    @TempDir Path dir;

    void write(String file, String text) throws IOException {
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyEvalSplitIsAProblem() throws IOException {
      write("dataset.yaml", "name: x\ntasks: [classification]\n");
      write("train.jsonl", "{\"id\": \"t\", \"task\": \"classification\", \"input\": \"a\", \"output\": \"b\"}\n");
      write("eval.jsonl", "\n");
      assertThat(lines(DatasetReader.read(dir, "x").problems()))
          .containsExactly("x/eval.jsonl: no eval cases; a benchmark needs at least one");
    }

    @Test
    void qaCasesNeedACorpus() throws IOException {
      write("dataset.yaml", "name: x\ntasks: [qa]\n");
      write("eval.jsonl", "{\"id\": \"q\", \"task\": \"qa\", \"input\": \"a?\", \"expected\": \"b\"}\n");
      assertThat(lines(DatasetReader.read(dir, "x").problems())).containsExactly(
          "x/corpus.jsonl: the corpus is empty or missing, but eval has qa cases; RAG answers from the corpus");
    }

    @Test
    void aTaskTheDatasetDoesNotDeclareIsAProblem() throws IOException {
      write("dataset.yaml", "name: x\ntasks: [classification]\n");
      write("train.jsonl", "{\"id\": \"t\", \"task\": \"classification\", \"input\": \"a\", \"output\": \"b\"}\n");
      write("corpus.jsonl", "{\"id\": \"d\", \"text\": \"b is c.\"}\n");
      write("eval.jsonl", "{\"id\": \"q\", \"task\": \"qa\", \"input\": \"what is b?\", \"expected\": \"c\"}\n");
      assertThat(lines(DatasetReader.read(dir, "x").problems())).contains(
          "x/eval.jsonl:1:1: eval case 'q': task 'qa' is not among the dataset's tasks (classification) in dataset.yaml");
    }

    @Test
    void bothJsonLinesAndCsvForOneSplitIsAProblem() throws IOException {
      write("dataset.yaml", "name: x\ntasks: [classification]\n");
      write("train.jsonl", "{\"id\": \"t\", \"task\": \"classification\", \"input\": \"a\", \"output\": \"b\"}\n");
      write("eval.jsonl", "{\"id\": \"e\", \"task\": \"classification\", \"input\": \"c\", \"expected\": \"b\"}\n");
      write("eval.csv", "id,task,input,expected\ne,classification,c,b\n");
      assertThat(lines(DatasetReader.read(dir, "x").problems()))
          .contains("x/eval.csv: both eval.jsonl and eval.csv exist; keep one");
    }

    @Test
    void csvRowsWithTheWrongNumberOfCellsAreProblemsWithTheirLine() throws IOException {
      write("dataset.yaml", "name: x\ntasks: [classification]\n");
      write("train.csv", "id,task,input,output\nt1,classification,a,b\nt2,classification,\"two\nlines\",b\nt3,oops\n");
      write("eval.csv", "id,task,input,expected\ne,classification,c,b\n");
      DatasetReader.Result r = DatasetReader.read(dir, "x");
      assertThat(lines(r.problems()))
          .containsExactly("x/train.csv:5:1: expected 4 columns (id,task,input,output), found 2");
      assertThat(r.dataset().train().get(1).input()).isEqualTo("two\nlines");
      assertThat(r.dataset().train().get(1).location().line()).isEqualTo(3);
    }
  }
}
