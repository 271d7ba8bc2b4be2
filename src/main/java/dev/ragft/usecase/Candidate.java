package dev.ragft.usecase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A use case as read, with the columns of its CSV row that ragft does not know ({@code extra},
 * by column name, in the file's order), kept so CSV output can pass them through.
 */
public record Candidate(UseCase useCase, Map<String, String> extra) {
  public Candidate {
    Objects.requireNonNull(useCase, "useCase");
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }
}
