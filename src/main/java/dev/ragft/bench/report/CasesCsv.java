package dev.ragft.bench.report;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.Summarizer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per eval case and approach ({@code cases.csv}): the case, what the approach answered,
 * the case's metrics (empty where a metric does not apply), its latency, the tokens the endpoint
 * counted (empty when no model was called or the endpoint did not say) and the note the results
 * log holds (why a reply did not count, say). Rows follow eval order, then
 * approach order; lines end with "\n".
 */
public final class CasesCsv {
  private static final List<MetricId> COLUMNS = List.of(MetricId.SCORE, MetricId.EM, MetricId.F1, MetricId.ACCURACY,
      MetricId.RECALL, MetricId.MRR, MetricId.NDCG, MetricId.CITATION, MetricId.CONTEXT_RECALL,
      MetricId.CONTEXT_RECALL_EMBEDDING, MetricId.SIMILARITY, MetricId.JUDGE_CORRECTNESS, MetricId.JUDGE_FAITHFULNESS);

  private CasesCsv() {}

  /** {@code results} keyed as the bench keys them: approach id, NUL, case id. */
  public static String render(List<EvalCase> cases, BenchSettings s, Map<String, CaseResult> results) {
    List<String> header = new ArrayList<>(List.of("approach", "id", "task", "tags", "input", "expected", "answer",
        "citation", "retrieved"));
    COLUMNS.forEach(m -> header.add(m.id()));
    header.addAll(List.of("latency-ms", "input-tokens", "output-tokens", "note"));
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    try (CSVPrinter p = new CSVPrinter(out, format)) {
      p.printRecord(header);
      for (EvalCase c : cases) {
        for (ApproachId a : s.approaches()) {
          CaseResult r = results.get(a.id() + "\u0000" + c.id());
          if (r == null) {
            continue;
          }
          Map<MetricId, Double> m = Summarizer.score(c, r, s);
          List<String> row = new ArrayList<>(List.of(a.id(), c.id(), c.task().id(), String.join(";", c.tags()), c.input(),
              String.join(" | ", c.expected()), r.answer(), r.citation(), String.join(";", r.retrieved())));
          for (MetricId id : COLUMNS) {
            row.add(m.containsKey(id) ? SummaryJson.number(id, m.get(id)) : "");
          }
          row.add(r.timed() ? String.format(Locale.ROOT, "%.3f", r.latencyMicros() / 1000.0) : "");
          row.add(r.inputTokens() >= 0 ? Long.toString(r.inputTokens()) : "");
          row.add(r.outputTokens() >= 0 ? Long.toString(r.outputTokens()) : "");
          row.add(r.note());
          p.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
