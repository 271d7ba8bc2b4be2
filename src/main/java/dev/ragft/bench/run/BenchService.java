package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.llm.Generator;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** The summary, and how many results came from the resumed log. */
  public record Outcome(BenchSummary summary, Map<String, CaseResult> results, int resumed) {
    public Outcome {
      results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
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
    boolean realFineTune = online.flatMap(Online::fineTune).isPresent();
    List<String> trained = s.approaches().stream().filter(ApproachId::trained)
        .filter(a -> !(a == ApproachId.FINE_TUNE && realFineTune)).map(ApproachId::id).toList();
    if (!trained.isEmpty() && d.hasEval(Task.QA) && d.train(Task.QA).isEmpty()) {
      problems.add(new Problem(train, "no qa examples to train on, but " + String.join(" and ", trained)
          + (trained.size() == 1 ? " needs" : " need") + " them for the qa cases; add them or run --approach rag"));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
  }

  public static Outcome run(Request req, LongSupplier nanoTime, Progress progress) {
    Dataset d = req.dataset();
    BenchSettings s = req.settings();
    checkRunnable(d, s, req.online());
    String key = d.contentHash() + ";" + s.resultKey() + req.online().map(o -> ";" + o.resultKey()).orElse("");
    try (ResultLog log = ResultLog.open(req.log(), req.logDisplay(), key, req.resume());
        Models models = new Models(d, s, req.cacheFolder())) {
      Map<String, CaseResult> results = new LinkedHashMap<>();
      int resumed = 0;
      List<Approach> approaches = s.approaches().stream().map(a -> Approach.of(a, models, req.online())).toList();
      models.prepare(approaches.stream().filter(a -> !(a instanceof OnlineApproach.FineTune)).map(Approach::id)
          .toList());
      Calls calls = new Calls(req.online().map(o -> o.config().concurrency()).orElse(1), nanoTime, s.timing());
      try {
        for (EvalCase c : d.eval()) {
          for (Approach a : approaches) {
            CaseResult previous = log.previous().get(ResultLog.key(a.id(), c.id()));
            if (!(previous != null && previous.timed() == s.timing()) && online(a)) {
              calls.submit(a, c);
            }
          }
        }
        int total = d.eval().size() * approaches.size();
        int done = 0;
        for (EvalCase c : d.eval()) {
          for (Approach a : approaches) {
            String k = ResultLog.key(a.id(), c.id());
            CaseResult previous = log.previous().get(k);
            if (previous != null && previous.timed() == s.timing()) {
              results.put(k, previous);
              resumed++;
            } else {
              CaseResult r = online(a) ? calls.result(a, c) : calls.timed(a, c);
              log.append(r);
              results.put(k, r);
            }
            progress.advance(++done, total);
          }
        }
      } finally {
        calls.close();
      }
      int passages = models.passageCount();
      BenchSummary summary = Summarizer.summarize(d, s, results, passages, req.warnings());
      return new Outcome(summary.withModels(modelUses(approaches, results)), results, resumed);
    }
  }

  private static boolean online(Approach a) {
    return a instanceof OnlineApproach.Rag || a instanceof OnlineApproach.FineTune;
  }

  /** The real models that ran, with their tokens summed over the run. */
  private static List<ModelUse> modelUses(List<Approach> approaches, Map<String, CaseResult> results) {
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
          if (r.note().startsWith(UNPARSEABLE)) {
            unparseable++;
          }
        }
      }
      out.add(new ModelUse(a.id(), g.model(), g.client().config().displayUrl(), description, calls, in, outTokens,
          unparseable));
    }
    return out;
  }

  /**
   * Runs approaches on cases and times them: offline ones on the calling thread when asked; those
   * that call a model ahead of time on a pool as large as the endpoint's concurrency, so that
   * requests overlap while the log is still written in case order. After the first failure no
   * further request is started.
   */
  private static final class Calls implements AutoCloseable {
    private final ExecutorService pool;
    private final LongSupplier nanoTime;
    private final boolean timing;
    private final Map<String, Future<CaseResult>> pending = new LinkedHashMap<>();
    private final AtomicBoolean failed = new AtomicBoolean();

    Calls(int threads, LongSupplier nanoTime, boolean timing) {
      this.pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "ragft-endpoint");
        t.setDaemon(true);
        return t;
      });
      this.nanoTime = nanoTime;
      this.timing = timing;
    }

    void submit(Approach a, EvalCase c) {
      pending.put(ResultLog.key(a.id(), c.id()), pool.submit(() -> {
        if (failed.get()) {
          throw new CancellationException("an earlier request failed");
        }
        try {
          return timed(a, c);
        } catch (RuntimeException e) {
          failed.set(true);
          throw e;
        }
      }));
    }

    CaseResult timed(Approach a, EvalCase c) {
      long start = nanoTime.getAsLong();
      CaseResult.Output out = a.run(c);
      long micros = timing ? Math.max(0, (nanoTime.getAsLong() - start) / 1000) : -1;
      return out.timed(a.id(), c.id(), micros);
    }

    /** The result of a submitted call; its failure, as thrown by the approach. */
    CaseResult result(Approach a, EvalCase c) {
      try {
        return pending.remove(ResultLog.key(a.id(), c.id())).get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the endpoint", e);
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }
}
