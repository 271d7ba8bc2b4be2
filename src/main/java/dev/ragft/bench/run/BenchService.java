package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.llm.Online;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs a benchmark: builds what the chosen approaches need, runs every eval case through each
 * (case by case, so warm-up and caches favour no approach), logs each result as it completes,
 * and summarises. Results already in the log are reused when resuming.
 */
public final class BenchService {
  /** How a result's note starts when a model's reply held no label. */
  static final String UNPARSEABLE = "unparseable label reply";

  /**
   * Where the results log goes and whether to resume it; the cache folder for large indexes; the
   * models behind an endpoint, when configured.
   */
  public record Request(
      Dataset dataset, BenchSettings settings, Path log, String logDisplay, boolean resume, Optional<Path> cacheFolder,
      List<String> warnings, Optional<Online> online) {
    public Request {
      warnings = List.copyOf(warnings);
    }

    /** An offline run. */
    public Request(Dataset dataset, BenchSettings settings, Path log, String logDisplay, boolean resume,
        Optional<Path> cacheFolder, List<String> warnings) {
      this(dataset, settings, log, logDisplay, resume, cacheFolder, warnings, Optional.empty());
    }
  }

  /**
   * The summary, how many results came from the resumed log, and the lines of that log that held
   * no result (dropped: their cases ran again).
   */
  public record Outcome(BenchSummary summary, Map<String, CaseResult> results, int resumed, List<Problem> dropped) {
    public Outcome {
      results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
      dropped = List.copyOf(dropped);
    }
  }

  private BenchService() {}

  /** Checks that every chosen approach can run on the dataset. */
  public static void checkRunnable(Dataset d, BenchSettings s) {
    checkRunnable(d, s, Optional.empty());
  }

  /** Checks that every chosen approach can run on the dataset; a real fine-tuned model needs no train. */
  public static void checkRunnable(Dataset d, BenchSettings s, Optional<Online> online) {
    List<Problem> problems = new ArrayList<>();
    Location train = Location.ofFile(d.displayName() + "/train.jsonl");
    // A real fine-tuned model (behind the chat endpoint or its own) needs no train; nor does the hybrid on it.
    boolean realFineTune = online.flatMap(Online::fineTune).isPresent();
    boolean realFineTuneEndpoint = online.flatMap(Online::fineTuneEndpoint).isPresent();
    List<String> trained = s.approaches().stream().filter(ApproachId::trained)
        .filter(a -> !(a == ApproachId.FINE_TUNE && (realFineTune || realFineTuneEndpoint)))
        .filter(a -> !(a == ApproachId.HYBRID && realFineTune)).map(ApproachId::id).toList();
    if (!trained.isEmpty() && d.hasEval(Task.QA) && d.train(Task.QA).isEmpty()) {
      problems.add(new Problem(train, "no qa examples to train on, but " + String.join(" and ", trained)
          + (trained.size() == 1 ? " needs" : " need") + " them for the qa cases; add them or run --approach rag"));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
  }

  /**
   * What an approach needs built before the first case: an offline one everything of its id; rag
   * against a chat model its retrieval and vote; the hybrid on a real model retrieval alone; a
   * model or service that answers by itself nothing.
   */
  private static java.util.Optional<ApproachId> builds(Approach a) {
    if (a instanceof OnlineApproach.FineTune || a instanceof OnlineApproach.Service) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(a instanceof OnlineApproach.Hybrid ? ApproachId.RAG : a.id());
  }

  public static Outcome run(Request req, LongSupplier nanoTime, Progress progress) {
    Dataset d = req.dataset();
    BenchSettings s = req.settings().withOutOfScope(d.info().outOfScopeLabel());
    checkRunnable(d, s, req.online());
    String key = ResultLog.key(d.contentHash(), s) + req.online().map(o -> ";" + o.resultKey()).orElse("");
    try (ResultLog log = ResultLog.open(req.log(), req.logDisplay(), key, req.resume());
        Models models = new Models(d, s, req.cacheFolder(), req.online(), progress);
        Calls calls = new Calls(req.online().map(Online::concurrency).orElse(1), nanoTime, s.timing())) {
      Map<String, CaseResult> results = new LinkedHashMap<>();
      int resumed = 0;
      List<Approach> approaches = s.approaches().stream().map(a -> Approach.of(a, models, req.online())).toList();
      models.prepare(approaches.stream().flatMap(a -> builds(a).stream()).toList());
      calls.submitAhead(d.eval(), approaches, k -> log.previous().containsKey(k)
          && log.previous().get(k).timed() == s.timing());
      AnswerQuality quality = new AnswerQuality(s.embeddingMetrics() ? Optional.of(models::embedder)
          : Optional.empty(), req.online().flatMap(Online::judge));
      int total = d.eval().size() * approaches.size();
      int done = 0;
      try {
        for (EvalCase c : d.eval()) {
          for (Approach a : approaches) {
            String k = ResultLog.key(a.id(), c.id());
            CaseResult previous = log.previous().get(k);
            if (previous != null && previous.timed() == s.timing()) {
              results.put(k, previous);
              resumed++;
            } else {
              CaseResult r = quality.measure(c, calls.result(a, c));
              log.append(c, r);
              results.put(k, r);
            }
            progress.advance(++done, total);
          }
        }
      } catch (RuntimeException e) {
        // Calls answered ahead of the failing one still count: logged, they are not asked again on --resume.
        Map<String, CaseResult> finished = calls.finished();
        for (EvalCase c : d.eval()) {
          for (Approach a : approaches) {
            CaseResult r = finished.get(ResultLog.key(a.id(), c.id()));
            if (r != null && !results.containsKey(ResultLog.key(a.id(), c.id()))) {
              log.append(c, r);
            }
          }
        }
        throw e;
      }
      int passages = models.passageCount();
      BenchSummary summary = Summarizer.summarize(d, s, results, passages, req.warnings());
      if (s.outOfScope().named() && d.hasEval(Task.CLASSIFICATION)
          && approaches.stream().anyMatch(a -> a.id().trained())) {
        models.classifier(); // trained already unless every result was resumed
        summary = summary.withAbstainBelow(models.abstainBelow());
      }
      return new Outcome(summary.withModels(ModelUse.of(approaches, results)), results, resumed, log.dropped());
    }
  }
}
