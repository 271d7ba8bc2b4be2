package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.bench.llm.BenchConfig;
import dev.ragft.bench.llm.EmbeddingsConfig;
import dev.ragft.bench.llm.EndpointConfig;
import dev.ragft.bench.llm.Message;
import dev.ragft.bench.llm.PromptTemplate;
import dev.ragft.bench.llm.TokenEstimate;
import dev.ragft.bench.retrieval.Chunker;
import dev.ragft.bench.retrieval.Passage;
import dev.ragft.bench.retrieval.Retriever;
import dev.ragft.bench.retrieval.RetrieverKind;
import dev.ragft.bench.train.ClassifierKind;
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

  /**
   * What an embeddings endpoint would be sent: {@code texts} texts (passages, questions, labelled
   * examples) in {@code requests} batches, their tokens estimated; {@code tier} empty when none is
   * set and the tokens are not costed. All zero when no embeddings endpoint is configured or the
   * run embeds nothing.
   */
  public record Embeddings(String model, String tier, long requests, long texts, long tokens, double cost) {
    public static final Embeddings NONE = new Embeddings("", "", 0, 0, 0, 0);

    public Embeddings {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(tier, "tier");
    }
  }

  /** The estimates for a dataset, with the price file they were costed from. */
  public record Result(String dataset, int cases, String endpoint, String pricesId, String pricesDate, String currency,
      List<Estimate> estimates, Embeddings embeddings) {
    public Result {
      estimates = List.copyOf(estimates);
      Objects.requireNonNull(embeddings, "embeddings");
    }
  }

  public static Result estimate(Dataset d, BenchSettings s, Optional<EndpointConfig> config, Prices prices, Path cwd,
      Optional<Path> cacheFolder) {
    return estimate(d, s, config.map(BenchConfig::of).orElse(BenchConfig.OFFLINE), prices, cwd, cacheFolder);
  }

  /**
   * The estimates for everything {@code all} configures: chat models as above; the hybrid when it
   * runs on the fine-tuned model (a label prompt per ticket, the RAG prompt over the retrieved
   * passages per question); the team's own services counted in calls, not tokens; and the texts an
   * embeddings endpoint would embed.
   */
  public static Result estimate(Dataset d, BenchSettings s, BenchConfig all, Prices prices, Path cwd,
      Optional<Path> cacheFolder) {
    Optional<EndpointConfig> config = all.chat();
    List<Estimate> out = new ArrayList<>();
    try (Models m = new Models(d, s, cacheFolder)) {
      for (ApproachId a : s.approaches()) {
        boolean service = a == ApproachId.RAG ? all.ragEndpoint().isPresent()
            : a == ApproachId.FINE_TUNE && all.fineTuneEndpoint().isPresent();
        if (service) {
          out.add(new Estimate(a, ModelUse.TEAM_SYSTEM, "", d.eval().size(), 0, 0, 0));
          continue;
        }
        boolean hybridOnModel = a == ApproachId.HYBRID && config.map(c -> c.fineTune().configured()).orElse(false);
        if (a == ApproachId.HYBRID && !hybridOnModel) {
          out.add(new Estimate(a, "", "", 0, 0, 0, 0));
          continue;
        }
        EndpointConfig.ModelConfig mc = config.map(c -> a == ApproachId.RAG ? c.rag() : c.fineTune())
            .orElse(EndpointConfig.ModelConfig.NONE);
        Prices.Tier tier = tier(hybridOnModel ? ApproachId.FINE_TUNE : a, mc, prices, config);
        String ragPrompt = config.map(c -> c.rag().answerPrompt()).orElse("");
        PromptTemplate answer = a == ApproachId.FINE_TUNE
            ? PromptTemplate.load(PromptTemplate.Kind.FINE_TUNE_ANSWER, mc.answerPrompt(), cwd)
            : PromptTemplate.load(PromptTemplate.Kind.RAG_ANSWER, a == ApproachId.RAG ? mc.answerPrompt() : ragPrompt,
                cwd);
        PromptTemplate label = PromptTemplate.load(PromptTemplate.Kind.LABEL, mc.labelPrompt(), cwd);
        long in = 0;
        long outTokens = 0;
        for (EvalCase c : d.eval()) {
          List<Message> messages;
          if (c.task() == Task.CLASSIFICATION) {
            messages = label.render(OnlineApproach.labelValues(m, c, a == ApproachId.RAG));
            outTokens += TokenEstimate.text(c.label());
          } else if (a != ApproachId.FINE_TUNE) {
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
        prices.date(), prices.currency(), out, embeddings(d, s, all, prices));
  }

  /** The texts the run would send to the embeddings endpoint, and their tokens. */
  private static Embeddings embeddings(Dataset d, BenchSettings s, BenchConfig all, Prices prices) {
    if (all.embeddings().isEmpty()) {
      return Embeddings.NONE;
    }
    EmbeddingsConfig e = all.embeddings().get();
    long texts = 0;
    long tokens = 0;
    long requests = 0;
    DenseOptions dense = s.dense();
    boolean vector = all.retriever().map(r -> r.service().request().usesVector()).orElse(false)
        && dense.retriever() == RetrieverKind.HTTP;
    if (d.hasEval(Task.QA) && (dense.retriever().usesEmbeddings() || vector)) {
      long batch = 0;
      if (!vector) {
        Chunker chunker = new Chunker(s.chunkWords());
        long[] counted = {0, 0};
        d.corpus().forEach(doc -> {
          for (Passage p : chunker.chunk(doc)) {
            counted[0] += TokenEstimate.text(p.title().isEmpty() ? p.text() : p.title() + "\n" + p.text());
            counted[1]++;
          }
        });
        tokens += counted[0];
        texts += counted[1];
        batch += counted[1];
      }
      requests += (batch + e.batchSize() - 1) / e.batchSize();
      for (EvalCase c : d.eval()) {
        if (c.task() == Task.QA) {
          // One request per question; the hybrid's steering embeds the question and its hint together.
          tokens += TokenEstimate.text(c.input());
          texts++;
          requests++;
        }
      }
    }
    if (d.hasEval(Task.CLASSIFICATION) && (dense.classifier() == ClassifierKind.EMBEDDINGS
        || dense.retriever().usesEmbeddings())) {
      long batch = 0;
      for (TrainExample t : d.train(Task.CLASSIFICATION)) {
        tokens += TokenEstimate.text(t.input());
        texts++;
        batch++;
      }
      requests += (batch + e.batchSize() - 1) / e.batchSize();
      for (EvalCase c : d.eval()) {
        if (c.task() == Task.CLASSIFICATION) {
          tokens += TokenEstimate.text(c.input());
          texts++;
          requests++;
        }
      }
    }
    if (e.tier().isEmpty()) {
      return new Embeddings(e.model(), "", requests, texts, tokens, 0);
    }
    Prices.Tier tier = prices.tier(e.tier()).orElseThrow(() -> new BadInputException(Location.ofFile("ragft.yaml"
        + " embeddings.tier"), "unknown price tier '" + e.tier() + "'; expected one of " + tierIds(prices)));
    return new Embeddings(e.model(), tier.id(), requests, texts, tokens, tokens * tier.inputPerMillion().doubleValue() / 1_000_000);
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
