package dev.ragft.framework;

import java.util.Map;
import java.util.Objects;

/**
 * How scores start and how sure the engine is. {@code baseline} is each approach's score before
 * any answer; {@code fullConfidenceMargin} is the lead in points at which the lead alone gives full
 * confidence; {@code foundation} is the approach no gate may exclude (so that one always remains)
 * and the one a weak signal falls back to; {@code closeCall} says when a lead is too small to call;
 * {@code signal} how much the answers must tell apart the approaches before the scores are
 * followed; {@code cheaperBy} the fraction by which an approach must undercut every other over 12
 * months to count as cheapest; {@code paybackHorizonMonths} the time within which a recommendation
 * is expected to pay for itself.
 */
public record Scoring(
    Map<String, Integer> baseline,
    int fullConfidenceMargin,
    String foundation,
    CloseCall closeCall,
    Signal signal,
    double cheaperBy,
    int paybackHorizonMonths) {
  public Scoring {
    // Insertion order is the framework's approach order; reports rely on it being stable.
    baseline = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baseline));
    Objects.requireNonNull(foundation, "foundation");
    Objects.requireNonNull(closeCall, "closeCall");
    Objects.requireNonNull(signal, "signal");
  }

  /** A simple scoring section for tests and minimal frameworks: no close calls, no signal floor. */
  public static Scoring of(Map<String, Integer> baseline, int fullConfidenceMargin, String foundation) {
    return new Scoring(baseline, fullConfidenceMargin, foundation, CloseCall.NONE, Signal.NONE, 0.25, 0);
  }

  /**
   * A lead of fewer than {@code margin} points is a close call; {@code message} says so, with
   * {approach}, {runnerUp}, {lead} and {margin} filled in.
   */
  public record CloseCall(int margin, String message) {
    public static final CloseCall NONE = new CloseCall(0, "");
  }

  /**
   * Signal: the sum over the answers of how far apart each answer puts the approaches (its largest
   * effect minus its smallest). At {@code full} or more the lead alone sets confidence; below
   * {@code minimum} the answers say too little to follow the scores, so the recommendation falls
   * back to the foundation with {@code message}.
   */
  public record Signal(int full, int minimum, String message) {
    public static final Signal NONE = new Signal(0, 0, "");
  }
}
