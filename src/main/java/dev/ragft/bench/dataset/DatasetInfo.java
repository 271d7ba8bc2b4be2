package dev.ragft.bench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * What {@code dataset.yaml} says about a dataset. Empty strings stand for "not stated";
 * {@code outOfScopeLabel} is the label of inputs no other label covers (CLINC150's {@code oos}).
 */
public record DatasetInfo(
    String name, String description, String source, String licence, boolean synthetic, List<Task> tasks,
    String trainingSnapshot, String outOfScopeLabel) {
  public DatasetInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(licence, "licence");
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(trainingSnapshot, "trainingSnapshot");
    Objects.requireNonNull(outOfScopeLabel, "outOfScopeLabel");
  }

  /** A dataset without an out-of-scope label. */
  public DatasetInfo(
      String name, String description, String source, String licence, boolean synthetic, List<Task> tasks,
      String trainingSnapshot) {
    this(name, description, source, licence, synthetic, tasks, trainingSnapshot, "");
  }
}
