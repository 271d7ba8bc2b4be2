package dev.ragft.usecase;

import dev.ragft.decision.Answers;
import dev.ragft.input.Location;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A candidate AI use case and its answers to the framework's questions; {@code source} is where
 * it was read. Beside the answers it may state its own latency budget ({@code
 * latency-budget-ms}, which overrides the latency answer's default) and what one answered
 * request is worth ({@code value-per-request}, for payback).
 */
public record UseCase(String id, String name, String description, Answers answers, OptionalLong latencyBudgetMs,
    Optional<BigDecimal> valuePerRequest, Location source) {
  public UseCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(answers, "answers");
    Objects.requireNonNull(latencyBudgetMs, "latencyBudgetMs");
    Objects.requireNonNull(valuePerRequest, "valuePerRequest");
    Objects.requireNonNull(source, "source");
  }

  /** A use case with answers only. */
  public UseCase(String id, String name, String description, Answers answers, Location source) {
    this(id, name, description, answers, OptionalLong.empty(), Optional.empty(), source);
  }

  public UseCase withTerms(OptionalLong budget, Optional<BigDecimal> value) {
    return new UseCase(id, name, description, answers, budget, value, source);
  }
}
