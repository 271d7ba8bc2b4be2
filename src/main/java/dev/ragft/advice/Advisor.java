package dev.ragft.advice;

import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.CostEvidence;
import dev.ragft.cost.CostModel;
import dev.ragft.cost.Costs;
import dev.ragft.cost.Measurements;
import dev.ragft.cost.Prices;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.DecisionEngine;
import dev.ragft.decision.Evidence;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Framework;
import dev.ragft.report.Recommendation;
import dev.ragft.usecase.UseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one service behind recommend, score and interview: estimate costs and latencies from the
 * price file, let the engine weigh the answers with that evidence, add what the figures say about
 * the recommendation (over budget, costlier than an alternative, slow to pay back, implausible
 * inputs), and bundle the result for the renderers. Pure: no files, no clock.
 */
public final class Advisor {
  private final Framework framework;
  private final Optional<Prices> prices;
  private final DecisionEngine engine;
  private final Measurements measured;

  public Advisor(Framework framework, Optional<Prices> prices) {
    this(framework, prices, Measurements.NONE);
  }

  /** With latencies and token counts measured by a bench run, which replace the estimates. */
  public Advisor(Framework framework, Optional<Prices> prices, Measurements measured) {
    this.framework = framework;
    this.prices = prices;
    this.engine = new DecisionEngine(framework);
    this.measured = measured;
  }

  public Recommendation advise(UseCase useCase) {
    return advise(useCase, true).recommendation();
  }

  /** A recommendation and the evidence it was weighed with (the roadmap weighs the same). */
  public record Advice(Recommendation recommendation, Evidence evidence) {}

  /**
   * As {@link #advise(UseCase)}; without {@code whatIf} the assessment skips the what-if search,
   * its costliest part, for batch reports that do not show it.
   */
  public Advice advise(UseCase useCase, boolean whatIf) {
    Costs costs = Costs.none();
    Evidence evidence = Evidence.NONE;
    Optional<CostEstimate> estimate = Optional.empty();
    if (prices.isPresent()) {
      CostEvidence ce = new CostEvidence(framework, prices.get(), new CostModel.Terms(framework.scoring().foundation(), 0,
          useCase.latencyBudgetMs(), useCase.valuePerRequest(), measured));
      estimate = Optional.of(ce.estimate(useCase.answers()));
      costs = new Costs.Estimated(estimate.get());
      evidence = ce;
    }
    Assessment a = engine.assess(useCase.answers(), evidence, whatIf);
    List<Warning> more = new ArrayList<>(Plausibility.warnings(framework, useCase.answers()));
    if (estimate.isPresent()) {
      more.addAll(new CostWarnings(framework, estimate.get()).about(a));
    }
    if (!more.isEmpty()) {
      a = a.withWarnings(more);
    }
    return new Advice(new Recommendation(useCase.id(), useCase.name(), useCase.description(), framework, a, costs), evidence);
  }
}
