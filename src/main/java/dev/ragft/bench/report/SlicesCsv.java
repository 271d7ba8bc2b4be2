package dev.ragft.bench.report;

import dev.ragft.bench.metrics.Interval;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Slice;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per slice, approach and metric ({@code slices.csv}): the value and its 95% interval
 * (empty where the bootstrap measured none). After each slice's metrics, one {@code score-lead}
 * row per approach other than the best: the best's score minus this approach's, with the interval
 * of that paired difference. The {@code winner} column of the score rows names the slice's winner
 * as the reports do. Lines end with "\n".
 */
public final class SlicesCsv {
  /** The metric id of the rows that hold the lead of the best approach over another. */
  static final String LEAD = "score-lead";

  private SlicesCsv() {}

  public static String render(BenchSummary s) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    try (CSVPrinter p = new CSVPrinter(out, format)) {
      p.printRecord("slice", "kind", "cases", "approach", "metric", "value", "low", "high", "winner");
      for (Slice sl : s.slices()) {
        String winner = sl.winner().map(w -> Verdict.winner(w, ApproachId::id, "by")).orElse("");
        for (ApproachId a : s.settings().approaches()) {
          for (MetricId m : sl.measured()) {
            Optional<Double> v = sl.value(a, m);
            if (v.isPresent()) {
              Optional<Interval> i = sl.interval(a, m);
              p.printRecord(row(sl, a.id(), m.id(), m.format(v.get()), i, m, m == MetricId.SCORE ? winner : ""));
            }
          }
        }
        Optional<ApproachId> best = sl.reference();
        for (var d : sl.differences().entrySet()) {
          double lead = sl.value(best.orElseThrow(), MetricId.SCORE).orElseThrow()
              - sl.value(d.getKey(), MetricId.SCORE).orElseThrow();
          p.printRecord(row(sl, d.getKey().id(), LEAD, MetricId.SCORE.format(lead), Optional.of(d.getValue()),
              MetricId.SCORE, best.get().id() + " minus " + d.getKey().id()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String> row(Slice sl, String approach, String metric, String value, Optional<Interval> i,
      MetricId m, String note) {
    List<String> row = new ArrayList<>(List.of(sl.name(), sl.kind().name().toLowerCase(Locale.ROOT),
        Integer.toString(sl.cases()), approach, metric, value));
    row.add(i.map(x -> m.format(x.low())).orElse(""));
    row.add(i.map(x -> m.format(x.high())).orElse(""));
    row.add(note);
    return row;
  }
}
