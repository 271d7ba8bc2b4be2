package dev.ragft.cost;

import dev.ragft.decision.Answers;
import dev.ragft.decision.Estimate;
import dev.ragft.decision.Evidence;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost model as evidence for the engine: for any answers (what-if varies them), each
 * approach's latency against the budget and, where the volume is known, its 12-month cost. The
 * pairs a fine-tune needs come from the framework's floor for the answered task.
 */
public final class CostEvidence implements Evidence {
  private static final String PAIRS = "training-pairs";

  private final Framework framework;
  private final CostModel model;
  private final CostModel.Terms terms;

  public CostEvidence(Framework framework, Prices prices, CostModel.Terms terms) {
    this.framework = framework;
    this.model = new CostModel(prices);
    this.terms = terms;
  }

  /** The estimate a report shows for these answers. */
  public CostEstimate estimate(Answers answers) {
    return model.estimate(answers, termsFor(answers));
  }

  @Override
  public Estimate of(Answers answers) {
    CostEstimate e = estimate(answers);
    Map<String, Long> latency = new LinkedHashMap<>();
    Map<String, BigDecimal> twelve = new LinkedHashMap<>();
    for (CostEstimate.ApproachCost a : e.approaches()) {
      latency.put(a.approach(), a.latencyMs());
      if (e.volumeKnown()) {
        twelve.put(a.approach(), a.twelveMonth());
      }
    }
    return new Estimate(latency, e.budgetMs(), twelve, e.basis(), terms.measured().wins());
  }

  private CostModel.Terms termsFor(Answers answers) {
    return new CostModel.Terms(terms.foundation(), floor(framework, answers), terms.latencyBudgetMs(),
        terms.valuePerRequest(), terms.measured());
  }

  /** The pairs a fine-tune of the answered task needs, by the framework's floor (0 without one). */
  public static long floor(Framework framework, Answers answers) {
    return framework.question(PAIRS)
        .map(q -> q instanceof Question.NumberQuestion nq ? nq.floor().of(answers) : 0L)
        .orElse(0L);
  }
}
