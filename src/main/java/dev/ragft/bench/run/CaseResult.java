package dev.ragft.bench.run;

import java.util.List;
import java.util.Objects;

/**
 * What one approach did on one eval case: its answer (or label), the document it cites (empty when
 * none), the documents it retrieved in rank order, whether it retrieves at all (retrieval metrics
 * apply), how long it took in microseconds ({@code -1} when not measured), the tokens an endpoint
 * counted for it ({@code -1} when no model was called or the endpoint did not say), and a note
 * (empty, or e.g. the reply that held no label).
 */
public record CaseResult(
    ApproachId approach, String caseId, String answer, String citation, List<String> retrieved, boolean grounded,
    long latencyMicros, long inputTokens, long outputTokens, String note) {
  public CaseResult {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(citation, "citation");
    retrieved = List.copyOf(retrieved);
    Objects.requireNonNull(note, "note");
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
      long outputTokens, String note, long modelMicros, long waitedMicros) {
    public Output {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(citation, "citation");
      retrieved = List.copyOf(retrieved);
      Objects.requireNonNull(note, "note");
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
      return new CaseResult(a, caseId, answer, citation, retrieved, grounded, micros, inputTokens, outputTokens, note);
    }
  }
}
