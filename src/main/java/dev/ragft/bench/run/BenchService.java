package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
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
  /** Where the results log goes and whether to resume it; the cache folder for large indexes. */
  public record Request(
      Dataset dataset, BenchSettings settings, Path log, String logDisplay, boolean resume, Optional<Path> cacheFolder,
      List<String> warnings) {
    public Request {
      warnings = List.copyOf(warnings);
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
    List<Problem> problems = new ArrayList<>();
    Location train = Location.ofFile(d.displayName() + "/train.jsonl");
    List<String> trained = s.approaches().stream().filter(ApproachId::trained).map(ApproachId::id).toList();
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
    checkRunnable(d, s);
    String key = ResultLog.key(d.contentHash(), s);
    try (ResultLog log = ResultLog.open(req.log(), req.logDisplay(), key, req.resume());
        Models models = new Models(d, s, req.cacheFolder())) {
      Map<String, CaseResult> results = new LinkedHashMap<>();
      int resumed = 0;
      models.prepare(s.approaches());
      List<Approach> approaches = s.approaches().stream().map(a -> Approach.of(a, models)).toList();
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
            long start = nanoTime.getAsLong();
            CaseResult.Output out = a.run(c);
            long micros = s.timing() ? Math.max(0, (nanoTime.getAsLong() - start) / 1000) : -1;
            CaseResult r = out.timed(a.id(), c.id(), micros);
            log.append(c, r);
            results.put(k, r);
          }
          progress.advance(++done, total);
        }
      }
      int passages = models.passageCount();
      return new Outcome(Summarizer.summarize(d, s, results, passages, req.warnings()), results, resumed);
    }
  }
}
