package dev.ragft.bench.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a dataset case asks for: an answer to a question, or a label. */
public enum Task {
  QA("qa"),
  CLASSIFICATION("classification");

  private final String id;

  Task(String id) {
    this.id = id;
  }

  /** The id used in dataset files, flags and reports. */
  public String id() {
    return id;
  }

  public static Optional<Task> of(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }

  /** "qa, classification", for "expected one of" messages. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Task::id).toList());
  }

  public static List<Task> all() {
    return List.of(values());
  }
}
