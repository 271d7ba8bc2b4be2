package dev.ragft.decision;

/**
 * What the cost model (or a bench run) says about a set of answers, beyond the answers: a pure
 * function, so that what-if, which changes answers, judges every alternative by its own
 * estimates (a higher volume, a stricter budget, more pairs to prepare). The engine never
 * computes a cost itself.
 */
@FunctionalInterface
public interface Evidence {
  /** No evidence: no evidence rule fires. */
  Evidence NONE = answers -> Estimate.NONE;

  Estimate of(Answers answers);
}
