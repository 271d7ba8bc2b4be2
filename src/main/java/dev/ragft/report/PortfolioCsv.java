package dev.ragft.report;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Placement;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import dev.ragft.decision.Sequencer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code score --format csv}: the input columns (the use-case CSV columns, then the pass-through columns), then
 * the results. Each row is written as it comes. The output reads back in as input: the result
 * columns are dropped on reading and computed afresh, so scoring it again gives the same file.
 */
public final class PortfolioCsv implements PortfolioReport {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private final Framework framework;
  private final List<String> extra;
  private final CSVPrinter printer;

  public PortfolioCsv(Writer out, Framework framework, List<String> extra) throws IOException {
    this.framework = framework;
    this.extra = List.copyOf(extra);
    this.printer = new CSVPrinter(out, FORMAT);
    List<String> header = new ArrayList<>(List.of("id", "name", "description"));
    framework.questions().forEach(q -> header.add(q.id()));
    header.addAll(dev.ragft.usecase.Terms.FIELDS);
    header.addAll(extra);
    header.addAll(resultColumns(framework));
    printer.printRecord(header);
  }

  /** The columns this report adds; a CSV input drops them, so an output can be scored again. */
  public static List<String> resultColumns(Framework f) {
    List<String> out = new ArrayList<>(List.of("approach", "confidence"));
    f.approachIds().forEach(id -> out.add("score-" + id));
    out.addAll(List.of("driver-1", "driver-2", "warning-ids", "warnings", "wave", "wave-name", "pairs-needed",
        "target-approach", "close-call", "monthly-cost", "one-time-cost", "twelve-month-cost", "payback-months",
        "framework", "framework-version"));
    return out;
  }

  @Override
  public void add(ScoredUseCase s) throws IOException {
    Recommendation r = s.recommendation();
    Assessment a = s.assessment();
    Placement p = s.placement();
    List<String> row = new ArrayList<>(List.of(r.id(), r.name(), r.description()));
    for (Question q : framework.questions()) {
      row.add(a.answers().get(q.id()).map(Answer::value).orElse(""));
    }
    // The use case's own terms, so that the output reads back in with them.
    if (r.costs() instanceof dev.ragft.cost.Costs.Estimated est) {
      row.add(est.estimate().budgetStated() ? Long.toString(est.estimate().budgetMs()) : "");
      row.add(est.estimate().valueKnown() ? est.estimate().valuePerRequest().toPlainString() : "");
    } else {
      row.add("");
      row.add("");
    }
    for (String column : extra) {
      row.add(s.extra().getOrDefault(column, ""));
    }
    row.add(a.approach());
    row.add(Format.confidence(a.confidence()));
    framework.approachIds().forEach(id -> row.add(Integer.toString(a.score(id))));
    List<String> drivers = Narrative.topDrivers(a, PortfolioRow.DRIVERS).stream().map(d -> Narrative.driverWithPoints(d, a)).toList();
    for (int i = 0; i < PortfolioRow.DRIVERS; i++) {
      row.add(i < drivers.size() ? drivers.get(i) : "");
    }
    row.add(String.join(" ", a.warnings().stream().map(Warning::id).toList()));
    row.add(String.join("\n", a.warnings().stream().map(Warning::message).toList()));
    row.add(Integer.toString(p.number()));
    row.add(p.wave().name());
    row.add(Long.toString(p.pairsNeeded()));
    row.add(p.target());
    row.add(String.join(" ", a.closeCall()));
    // The recommended approach's costs at the use case's volume, plain numbers; empty when unknown.
    PortfolioRow pr = PortfolioRow.of(s, framework);
    row.add(pr.costKnown() ? pr.monthlyCost().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : "");
    row.add(pr.costKnown() ? pr.oneTime().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : "");
    row.add(pr.costKnown() ? pr.twelveMonth().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : "");
    row.add(pr.payback().endsWith(" months") ? pr.payback().replace(" months", "") : pr.payback());
    // Which framework weighed the row, as the JSON says: a CSV read months later still tells.
    row.add(a.frameworkId());
    row.add(a.frameworkVersion());
    printer.printRecord(row);
  }

  @Override
  public void finish(List<Sequencer.Group> roadmap) throws IOException {
    // The roadmap is in every row (wave, wave-name, pairs-needed); anything after the rows would not read back.
    printer.flush();
  }
}
