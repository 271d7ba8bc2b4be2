package dev.ragft.bench.retrieval;

import java.util.Objects;

/** A piece of a corpus document that retrieval ranks and the reader quotes. */
public record Passage(String id, String docId, String title, String text) {
  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
  }
}
