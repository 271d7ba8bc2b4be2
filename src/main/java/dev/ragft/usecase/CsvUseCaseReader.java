package dev.ragft.usecase;

import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.input.Location;
import dev.ragft.input.NodeReader;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads use cases from CSV (docs/score.md, "Inputs"): a header row naming {@code id}, optional {@code name}
 * and {@code description}, and one column per question, in any order. Other columns are kept as
 * the use case's extras, except {@code ignored} ones (the result columns of an earlier {@code
 * score}, so its output reads back in). Rows are read one at a time and handed on, so a file of
 * any length is read in flat memory. A bad row is a problem naming its line and column (the
 * column's 1-based index, and its name in the message); the other rows are still read.
 */
public final class CsvUseCaseReader {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
  private static final String ID = "id";
  private static final String NAME = "name";
  private static final String DESCRIPTION = "description";

  private final Framework framework;
  private final AnswerReader answers;
  private final Set<String> ignored;

  /** {@code ignored}: column names (any case) that are dropped rather than passed through. */
  public CsvUseCaseReader(Framework framework, Set<String> ignored) {
    this.framework = framework;
    this.answers = new AnswerReader(framework);
    this.ignored = ignored.stream().map(CsvUseCaseReader::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The columns of {@code file} that will be passed through, in order; empty if the header is unreadable. */
  public List<String> extraColumns(Path file) {
    try (Reader in = open(file); CSVParser p = CSVParser.parse(in, format(file))) {
      Iterator<CSVRecord> it = p.iterator();
      if (!it.hasNext()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String cell : it.next()) {
        String name = cell.strip();
        if (!known(name) && !ignored.contains(key(name)) && !name.isEmpty()) {
          out.add(name);
        }
      }
      return out;
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // read() reports it, with its location
    }
  }

  /**
   * Warnings for the client's own columns that are dropped because they have the name of a result
   * column ({@code approach}, {@code wave}, ...): a file that has every result column is an earlier
   * score's output read back, whose results are recomputed, so it gets none; a file with only some
   * of them holds columns of its own that would otherwise vanish without a word.
   */
  public List<Problem> droppedColumns(Path file, String displayName) {
    try (Reader in = open(file); CSVParser p = CSVParser.parse(in, format(file))) {
      Iterator<CSVRecord> it = p.iterator();
      if (!it.hasNext()) {
        return List.of();
      }
      List<String> header = it.next().toList();
      Set<String> present = new java.util.HashSet<>();
      header.forEach(h -> present.add(key(h)));
      if (present.containsAll(ignored)) {
        return List.of();
      }
      List<Problem> out = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).strip();
        if (ignored.contains(key(name)) && !known(name)) {
          out.add(new Problem(new Location(displayName, 1, i + 1), "column '" + name + "' has the name of a column"
              + " score writes, so it is not passed through; rename it to keep it in the output"));
        }
      }
      return out;
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // read() reports it, with its location
    }
  }

  /** Reads every row, handing each valid use case to {@code out} and each problem to {@code problems}. */
  public void read(Path file, String displayName, Consumer<Candidate> out, Consumer<Problem> problems) {
    LineTracker lines;
    try {
      lines = new LineTracker(open(file));
    } catch (IOException e) {
      Optional<Problem> at = e instanceof CharacterCodingException ? firstBadByte(file, displayName) : Optional.empty();
      problems.accept(at.orElse(new Problem(Location.ofFile(displayName), "cannot read: " + e.getMessage())));
      return;
    }
    long next = 1; // where the next record starts, unless blank lines come first: for errors that stop the parser
    try (CSVParser p = CSVParser.parse(lines, format(file))) {
      Iterator<CSVRecord> it = p.iterator();
      if (!it.hasNext()) {
        problems.accept(new Problem(Location.ofFile(displayName), "file is empty; expected a header row naming "
            + String.join(", ", expectedHeader())));
        return;
      }
      CSVRecord headerRow = it.next();
      Optional<Header> header = header(headerRow, new Location(displayName, lines.lineOf(headerRow.getCharacterPosition()), 1),
          problems);
      if (header.isEmpty()) {
        return;
      }
      next = p.getCurrentLineNumber() + 1;
      while (it.hasNext()) {
        CSVRecord record = it.next();
        row(header.get(), record, displayName, lines.lineOf(record.getCharacterPosition()), problems).ifPresent(out);
        next = p.getCurrentLineNumber() + 1;
      }
    } catch (UncheckedIOException | IOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      if (cause instanceof CharacterCodingException) {
        Optional<Problem> at = firstBadByte(file, displayName);
        if (at.isPresent()) {
          problems.accept(at.get());
          return;
        }
      }
      String message = cause instanceof CharacterCodingException
          ? "not UTF-8 text (" + UTF8_HINT + ")" : "malformed CSV: " + firstLine(cause.getMessage()).replaceFirst("^\\(startline \\d+\\) ", "");
      problems.accept(new Problem(new Location(displayName, (int) Math.min(Integer.MAX_VALUE, next), 1),
          message + "; the rest of the file was not read"));
    }
  }

  /** Where each known column is (0-based), and the pass-through columns. */
  private record Header(Map<String, Integer> known, Map<String, Integer> extra, int size) {}

  private Optional<Header> header(CSVRecord row, Location at, Consumer<Problem> problems) {
    Map<String, Integer> known = new LinkedHashMap<>();
    Map<String, Integer> extra = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    boolean ok = true;
    for (int i = 0; i < row.size(); i++) {
      String name = row.get(i).strip();
      Location cell = new Location(at.file(), at.line(), i + 1);
      if (name.isEmpty()) {
        problems.accept(new Problem(cell, "header: column " + (i + 1) + " has no name"));
        ok = false;
        continue;
      }
      Integer first = seen.putIfAbsent(key(name), i);
      if (first != null) {
        problems.accept(new Problem(cell, "header: duplicate column '" + name + "' (first in column " + (first + 1) + ")"));
        ok = false;
      } else if (known(name)) {
        known.put(key(name), i);
      } else if (!ignored.contains(key(name))) {
        extra.put(name, i);
      }
    }
    List<String> missing = new ArrayList<>();
    if (!known.containsKey(ID)) {
      missing.add(ID);
    }
    for (Question q : framework.questions()) {
      if (q.required() && !known.containsKey(q.id())) {
        missing.add(q.id());
      }
    }
    if (!missing.isEmpty()) {
      problems.accept(new Problem(at, "header: missing column" + (missing.size() == 1 ? " '" : "s '")
          + String.join("', '", missing) + "'; expected a header row naming " + String.join(", ", expectedHeader())
          + " (in any order; name, description and optional questions may be left out)"
          + (row.stream().anyMatch(c -> c.contains(";")) ? "; the header row holds semicolons and commas: separate"
              + " the columns by commas, or by semicolons with no comma in the header row" : "")));
      ok = false;
    }
    return ok ? Optional.of(new Header(known, extra, row.size())) : Optional.empty();
  }

  private Optional<Candidate> row(Header h, CSVRecord record, String file, int line, Consumer<Problem> problems) {
    if (record.size() != h.size()) {
      problems.accept(new Problem(new Location(file, line, 1), "row has " + cells(record.size()) + " but the header has "
          + h.size() + "; check for an unquoted comma or a missing value"));
      return Optional.empty();
    }
    NodeReader r = new NodeReader();
    int idColumn = h.known().get(ID);
    String id = record.get(idColumn).strip();
    Location idAt = new Location(file, line, idColumn + 1);
    if (id.isEmpty()) {
      r.problem(idAt, "id: empty; every use case needs an id");
    } else {
      UseCaseReader.idProblem(id).ifPresent(m -> r.problem(idAt, m));
    }
    List<AnswerReader.Raw> raw = new ArrayList<>();
    for (Question q : framework.questions()) {
      Integer column = h.known().get(q.id());
      if (column == null) {
        continue;
      }
      String text = record.get(column);
      if (text.isBlank() && !q.required()) {
        continue; // an empty optional cell means "not answered", as leaving out the key does in YAML
      }
      Location at = new Location(file, line, column + 1);
      raw.add(new AnswerReader.Raw(q.id(), text, at, at));
    }
    Optional<Answers> a = answers.read(raw, new Location(file, line, 1), r);
    r.problems().stream().sorted().forEach(problems);
    if (r.hasProblems() || a.isEmpty()) {
      return Optional.empty();
    }
    java.util.OptionalLong budget = java.util.OptionalLong.empty();
    Optional<java.math.BigDecimal> value = Optional.empty();
    Integer budgetColumn = h.known().get(Terms.LATENCY_BUDGET);
    if (budgetColumn != null && !record.get(budgetColumn).isBlank()) {
      budget = Terms.budget(record.get(budgetColumn), new Location(file, line, budgetColumn + 1), r);
    }
    Integer valueColumn = h.known().get(Terms.VALUE);
    if (valueColumn != null && !record.get(valueColumn).isBlank()) {
      value = Terms.value(record.get(valueColumn), new Location(file, line, valueColumn + 1), r);
    }
    if (r.hasProblems()) {
      r.problems().stream().sorted().forEach(problems);
      return Optional.empty();
    }
    String name = cell(h, record, NAME);
    Map<String, String> extra = new LinkedHashMap<>();
    h.extra().forEach((column, i) -> extra.put(column, record.get(i)));
    UseCase u = new UseCase(id, name.isEmpty() ? id : name, cell(h, record, DESCRIPTION), a.get(), budget, value, idAt);
    return Optional.of(new Candidate(u, extra));
  }

  private static String cell(Header h, CSVRecord record, String column) {
    Integer i = h.known().get(column);
    return i == null ? "" : record.get(i).strip();
  }

  private boolean known(String name) {
    String k = key(name);
    return k.equals(ID) || k.equals(NAME) || k.equals(DESCRIPTION) || Terms.FIELDS.contains(k)
        || framework.question(k).isPresent();
  }

  /** The header the use-case CSV format names: id, name, description, then every question. */
  public List<String> expectedHeader() {
    List<String> out = new ArrayList<>(List.of(ID, NAME, DESCRIPTION));
    framework.questions().forEach(q -> out.add(q.id()));
    return out;
  }

  private static String key(String column) {
    return column.strip().toLowerCase(Locale.ROOT);
  }

  private static String cells(int n) {
    return n == 1 ? "1 cell" : n + " cells";
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message).strip();
  }

  private static final String UTF8_HINT = "export the spreadsheet as CSV UTF-8";

  private static Optional<Problem> firstBadByte(Path file, String displayName) {
    try {
      return dev.ragft.input.Utf8.firstBadByte(file, displayName, UTF8_HINT + "; the rest of the file was not read");
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The file's text without the byte-order mark Excel puts first ("CSV UTF-8"), which would
   * otherwise be part of the first column's name.
   */
  private static Reader open(Path file) throws IOException {
    // Refuse bytes that are not UTF-8 instead of silently replacing them.
    java.io.PushbackReader in = new java.io.PushbackReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  /**
   * The CSV dialect of {@code file}: commas, or semicolons when the header row has semicolons and
   * no comma (what Excel writes where the comma is the decimal separator).
   */
  private static CSVFormat format(Path file) {
    try (java.io.BufferedReader in = new java.io.BufferedReader(open(file))) {
      String header;
      do {
        header = in.readLine();
      } while (header != null && header.isBlank());
      if (header != null && header.indexOf(',') < 0 && header.indexOf(';') >= 0) {
        return FORMAT.builder().setDelimiter(';').get();
      }
    } catch (IOException | UncheckedIOException e) {
      // read() reports the file's problem, with its place
    }
    return FORMAT;
  }
}
