package dev.ragft.bench.dataset;

import dev.ragft.input.Location;
import java.util.Objects;

/** One input/output pair a trained model learns from ({@code train.jsonl}). */
public record TrainExample(String id, Task task, String input, String output, Location location) {
  public TrainExample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(location, "location");
  }
}
