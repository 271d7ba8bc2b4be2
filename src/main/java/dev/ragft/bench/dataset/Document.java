package dev.ragft.bench.dataset;

import dev.ragft.input.Location;
import java.util.Objects;

/** One document of the knowledge base as it is now ({@code corpus.jsonl}). */
public record Document(String id, String title, String text, String updated, Location location) {
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(location, "location");
  }
}
