package dev.ragft.bench.dataset;

import java.util.List;
import java.util.Objects;

/** What {@code dataset.yaml} says about a dataset. Empty strings stand for "not stated". */
public record DatasetInfo(
    String name, String description, String source, String licence, boolean synthetic, List<Task> tasks,
    String trainingSnapshot) {
  public DatasetInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(licence, "licence");
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(trainingSnapshot, "trainingSnapshot");
  }
}
