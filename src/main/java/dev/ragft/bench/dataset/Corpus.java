package dev.ragft.bench.dataset;

import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The knowledge base of a dataset, read one document at a time. A corpus from a dataset folder is
 * not held in memory: every pass reads the file again, streaming, so memory does not grow with the
 * corpus (the file was checked when the dataset was read; a pass skips the rows that had problems).
 * A corpus made from a list, for tests and small tools, holds its documents.
 */
public sealed interface Corpus permits Corpus.Listed, Corpus.InFile {
  Corpus EMPTY = new Listed(List.of());

  /** Documents in the corpus (rows with problems not counted). */
  int size();

  default boolean isEmpty() {
    return size() == 0;
  }

  /** Each document, in file order. */
  void forEach(Consumer<Document> each);

  /** Every document, in memory: for tests and small tools only; bench streams {@link #forEach}. */
  default List<Document> toList() {
    List<Document> out = new java.util.ArrayList<>();
    forEach(out::add);
    return out;
  }

  static Corpus of(List<Document> documents) {
    return new Listed(documents);
  }

  /** A corpus whose documents are in memory. */
  record Listed(List<Document> documents) implements Corpus {
    public Listed {
      documents = List.copyOf(documents);
    }

    @Override
    public int size() {
      return documents.size();
    }

    @Override
    public void forEach(Consumer<Document> each) {
      documents.forEach(each);
    }
  }

  /**
   * A corpus file ({@code corpus.jsonl} or {@code corpus.csv}), read again on every pass.
   *
   * @param path the file
   * @param name how messages name it
   * @param csv whether it is CSV
   * @param size its documents, counted when it was checked
   */
  record InFile(Path path, String name, boolean csv, int size) implements Corpus {
    public InFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public void forEach(Consumer<Document> each) {
      try {
        if (csv) {
          RowReader.stream(path, name, true, DatasetReader.LIST_COLUMNS, row -> document(row, new NodeReader())
              .ifPresent(each), problem -> { });
        } else {
          jsonLines(each);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + " again: " + e.getMessage(), e);
      }
    }

    /**
     * JSON Lines read again with the streaming parser alone, no tree: the file was checked when
     * the dataset was read, so only the four fields are picked out of each line (the rows the check
     * refused are refused again: without a non-blank id and text).
     */
    private void jsonLines(Consumer<Document> each) throws IOException {
      com.fasterxml.jackson.core.JsonFactory json = new com.fasterxml.jackson.core.JsonFactory();
      try (java.io.BufferedReader in = new java.io.BufferedReader(RowReader.utf8(java.nio.file.Files.newInputStream(path)),
          1 << 16)) {
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNo++;
          String l = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
          if (l.isBlank()) {
            continue;
          }
          String[] f = {"", "", "", ""};
          try (com.fasterxml.jackson.core.JsonParser p = json.createParser(l)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
              continue;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
              String key = p.currentName();
              com.fasterxml.jackson.core.JsonToken v = p.nextToken();
              int i = switch (key) {
                case "id" -> 0;
                case "title" -> 1;
                case "text" -> 2;
                case "updated" -> 3;
                default -> -1;
              };
              if (i >= 0 && v.isScalarValue() && v != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                f[i] = p.getText();
              } else {
                p.skipChildren();
              }
            }
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            continue; // reported when the dataset was read
          }
          if (!f[0].isBlank() && !f[2].isBlank()) {
            each.accept(new Document(f[0], f[1], f[2], f[3], new dev.ragft.input.Location(name, lineNo, 1)));
          }
        }
      }
    }
  }

  /** A row as a document; empty (with the problems in {@code r}) when a field is missing or wrong. */
  static Optional<Document> document(Row row, NodeReader r) {
    int before = r.problems().size();
    Node.MapNode m = row.fields();
    String id = r.string(m, "id", "document");
    String title = r.optional(m, "title").flatMap(n -> r.text(n, "document.title")).orElse("");
    String text = r.string(m, "text", "document");
    String updated = r.optional(m, "updated").flatMap(n -> r.text(n, "document.updated")).orElse("");
    return r.problems().size() == before ? Optional.of(new Document(id, title, text, updated, row.location()))
        : Optional.empty();
  }
}
