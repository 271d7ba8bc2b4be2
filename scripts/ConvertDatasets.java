// Converts the public datasets in ../shared/datasets into ragft's dataset format (DESIGN §4).
// Run by scripts/convert-datasets.sh with the ragft jar on the class path (for Jackson and
// commons-csv): java -cp target/ragft.jar scripts/ConvertDatasets.java banking77|stackfaq SRC OUT
//
// The output goes to a folder of your choice (never into the project: the data is not ours).

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ragft.input.Node;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

public class ConvertDatasets {
  private static final JsonFactory JSON = new JsonFactory();

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !(args[0].equals("banking77") || args[0].equals("stackfaq"))) {
      System.err.println("usage: ConvertDatasets banking77|stackfaq SOURCE_DIR OUT_DIR");
      System.exit(2);
    }
    Path src = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    if (args[0].equals("banking77")) {
      banking77(src, out);
    } else {
      stackfaq(src, out);
    }
  }

  /**
   * BANKING77: train.csv -> train.jsonl, the official test.csv -> eval.jsonl (3,080 cases), no
   * corpus. The few training texts that also occur, word for word, in the test split are left
   * out of train, so that no eval case is one the model was trained on.
   */
  static void banking77(Path src, Path out) throws IOException {
    List<CSVRecord> train = csv(src.resolve("train.csv"));
    List<CSVRecord> test = csv(src.resolve("test.csv"));
    Set<String> testTexts = new HashSet<>();
    test.forEach(r -> testTexts.add(normal(r.get("text"))));
    List<String> trainLines = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < train.size(); i++) {
      CSVRecord r = train.get(i);
      if (testTexts.contains(normal(r.get("text")))) {
        dropped++;
        continue;
      }
      trainLines.add(line("id", "train-" + (i + 1), "task", "classification", "input", r.get("text"), "output",
          r.get("category")));
    }
    List<String> evalLines = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      CSVRecord r = test.get(i);
      evalLines.add(line("id", "test-" + (i + 1), "task", "classification", "input", r.get("text"), "expected",
          r.get("category")));
    }
    Files.writeString(out.resolve("dataset.yaml"), String.join("\n",
        "name: banking77",
        "description: \"BANKING77 (PolyAI): online-banking customer queries labelled with 77 intents; official"
            + " train and test splits. Converted by scripts/convert-datasets.sh; " + dropped + " training texts that"
            + " also occur in test were left out of train.\"",
        "source: https://github.com/PolyAI-LDN/task-specific-datasets (banking_data)",
        "licence: CC-BY-4.0",
        "synthetic: false",
        "tasks: [classification]",
        ""), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("corpus.jsonl"), "", StandardCharsets.UTF_8);
    write(out.resolve("train.jsonl"), trainLines);
    write(out.resolve("eval.jsonl"), evalLines);
    System.err.printf(Locale.ROOT, "banking77: %d train (%d left out: also in test), %d eval -> %s%n", trainLines.size(),
        dropped, evalLines.size(), out);
  }

  /**
   * StackFAQ: one corpus document per thread (title: the question; text: its answers); train:
   * each thread's original question with its top answer (what a model fine-tuned on the FAQ would
   * learn); eval: every human paraphrase of a question, expecting the top answer and the thread's
   * document. Paraphrases equal to the original question are left out (they were trained on).
   */
  static void stackfaq(Path src, Path out) throws IOException {
    // JSON is YAML: ragft's own located reader parses it, no other library needed.
    Node.MapNode root = (Node.MapNode) YamlTree.read(src.resolve("stackExchange-FAQ.json"), "stackExchange-FAQ.json");
    List<Node> pairs = ((Node.ListNode) ((Node.MapNode) root.entries().get("root").value()).entries().get("qapair").value())
        .items();
    List<String> corpus = new ArrayList<>();
    List<String> train = new ArrayList<>();
    List<String> eval = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < pairs.size(); i++) {
      Node.MapNode p = (Node.MapNode) pairs.get(i);
      String id = "thread-" + (i + 1);
      String question = text(p.entries().get("question").value()).strip();
      List<String> answers = texts(p.entries().get("answer").value());
      corpus.add(line("id", id, "title", question, "text", String.join("\n", answers)));
      train.add(line("id", id, "task", "qa", "input", question, "output", answers.get(0)));
      int n = 0;
      for (String rephrased : texts(p.entries().get("rephr").value())) {
        String q = rephrased.strip();
        if (q.isEmpty() || q.equals("*")) {
          continue;
        }
        if (normal(q).equals(normal(question))) {
          dropped++;
          continue;
        }
        n++;
        eval.add(line("id", id + "-p" + n, "task", "qa", "input", q, "expected", answers.get(0), "relevant", id));
      }
    }
    Files.writeString(out.resolve("dataset.yaml"), String.join("\n",
        "name: stackfaq",
        "description: \"StackFAQ (Karan and Snajder 2018): 125 StackExchange web-apps FAQ threads; every human"
            + " paraphrase of a question is an eval case that should find its thread. Converted by"
            + " scripts/convert-datasets.sh.\"",
        "source: https://github.com/ML-Recipes/BERT-FAQ (data/StackFAQ)",
        "licence: CC-BY-SA (StackExchange posts)",
        "synthetic: false",
        "tasks: [qa]",
        ""), StandardCharsets.UTF_8);
    write(out.resolve("corpus.jsonl"), corpus);
    write(out.resolve("train.jsonl"), train);
    write(out.resolve("eval.jsonl"), eval);
    System.err.printf(Locale.ROOT, "stackfaq: %d documents, %d train, %d eval (%d paraphrases equal to their"
        + " question left out) -> %s%n", corpus.size(), train.size(), eval.size(), dropped, out);
  }

  static String text(Node n) {
    return ((Node.ScalarNode) n).text();
  }

  /** A list of strings, or one string (StackFAQ has a plain string answer once). */
  static List<String> texts(Node n) {
    List<String> out = new ArrayList<>();
    if (n instanceof Node.ListNode l) {
      l.items().forEach(i -> out.add(text(i).strip()));
    } else {
      out.add(text(n).strip());
    }
    return out;
  }

  static List<CSVRecord> csv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  /** One JSON object on one line from key, value pairs; the key "relevant" takes a one-id list. */
  static String line(String... kv) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      for (int i = 0; i < kv.length; i += 2) {
        if (kv[i].equals("relevant")) {
          g.writeArrayFieldStart("relevant");
          g.writeString(kv[i + 1]);
          g.writeEndArray();
        } else {
          g.writeStringField(kv[i], kv[i + 1]);
        }
      }
      g.writeEndObject();
    }
    return s.toString();
  }

  static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  static String normal(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
