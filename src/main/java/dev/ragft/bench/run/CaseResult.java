package dev.ragft.bench.run;

import dev.ragft.bench.metrics.MetricId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one approach did on one eval case: its answer (or label), the document it cites (empty when
 * none), the documents it retrieved in rank order, whether it retrieves at all (retrieval metrics
 * apply), how long it took in microseconds ({@code -1} when not measured), the tokens an endpoint
 * counted for it ({@code -1} when no model was called or the endpoint did not say), a note
 * (empty, or e.g. the reply that held no label), the answer-quality measures taken when the case ran
 * (answer similarity, context recall: logged with the result, so a resumed or rendered run has them)
 * and the texts of the passages the answer was read from (this run only, not logged; empty for an
 * approach that does not retrieve).
 */
public record CaseResult(
    ApproachId approach, String caseId, String answer, String citation, List<String> retrieved, boolean grounded,
    long latencyMicros, long inputTokens, long outputTokens, String note, Map<MetricId, Double> measures,
    List<String> context) {
  public CaseResult {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(citation, "citation");
    retrieved = List.copyOf(retrieved);
    Objects.requireNonNull(note, "note");
    EnumMap<MetricId, Double> m = new EnumMap<>(MetricId.class);
    m.putAll(measures);
    measures = Collections.unmodifiableMap(m);
    context = List.copyOf(context);
  }

  /** A result without measures or context. */
  public CaseResult(
      ApproachId approach, String caseId, String answer, String citation, List<String> retrieved, boolean grounded,
      long latencyMicros, long inputTokens, long outputTokens, String note) {
    this(approach, caseId, answer, citation, retrieved, grounded, latencyMicros, inputTokens, outputTokens, note,
        Map.of(), List.of());
  }

  /**
   * This result with the answer-quality measures taken on it, and without the context they were
   * taken from (as the results log keeps it, so a resumed result equals the one first run).
   */
  public CaseResult withMeasures(Map<MetricId, Double> taken) {
    return new CaseResult(approach, caseId, answer, citation, retrieved, grounded, latencyMicros, inputTokens,
        outputTokens, note, taken, List.of());
  }

  /** A result of an offline approach: no model, no tokens, no note. */
  public CaseResult(
      ApproachId approach, String caseId, String answer, String citation, List<String> retrieved, boolean grounded,
      long latencyMicros) {
    this(approach, caseId, answer, citation, retrieved, grounded, latencyMicros, -1, -1, "");
  }

  public boolean timed() {
    return latencyMicros >= 0;
  }

  /** Whether an endpoint counted tokens for this case. */
  public boolean tokensMeasured() {
    return inputTokens >= 0 && outputTokens >= 0;
  }

  /**
   * The output of an approach before the runner times it. For a model call, {@code modelMicros} is
   * how long the request took when it was made (the cache keeps it) and {@code waitedMicros} how
   * long this run spent on it; both {@code -1} without a call.
   */
  public record Output(String answer, String citation, List<String> retrieved, boolean grounded, long inputTokens,
      long outputTokens, String note, long modelMicros, long waitedMicros, List<String> context) {
    public Output {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(citation, "citation");
      retrieved = List.copyOf(retrieved);
      Objects.requireNonNull(note, "note");
      context = List.copyOf(context);
    }

    public Output(String answer, String citation, List<String> retrieved, boolean grounded, long inputTokens,
        long outputTokens, String note, long modelMicros, long waitedMicros) {
      this(answer, citation, retrieved, grounded, inputTokens, outputTokens, note, modelMicros, waitedMicros, List.of());
    }

    /** This output with the texts of the passages its answer was read from. */
    public Output withContext(List<String> passages) {
      return new Output(answer, citation, retrieved, grounded, inputTokens, outputTokens, note, modelMicros,
          waitedMicros, passages);
    }

    public Output(String answer, String citation, List<String> retrieved, boolean grounded) {
      this(answer, citation, retrieved, grounded, -1, -1, "", -1, -1);
    }

    static Output ungrounded(String answer) {
      return new Output(answer, "", List.of(), false);
    }

    /**
     * The result, timed: {@code elapsedMicros} as measured, except that a model call counts with the
     * time it took when made rather than the time this run spent on it (0 on a cache hit), so a
     * rerun from the cache reports the latency of the original run.
     */
    CaseResult timed(ApproachId a, String caseId, long elapsedMicros) {
      long micros = elapsedMicros < 0 || modelMicros < 0 ? elapsedMicros
          : Math.max(0, elapsedMicros - waitedMicros) + modelMicros;
      return new CaseResult(a, caseId, answer, citation, retrieved, grounded, micros, inputTokens, outputTokens, note,
          Map.of(), context);
    }
  }
}
