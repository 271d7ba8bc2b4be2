package dev.ragft.bench.run;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Runs approaches on cases and times them: offline ones on the calling thread when asked; those
 * that call a model ahead of time on a pool as large as the endpoint's concurrency, so that
 * requests overlap while the log is still written in case order. After the first failure no
 * further request is started.
 */
final class Calls implements AutoCloseable {
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

  /** Starts, in the background, every call of an approach with a model whose result {@code done} does not hold. */
  void submitAhead(List<EvalCase> cases, List<Approach> approaches, Predicate<String> done) {
    for (EvalCase c : cases) {
      for (Approach a : approaches) {
        if (online(a) && !done.test(ResultLog.key(a.id(), c.id()))) {
          submit(a, c);
        }
      }
    }
  }

  private void submit(Approach a, EvalCase c) {
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

  private static boolean online(Approach a) {
    return a instanceof OnlineApproach.Rag || a instanceof OnlineApproach.FineTune
        || a instanceof OnlineApproach.Service || a instanceof OnlineApproach.Hybrid;
  }

  private CaseResult timed(Approach a, EvalCase c) {
    long start = nanoTime.getAsLong();
    CaseResult.Output out;
    try {
      out = a.run(c);
    } catch (BadInputException e) {
      throw inCase(e, a, c);
    }
    long micros = timing ? Math.max(0, (nanoTime.getAsLong() - start) / 1000) : -1;
    return out.timed(a.id(), c.id(), micros);
  }

  /** The result of a call submitted ahead (its failure as the approach threw it), else of running it now. */
  CaseResult result(Approach a, EvalCase c) {
    Future<CaseResult> f = pending.remove(ResultLog.key(a.id(), c.id()));
    if (f == null) {
      return timed(a, c);
    }
    try {
      return f.get();
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

  /**
   * After a failure: the results of the calls submitted ahead that still finished (those already in
   * flight are waited for; the rest were never started), keyed as the results log keys them, so
   * that the log keeps every finished case for {@code --resume}.
   */
  Map<String, CaseResult> finished() {
    failed.set(true);
    Map<String, CaseResult> out = new LinkedHashMap<>();
    for (Map.Entry<String, Future<CaseResult>> e : pending.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get());
      } catch (ExecutionException | CancellationException x) {
        // failed or never started: run again on --resume
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    pending.clear();
    return out;
  }

  /**
   * A service's failure on one line that names the case as well: {@code eval case 'q3' (rag):
   * retriever http://search:9200/docs/_search: HTTP 500 ...}. Results logged before it stay for
   * {@code --resume}.
   */
  private static BadInputException inCase(BadInputException e, Approach a, EvalCase c) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : e.problems()) {
      out.add(new Problem(Location.ofFile("eval case '" + c.id() + "' (" + a.id().id() + ")"), p.toString()));
    }
    return new BadInputException(out);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
