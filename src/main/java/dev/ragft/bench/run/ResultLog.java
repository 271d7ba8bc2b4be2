package dev.ragft.bench.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ragft.bench.dataset.RowReader;
import dev.ragft.bench.dataset.Row;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
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
import java.util.Optional;

/**
 * The per-case results of a run, one JSON object per line, appended and flushed as each case
 * completes, so an interrupted run loses at most the case in flight and {@code --resume} picks up
 * where it stopped. The first line names what the results depend on (dataset content and
 * settings); a log for anything else is never resumed into.
 */
final class ResultLog implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();
  static final String FORMAT = "ragft-bench-cases/1";

  private final Writer out;
  private final Map<String, CaseResult> previous;

  private ResultLog(Writer out, Map<String, CaseResult> previous) {
    this.out = out;
    this.previous = previous;
  }

  /**
   * Opens the log at {@code file}. With {@code resume}, keeps the results already there (when the
   * log was written for the same {@code key}) and drops a last line cut short by an interruption;
   * without it, starts a new log.
   */
  static ResultLog open(Path file, String display, String key, boolean resume) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Map<String, CaseResult> previous = new LinkedHashMap<>();
      if (resume && Files.exists(file) && Files.size(file) > 0) {
        previous = read(file, display, key);
        dropCutLine(file);
      } else {
        Files.writeString(file, header(key), StandardCharsets.UTF_8);
      }
      Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return new ResultLog(w, previous);
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(display), "cannot write the results log: " + e.getMessage());
    }
  }

  /** The results logged by the run being resumed, by {@link #key(ApproachId, String)}. */
  Map<String, CaseResult> previous() {
    return previous;
  }

  static String key(ApproachId a, String caseId) {
    return a.id() + "\u0000" + caseId;
  }

  void append(CaseResult r) {
    try {
      out.write(line(r));
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

  static String line(CaseResult r) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("approach", r.approach().id());
      g.writeStringField("id", r.caseId());
      g.writeStringField("answer", r.answer());
      g.writeStringField("citation", r.citation());
      g.writeArrayFieldStart("retrieved");
      for (String id : r.retrieved()) {
        g.writeString(id);
      }
      g.writeEndArray();
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

  private static Map<String, CaseResult> read(Path file, String display, String key) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    RowReader.Result rows = RowReader.jsonLines(text, display);
    List<Row> all = rows.rows();
    NodeReader r = new NodeReader();
    boolean headerOk = !all.isEmpty() && all.get(0).location().line() == 1
        && FORMAT.equals(r.optionalString(all.get(0).fields(), "format", "log", ""))
        && key.equals(r.optionalString(all.get(0).fields(), "key", "log", ""));
    if (!headerOk) {
      throw new BadInputException(new Location(display, 1, 1), "this results log was written for another dataset"
          + " or other settings (--top-k, --seed); run without --resume to start over");
    }
    Map<String, CaseResult> out = new LinkedHashMap<>();
    for (Row row : all.subList(1, all.size())) {
      parse(row.fields()).ifPresent(c -> out.put(key(c.approach(), c.caseId()), c));
    }
    return out;
  }

  /** A logged result, or empty for a line that does not hold one (it is simply run again). */
  private static Optional<CaseResult> parse(Node.MapNode m) {
    NodeReader r = new NodeReader();
    Optional<ApproachId> a = ApproachId.of(r.optionalString(m, "approach", "log", ""));
    String id = r.optionalString(m, "id", "log", "");
    String answer = scalar(m, "answer");
    String citation = scalar(m, "citation");
    List<String> retrieved = new ArrayList<>();
    if (m.entries().get("retrieved") != null && m.entries().get("retrieved").value() instanceof Node.ListNode l) {
      for (Node n : l.items()) {
        if (n instanceof Node.ScalarNode s) {
          retrieved.add(s.text());
        }
      }
    }
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
