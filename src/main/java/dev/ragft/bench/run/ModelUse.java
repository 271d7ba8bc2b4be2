package dev.ragft.bench.run;

import dev.ragft.bench.llm.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An approach that ran against a real model behind an endpoint, for every report: which model at
 * which endpoint (never the key), how it was asked, and what it cost in tokens over the run:
 * calls with a token count, their input and output tokens summed, and label replies that held no
 * label.
 */
public record ModelUse(ApproachId approach, String model, String endpoint, String description, long calls,
    long inputTokens, long outputTokens, long unparseableLabels) {
  public ModelUse {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(description, "description");
  }

  /** The real models that ran, with their tokens summed over the run. */
  static List<ModelUse> of(List<Approach> approaches, Map<String, CaseResult> results) {
    List<ModelUse> out = new ArrayList<>();
    for (Approach a : approaches) {
      Generator g;
      String description;
      if (a instanceof OnlineApproach.Rag r) {
        g = r.g();
        description = "generator " + g.where() + " (OpenAI-compatible endpoint) answers from the top-k BM25 passages"
            + " through prompt " + g.answer().name() + " and must cite [doc-id]; labels: the same model, constrained"
            + " to the label set and shown the most similar labelled train examples (prompt " + g.label().name() + ")";
      } else if (a instanceof OnlineApproach.FineTune f) {
        g = f.g();
        description = "the user's fine-tuned model " + g.where() + " (OpenAI-compatible endpoint), given the question"
            + " alone (prompt " + g.answer().name() + "); labels from a constrained prompt listing the label set ("
            + g.label().name() + "), read strictly";
      } else {
        continue;
      }
      long calls = 0;
      long in = 0;
      long outTokens = 0;
      long unparseable = 0;
      for (CaseResult r : results.values()) {
        if (r.approach() == a.id()) {
          if (r.tokensMeasured()) {
            calls++;
            in += r.inputTokens();
            outTokens += r.outputTokens();
          }
          if (r.note().startsWith(BenchService.UNPARSEABLE)) {
            unparseable++;
          }
        }
      }
      out.add(new ModelUse(a.id(), g.model(), g.client().config().displayUrl(), description, calls, in, outTokens,
          unparseable));
    }
    return out;
  }
}
