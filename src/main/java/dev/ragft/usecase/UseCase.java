package dev.ragft.usecase;

import dev.ragft.decision.Answers;
import dev.ragft.input.Location;
import java.util.Objects;

/** A candidate AI use case and its answers to the framework's questions; {@code source} is where it was read. */
public record UseCase(String id, String name, String description, Answers answers, Location source) {
  public UseCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(answers, "answers");
    Objects.requireNonNull(source, "source");
  }
}
