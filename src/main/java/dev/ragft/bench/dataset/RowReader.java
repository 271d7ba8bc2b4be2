package dev.ragft.bench.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.Problem;
import dev.ragft.input.YamlTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the records of a dataset file — JSON Lines (one object per line; blank lines skipped) or
 * CSV with a header row — into {@link Row}s that remember their line. A bad line is a problem and
 * the rest of the file is still read, so one pass reports everything.
 *
 * <p>In CSV, columns named in {@code listColumns} hold lists: ids separated by {@code ;}, or a
 * JSON array.
 *
 * <p>JSON is read with Jackson's JSON parser rather than {@link dev.ragft.input.YamlTree} (JSON
 * is YAML): messages then say "bad JSON" at the JSON parser's column, and the YAML parser is
 * several times slower on corpora of many thousand lines. Both build the same {@link Node} tree.
 */
public final class RowReader {
  private static final JsonFactory JSON = new JsonFactory();

  /** The rows read and the problems met. */
  public record Result(List<Row> rows, List<Problem> problems) {
    public Result {
      rows = List.copyOf(rows);
      problems = List.copyOf(problems);
    }
  }

  private RowReader() {}

  public static Result jsonLines(String text, String file) {
    return collect(text, file, false, Set.of());
  }

  public static Result csv(String text, String file, Set<String> listColumns) {
    return collect(text, file, true, listColumns);
  }

  private static Result collect(String text, String file, boolean csv, Set<String> listColumns) {
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try {
      stream(new StringReader(text), file, csv, listColumns, rows::add, problems::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(rows, problems);
  }

  /**
   * Streams the rows of a UTF-8 file to {@code rows} and its problems to {@code problems}, one
   * line (or CSV record) at a time: memory does not grow with the file.
   *
   * @throws java.nio.charset.CharacterCodingException when the file is not UTF-8
   */
  public static void stream(Path path, String file, boolean csv, Set<String> listColumns, Consumer<Row> rows,
      Consumer<Problem> problems) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      stream(utf8(in), file, csv, listColumns, rows, problems);
    }
  }

  /** A strict UTF-8 reader of {@code in}: malformed bytes throw rather than turn into replacement characters. */
  public static Reader utf8(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  /** As {@link #stream(Path, String, boolean, Set, Consumer, Consumer)}, from a reader. */
  public static void stream(Reader reader, String file, boolean csv, Set<String> listColumns, Consumer<Row> rows,
      Consumer<Problem> problems) throws IOException {
    if (csv) {
      csvRows(reader, file, listColumns, rows, problems);
    } else {
      jsonRows(reader, file, rows, problems);
    }
  }

  private static void jsonRows(Reader reader, String file, Consumer<Row> rows, Consumer<Problem> problems)
      throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      String l = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (l.isBlank()) {
        continue;
      }
      try {
        Node node = parseLine(l, file, lineNo);
        if (node instanceof Node.MapNode m) {
          rows.accept(new Row(new Location(file, lineNo, 1), m));
        } else {
          problems.accept(new Problem(new Location(file, lineNo, 1), "expected a JSON object {...}, found "
              + kind(node)));
        }
      } catch (JsonProcessingException e) {
        problems.accept(new Problem(at(e.getLocation(), file, lineNo), "bad JSON: "
            + firstLine(e.getOriginalMessage())));
      } catch (BadInputException e) {
        e.problems().forEach(problems);
      }
    }
  }

  private static void csvRows(Reader reader, String file, Set<String> listColumns, Consumer<Row> rows,
      Consumer<Problem> problems) throws IOException {
    PushbackReader body = new PushbackReader(reader, 1);
    int first = body.read();
    if (first != -1 && first != '\uFEFF') {
      body.unread(first);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(false).get();
    try (CSVParser parser = CSVParser.parse(body, format)) {
      List<String> header = parser.getHeaderNames();
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        long start = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          if (e.getCause() instanceof java.nio.charset.CharacterCodingException c) {
            throw c;
          }
          problems.accept(new Problem(new Location(file, (int) start, 1), "bad CSV: " + firstLine(e.getMessage())));
          break;
        }
        int line = (int) Math.max(start, 2);
        Location where = new Location(file, line, 1);
        if (record.size() != header.size()) {
          problems.accept(new Problem(where, "expected " + header.size() + " columns (" + String.join(",", header)
              + "), found " + record.size()));
          continue;
        }
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        List<Problem> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          String name = header.get(i);
          String cell = record.get(i);
          if (cell.isEmpty()) {
            continue; // an empty cell is a missing field, as an absent key is in JSON
          }
          Node value = listColumns.contains(name) ? list(cell, where, file, found) : scalar(cell, where);
          entries.put(name, new Node.Entry(name, where, value));
        }
        found.forEach(problems);
        rows.accept(new Row(where, new Node.MapNode(where, entries)));
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      problems.accept(new Problem(new Location(file, 1, 1), "bad CSV header: " + firstLine(e.getMessage())));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.charset.CharacterCodingException c) {
        throw c;
      }
      problems.accept(new Problem(Location.ofFile(file), "bad CSV: " + firstLine(e.getMessage())));
    }
  }

  private static Node list(String cell, Location where, String file, List<Problem> problems) {
    String c = cell.strip();
    if (c.startsWith("[")) {
      try {
        Node n = parseLine(c, file, where.line());
        if (n instanceof Node.ListNode l) {
          return new Node.ListNode(where, l.items().stream().map(i -> relocate(i, where)).toList());
        }
      } catch (IOException | BadInputException e) {
        problems.add(new Problem(where, "bad JSON list in a CSV cell: " + firstLine(e.getMessage())));
        return new Node.ListNode(where, List.of());
      }
    }
    List<Node> items = new ArrayList<>();
    for (String part : c.split(";")) {
      if (!part.isBlank()) {
        items.add(scalar(part.strip(), where));
      }
    }
    return new Node.ListNode(where, items);
  }

  private static Node relocate(Node n, Location where) {
    return n instanceof Node.ScalarNode s ? new Node.ScalarNode(where, s.text(), s.type()) : n;
  }

  private static Node scalar(String cell, Location where) {
    return new Node.ScalarNode(where, cell, Node.ScalarType.STRING);
  }

  private static Node parseLine(String line, String file, int lineNo) throws IOException {
    try (JsonParser p = JSON.createParser(line)) {
      JsonToken first = p.nextToken();
      Node node = YamlTree.tree(p, loc -> at(loc, file, lineNo));
      if (first != null && p.nextToken() != null) {
        throw new JsonProcessingException("more than one JSON value on the line; put one object per line",
            p.currentTokenLocation()) {
          private static final long serialVersionUID = 1L;
        };
      }
      return node;
    }
  }

  private static String kind(Node n) {
    return n.kind().replace("a mapping", "an object").replace("a list", "an array");
  }

  /** A parser location within one line, as a place in the file. */
  private static Location at(JsonLocation loc, String file, int lineNo) {
    int column = loc == null || loc.getColumnNr() <= 0 ? 1 : loc.getColumnNr();
    return new Location(file, lineNo, column);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m).replaceAll("\\s+", " ");
  }
}
