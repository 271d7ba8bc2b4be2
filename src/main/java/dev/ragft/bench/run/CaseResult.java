package dev.ragft.bench.run;

import java.util.List;
import java.util.Objects;

/**
 * What one approach did on one eval case: its answer (or label), the document it cites (empty when
 * none), the documents it retrieved in rank order, whether it retrieves at all (retrieval metrics
 * apply), and how long it took in microseconds ({@code -1} when not measured).
 */
public record CaseResult(
    ApproachId approach, String caseId, String answer, String citation, List<String> retrieved, boolean grounded,
    long latencyMicros) {
  public CaseResult {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(citation, "citation");
    retrieved = List.copyOf(retrieved);
  }

  public boolean timed() {
    return latencyMicros >= 0;
  }

  /** The output of an approach before the runner times it. */
  public record Output(String answer, String citation, List<String> retrieved, boolean grounded) {
    public Output {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(citation, "citation");
      retrieved = List.copyOf(retrieved);
    }

    static Output ungrounded(String answer) {
      return new Output(answer, "", List.of(), false);
    }

    CaseResult timed(ApproachId a, String caseId, long micros) {
      return new CaseResult(a, caseId, answer, citation, retrieved, grounded, micros);
    }
  }
}
