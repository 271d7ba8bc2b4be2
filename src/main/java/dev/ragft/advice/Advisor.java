package dev.ragft.advice;

import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.CostModel;
import dev.ragft.cost.Measurements;
import dev.ragft.cost.Costs;
import dev.ragft.cost.PriceLoader;
import dev.ragft.cost.Prices;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.DecisionEngine;
import dev.ragft.decision.Evidence;
import dev.ragft.framework.Framework;
import dev.ragft.report.Recommendation;
import dev.ragft.usecase.UseCase;
import java.util.Map;
import java.util.Optional;

/**
 * The one service behind recommend, score and interview: estimate costs and latencies from the
 * price file, let the engine weigh the answers with that evidence, and bundle the result for the
 * renderers. Pure: no files, no clock.
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
    if (prices.isPresent()) {
      CostModel model = new CostModel(prices.get());
      String foundation = framework.scoring().foundation();
      CostEstimate estimate = model.estimate(useCase.answers(), foundation, measured);
      costs = new Costs.Estimated(estimate);
      evidence = PriceLoader.evidence(estimate, prices.get());
    }
    Assessment a = engine.assess(useCase.answers(), evidence, whatIf);
    return new Advice(new Recommendation(useCase.id(), useCase.name(), useCase.description(), framework, a, costs), evidence);
  }
}
