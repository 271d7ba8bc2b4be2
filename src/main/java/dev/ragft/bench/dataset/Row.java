package dev.ragft.bench.dataset;

import dev.ragft.input.Location;
import dev.ragft.input.Node;
import java.util.Objects;

/** One record of a JSONL or CSV file, as a located tree, so checks name the file and line. */
public record Row(Location location, Node.MapNode fields) {
  public Row {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fields, "fields");
  }
}
