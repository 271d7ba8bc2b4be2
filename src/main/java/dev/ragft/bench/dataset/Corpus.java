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
        RowReader.stream(path, name, csv, DatasetReader.LIST_COLUMNS, row -> document(row, new NodeReader())
            .ifPresent(each), problem -> { });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + " again: " + e.getMessage(), e);
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
