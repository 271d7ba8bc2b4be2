package dev.ragft.bench.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Row;
import dev.ragft.bench.dataset.RowReader;
import dev.ragft.bench.dataset.Task;
import dev.ragft.input.BadInputException;
import dev.ragft.input.IoReason;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-case results of a run, one JSON object per line, appended and flushed as each case
 * completes, so an interrupted run loses at most the case in flight and {@code --resume} picks up
 * where it stopped. The first line names what the results depend on (dataset content and
 * settings); a log for anything else is never resumed into.
 */
public final class ResultLog implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();
  /** Version 2 logs the eval case with each result, so reports can be rendered from the log alone. */
  static final String FORMAT = "ragft-bench-cases/2";

  /** A logged result and the eval case it answers, as the report layer reads them back. */
  public record Entry(EvalCase evalCase, CaseResult result) {
    public Entry {
      Objects.requireNonNull(evalCase, "evalCase");
      Objects.requireNonNull(result, "result");
    }
  }

  /** A whole log as read back: what it was written for ({@link #key(String, BenchSettings)}) and its entries. */
  public record Contents(String key, List<Entry> entries) {
    public Contents {
      Objects.requireNonNull(key, "key");
      entries = List.copyOf(entries);
    }
  }

  private final Writer out;
  private final Map<String, CaseResult> previous;
  private final List<Problem> dropped;

  private ResultLog(Writer out, Map<String, CaseResult> previous, List<Problem> dropped) {
    this.out = out;
    this.previous = previous;
    this.dropped = List.copyOf(dropped);
  }

  /** What a resumed log held: the results by key, and the lines that held none. */
  private record Resumed(Map<String, CaseResult> previous, List<Problem> dropped) {}

  /**
   * Opens the log at {@code file}. With {@code resume}, keeps the results already there (when the
   * log was written for the same {@code key}) and drops a last line cut short by an interruption;
   * without it, starts a new log.
   */
  static ResultLog open(Path file, String display, String key, boolean resume) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Resumed resumed = new Resumed(new LinkedHashMap<>(), List.of());
      if (resume && Files.exists(file) && Files.size(file) > 0) {
        dropCutLine(file);
        resumed = read(file, display, key);
      } else {
        Files.writeString(file, header(key), StandardCharsets.UTF_8);
      }
      Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return new ResultLog(w, resumed.previous(), resumed.dropped());
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(display), "cannot write the results log: " + IoReason.of(e));
    }
  }

  /**
   * The lines of the resumed log that held no result (damaged, or not written by ragft), each with
   * its line: dropped from the log, so their cases run again and the log reads back whole.
   */
  List<Problem> dropped() {
    return dropped;
  }

  /** The results logged by the run being resumed, by {@link #key(ApproachId, String)}. */
  Map<String, CaseResult> previous() {
    return previous;
  }

  /** What a log is written for: the dataset's content and the settings results depend on. */
  public static String key(String datasetHash, BenchSettings s) {
    return datasetHash + ";" + s.resultKey();
  }

  static String key(ApproachId a, String caseId) {
    return a.id() + "\u0000" + caseId;
  }

  void append(EvalCase c, CaseResult r) {
    try {
      out.write(line(c, r));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(String key) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("key", key);
      g.writeEndObject();
    }
    return s + "\n";
  }

  static String line(EvalCase c, CaseResult r) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("approach", r.approach().id());
      g.writeStringField("id", r.caseId());
      g.writeStringField("task", c.task().id());
      strings(g, "tags", c.tags());
      g.writeStringField("input", c.input());
      strings(g, "expected", c.expected());
      strings(g, "relevant", c.relevant());
      g.writeStringField("answer", r.answer());
      g.writeStringField("citation", r.citation());
      strings(g, "retrieved", r.retrieved());
      g.writeBooleanField("grounded", r.grounded());
      g.writeNumberField("latencyMicros", r.latencyMicros());
      if (r.tokensMeasured()) {
        g.writeNumberField("inputTokens", r.inputTokens());
        g.writeNumberField("outputTokens", r.outputTokens());
      }
      if (!r.note().isEmpty()) {
        g.writeStringField("note", r.note());
      }
      g.writeEndObject();
    }
    return s + "\n";
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /**
   * Reads a whole log for a report: every line must hold a result and its case. A case run again
   * (after a resume) keeps its first place and its last result.
   *
   * @throws BadInputException naming the line and what it lacks, for a file that is not a results log
   */
  public static Contents read(String text, String display) {
    RowReader.Result rows = RowReader.jsonLines(text, display);
    if (!rows.problems().isEmpty()) {
      throw new BadInputException(rows.problems());
    }
    List<Row> all = rows.rows();
    NodeReader r = new NodeReader();
    if (all.isEmpty() || all.get(0).location().line() != 1
        || !FORMAT.equals(r.optionalString(all.get(0).fields(), "format", "log", ""))) {
      throw new BadInputException(new Location(display, 1, 1), "not a results log of this ragft: expected a first"
          + " line {\"format\": \"" + FORMAT + "\", \"key\": ...} (the cases.jsonl of ragft bench --report-dir)");
    }
    String key = r.optionalString(all.get(0).fields(), "key", "log", "");
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Row row : all.subList(1, all.size())) {
      Optional<CaseResult> result = parse(row.fields());
      Optional<EvalCase> c = evalCase(row);
      if (result.isEmpty() || c.isEmpty()) {
        problems.add(new Problem(row.location(), "not a logged result: expected approach (" + ApproachId.ids()
            + "), id, task (" + Task.ids() + "), tags, input, expected, relevant, answer, citation, retrieved,"
            + " grounded and latencyMicros"));
        continue;
      }
      entries.put(key(result.get().approach(), result.get().caseId()), new Entry(c.get(), result.get()));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new Contents(key, List.copyOf(entries.values()));
  }

  private static Optional<EvalCase> evalCase(Row row) {
    Node.MapNode m = row.fields();
    Optional<Task> task = Task.of(scalar(m, "task"));
    Optional<List<String>> tags = strings(m, "tags");
    Optional<List<String>> expected = strings(m, "expected").filter(l -> !l.isEmpty());
    Optional<List<String>> relevant = strings(m, "relevant");
    String id = scalar(m, "id");
    if (task.isEmpty() || tags.isEmpty() || expected.isEmpty() || relevant.isEmpty() || id.isEmpty()
        || !(m.entries().get("input") != null && m.entries().get("input").value() instanceof Node.ScalarNode)) {
      return Optional.empty();
    }
    return Optional.of(new EvalCase(id, task.get(), scalar(m, "input"), expected.get(), relevant.get(), tags.get(),
        row.location()));
  }

  /** A list of strings, or empty when the field is missing or holds anything else. */
  private static Optional<List<String>> strings(Node.MapNode m, String key) {
    Node.Entry e = m.entries().get(key);
    if (e == null || !(e.value() instanceof Node.ListNode l)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Node n : l.items()) {
      if (!(n instanceof Node.ScalarNode s)) {
        return Optional.empty();
      }
      out.add(s.text());
    }
    return Optional.of(out);
  }

  private static Resumed read(Path file, String display, String key) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    RowReader.Result rows = RowReader.jsonLines(text, display);
    List<Row> all = rows.rows();
    NodeReader r = new NodeReader();
    boolean headerOk = !all.isEmpty() && all.get(0).location().line() == 1
        && FORMAT.equals(r.optionalString(all.get(0).fields(), "format", "log", ""))
        && key.equals(r.optionalString(all.get(0).fields(), "key", "log", ""));
    if (!headerOk) {
      throw new BadInputException(new Location(display, 1, 1), "this results log was written for another dataset,"
          + " other settings (--top-k, --seed) or another version of ragft; run without --resume to start over");
    }
    Map<String, CaseResult> out = new LinkedHashMap<>();
    List<Problem> dropped = new ArrayList<>();
    for (Problem p : rows.problems()) {
      dropped.add(new Problem(new Location(display, p.location().line(), 1), DROPPED));
    }
    java.util.Set<Integer> kept = new java.util.HashSet<>(List.of(1));
    for (Row row : all.subList(1, all.size())) {
      Optional<CaseResult> c = parse(row.fields());
      if (c.isPresent() && evalCase(row).isPresent()) {
        out.put(key(c.get().approach(), c.get().caseId()), c.get());
        kept.add(row.location().line());
      } else {
        dropped.add(new Problem(new Location(display, row.location().line(), 1), DROPPED));
      }
    }
    if (!dropped.isEmpty()) {
      dropped.sort(java.util.Comparator.comparingInt(p -> p.location().line()));
      keepOnly(file, text, kept);
    }
    return new Resumed(out, dropped);
  }

  private static final String DROPPED = "not a logged result (a damaged line?); dropped, its case runs again";

  /** Rewrites the log with only the lines numbered in {@code kept}, whole or not at all. */
  private static void keepOnly(Path file, String text, java.util.Set<Integer> kept) throws IOException {
    StringBuilder b = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (kept.contains(i + 1)) {
        b.append(lines[i]).append('\n');
      }
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".ragft-", ".tmp");
    try {
      Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A logged result, or empty for a line that does not hold one (it is simply run again). */
  private static Optional<CaseResult> parse(Node.MapNode m) {
    NodeReader r = new NodeReader();
    Optional<ApproachId> a = ApproachId.of(r.optionalString(m, "approach", "log", ""));
    String id = r.optionalString(m, "id", "log", "");
    String answer = scalar(m, "answer");
    String citation = scalar(m, "citation");
    List<String> retrieved = strings(m, "retrieved").orElse(List.of());
    boolean grounded = "true".equals(scalar(m, "grounded"));
    long latency;
    long in;
    long out;
    try {
      latency = Long.parseLong(scalar(m, "latencyMicros"));
      in = m.entries().containsKey("inputTokens") ? Long.parseLong(scalar(m, "inputTokens")) : -1;
      out = m.entries().containsKey("outputTokens") ? Long.parseLong(scalar(m, "outputTokens")) : -1;
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (a.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CaseResult(a.get(), id, answer, citation, retrieved, grounded, latency, in, out,
        scalar(m, "note")));
  }

  private static String scalar(Node.MapNode m, String key) {
    Node.Entry e = m.entries().get(key);
    return e != null && e.value() instanceof Node.ScalarNode s ? s.text() : "";
  }

  /** Cuts a last line that an interruption left without its line end. */
  private static void dropCutLine(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }
}
