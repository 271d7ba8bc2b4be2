package dev.ragft.bench.dataset;

import dev.ragft.input.Location;
import java.util.List;
import java.util.Objects;

/**
 * One held-out case ({@code eval.jsonl}). {@code expected} holds every acceptable answer (one
 * label for classification); {@code relevant} the ids of the corpus documents that hold the
 * answer (may be empty: then retrieval and citation are not measured for the case).
 */
public record EvalCase(
    String id, Task task, String input, List<String> expected, List<String> relevant, List<String> tags,
    Location location) {
  public EvalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(input, "input");
    expected = List.copyOf(expected);
    relevant = List.copyOf(relevant);
    tags = List.copyOf(tags);
    Objects.requireNonNull(location, "location");
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("expected: at least one answer");
    }
  }

  /** The first expected answer: the label of a classification case. */
  public String label() {
    return expected.get(0);
  }
}
