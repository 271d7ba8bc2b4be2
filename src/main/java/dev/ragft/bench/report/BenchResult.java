package dev.ragft.bench.report;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.Gate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bench result as every report renders it: the summary and gates as {@code summary.json} holds
 * them, its provenance, and the per-case detail of the results log ({@code cases.jsonl}).
 * {@link BenchResultReader} builds it from those files, and {@code ragft bench} builds it the same
 * way from the text it writes, so a report rendered later is the one the run wrote.
 *
 * @param eval the eval cases in run order; empty when the results log was not read
 * @param results the results keyed as the bench keys them: approach id, NUL, case id
 */
public record BenchResult(
    BenchSummary summary, List<Gate.Result> gates, Provenance provenance, List<EvalCase> eval,
    Map<String, CaseResult> results) {
  public BenchResult {
    Objects.requireNonNull(summary, "summary");
    gates = List.copyOf(gates);
    Objects.requireNonNull(provenance, "provenance");
    eval = List.copyOf(eval);
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  /** Whether the per-case detail (answers, per-case scores, latencies) is here. */
  public boolean hasCases() {
    return !eval.isEmpty();
  }

  /** What approach {@code a} did on case {@code c}; empty when it has no result. */
  public Optional<CaseResult> result(ApproachId a, EvalCase c) {
    return Optional.ofNullable(results.get(a.id() + "\u0000" + c.id()));
  }
}
