package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.llm.EndpointConfig;
import dev.ragft.bench.llm.Message;
import dev.ragft.bench.llm.PromptTemplate;
import dev.ragft.bench.llm.TokenEstimate;
import dev.ragft.bench.retrieval.Retriever;
import dev.ragft.cost.Prices;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bench against an endpoint would send, without sending it: every prompt is built exactly as
 * the run would build it (retrieval included, which is local), its tokens estimated with
 * {@link TokenEstimate}, and the cost taken from a price tier. Replies are estimated from the
 * expected answers: their characters / 4, plus the citation marker for RAG.
 */
public final class DryRun {
  private DryRun() {}

  /**
   * One approach's estimate; {@code model} is empty when none is configured, and {@code calls} 0
   * for an approach that calls no model.
   */
  public record Estimate(ApproachId approach, String model, String tier, long calls, long inputTokens,
      long outputTokens, double cost) {
    public Estimate {
      Objects.requireNonNull(approach, "approach");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(tier, "tier");
    }
  }

  /** The estimates for a dataset, with the price file they were costed from. */
  public record Result(String dataset, int cases, String endpoint, String pricesId, String pricesDate, String currency,
      List<Estimate> estimates) {
    public Result {
      estimates = List.copyOf(estimates);
    }
  }

  public static Result estimate(Dataset d, BenchSettings s, Optional<EndpointConfig> config, Prices prices, Path cwd,
      Optional<Path> cacheFolder) {
    List<Estimate> out = new ArrayList<>();
    try (Models m = new Models(d, s, cacheFolder)) {
      for (ApproachId a : s.approaches()) {
        if (a == ApproachId.HYBRID) {
          out.add(new Estimate(a, "", "", 0, 0, 0, 0));
          continue;
        }
        EndpointConfig.ModelConfig mc = config.map(c -> a == ApproachId.RAG ? c.rag() : c.fineTune())
            .orElse(EndpointConfig.ModelConfig.NONE);
        Prices.Tier tier = tier(a, mc, prices, config);
        PromptTemplate answer = PromptTemplate.load(a == ApproachId.RAG ? PromptTemplate.Kind.RAG_ANSWER
            : PromptTemplate.Kind.FINE_TUNE_ANSWER, mc.answerPrompt(), cwd);
        PromptTemplate label = PromptTemplate.load(PromptTemplate.Kind.LABEL, mc.labelPrompt(), cwd);
        long in = 0;
        long outTokens = 0;
        for (EvalCase c : d.eval()) {
          List<Message> messages;
          if (c.task() == Task.CLASSIFICATION) {
            messages = label.render(OnlineApproach.labelValues(m, c, a == ApproachId.RAG));
            outTokens += TokenEstimate.text(c.label());
          } else if (a == ApproachId.RAG) {
            List<Retriever.Found> found = OnlineApproach.retrieve(m, c);
            messages = answer.render(OnlineApproach.qaValues(c, found.subList(0, Math.min(s.topK(), found.size()))));
            outTokens += TokenEstimate.text(c.expected().get(0) + (c.relevant().isEmpty() ? ""
                : " [" + c.relevant().get(0) + "]"));
          } else {
            messages = answer.render(Map.of("question", c.input()));
            outTokens += TokenEstimate.text(c.expected().get(0));
          }
          in += TokenEstimate.prompt(messages);
        }
        double cost = (in * tier.inputPerMillion().doubleValue() + outTokens * tier.outputPerMillion().doubleValue()) / 1_000_000;
        out.add(new Estimate(a, mc.model(), tier.id(), d.eval().size(), in, outTokens, cost));
      }
    }
    return new Result(d.displayName(), d.eval().size(), config.map(EndpointConfig::displayUrl).orElse(""), prices.id(),
        prices.date(), prices.currency(), out);
  }

  /** The configured tier, else the tier of the price file's last model step for the approach. */
  private static Prices.Tier tier(ApproachId a, EndpointConfig.ModelConfig mc, Prices prices,
      Optional<EndpointConfig> config) {
    String id = mc.tier();
    String where = config.map(EndpointConfig::source).orElse("") + " " + a.id() + ".tier";
    if (id.isEmpty()) {
      Prices.ApproachPlan plan = prices.approaches().get(a.id());
      List<Prices.Step> steps = plan == null ? List.of() : plan.steps();
      for (Prices.Step step : steps) {
        if (step instanceof Prices.Step.Model model) {
          id = model.tier();
        }
      }
      where = "price file " + prices.id();
      if (id.isEmpty()) {
        throw new BadInputException(Location.ofFile(where), "no model step for approach " + a.id()
            + "; set " + a.id() + ".tier in ragft.yaml to one of " + tierIds(prices));
      }
    }
    String chosen = id;
    String at = where.strip();
    return prices.tier(chosen).orElseThrow(() -> new BadInputException(Location.ofFile(at),
        "unknown price tier '" + chosen + "'; expected one of " + tierIds(prices)));
  }

  private static String tierIds(Prices prices) {
    return String.join(", ", prices.tiers().stream().map(Prices.Tier::id).toList());
  }
}
