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
  /** The model id reports give the team's own service, which has no model id of ours to name. */
  public static final String TEAM_SYSTEM = "team's own system";

  public ModelUse {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(description, "description");
  }

  private static String retrieval(Models m) {
    return m.remoteRetrieval() ? "the team's search service (--retriever http)" : "ragft's retrieval";
  }

  /** The team's own service: named as theirs, with what was read from its replies. */
  private static ModelUse service(OnlineApproach.Service s, Map<String, CaseResult> results) {
    dev.ragft.bench.llm.AnswerService.Config c = s.s().config();
    String url = c.service().displayUrl();
    String what = s.id() == ApproachId.RAG ? "the team's own RAG system" : "the user's fine-tuned model behind its own"
        + " endpoint";
    String description = what + " at " + url + " (" + c.service().section() + "): the question goes in, the answer"
        + " is read at " + c.answer() + (c.citations().text().isEmpty() ? ", citations from its [doc-id] markers"
        : ", citations at " + c.citations()) + (c.saysRetrieved() ? ", retrieved documents at " + c.retrieved()
        : s.id() == ApproachId.RAG ? "; retrieval metrics on its cited documents (it returns no retrieved list)" : "");
    long unparseable = results.values().stream().filter(r -> r.approach() == s.id())
        .filter(r -> r.note().startsWith(BenchService.UNPARSEABLE)).count();
    return new ModelUse(s.id(), TEAM_SYSTEM, url, description, 0, 0, 0, unparseable);
  }

  /** How reports label it: the team's own system, or a real model ragft called. */
  public String label() {
    return model.equals(TEAM_SYSTEM) ? "TEAM'S SYSTEM" : "REAL MODEL";
  }

  /** The real models that ran, with their tokens summed over the run. */
  static List<ModelUse> of(List<Approach> approaches, Map<String, CaseResult> results) {
    List<ModelUse> out = new ArrayList<>();
    for (Approach a : approaches) {
      Generator g;
      String description;
      if (a instanceof OnlineApproach.Rag r) {
        g = r.g();
        description = "generator " + g.where() + " (OpenAI-compatible endpoint) answers from the top-k "
            + (r.m().remoteRetrieval() ? "passages of " + retrieval(r.m()) : "BM25 passages")
            + " through prompt " + g.answer().name() + " and must cite [doc-id]; labels: the same model, constrained"
            + " to the label set and shown the most similar labelled train examples (prompt " + g.label().name() + ")";
      } else if (a instanceof OnlineApproach.FineTune f) {
        g = f.g();
        description = "the user's fine-tuned model " + g.where() + " (OpenAI-compatible endpoint), given the question"
            + " alone (prompt " + g.answer().name() + "); labels from a constrained prompt listing the label set ("
            + g.label().name() + "), read strictly";
      } else if (a instanceof OnlineApproach.Hybrid h) {
        g = h.g();
        description = "the three-layer stack on the user's fine-tuned model " + g.where() + ": it labels (pattern"
            + " layer, prompt " + g.label().name() + "); for questions " + retrieval(h.m()) + " finds the passages"
            + " (grounding layer) and the same model answers from the top-k through prompt " + g.grounded().name()
            + ", citing [doc-id] (generation layer)";
      } else if (a instanceof OnlineApproach.Service s) {
        out.add(service(s, results));
        continue;
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
