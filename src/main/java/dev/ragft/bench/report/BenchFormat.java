package dev.ragft.bench.report;

import java.util.Arrays;
import java.util.Optional;

/** The formats a bench result renders to, with the file name {@code ragft bench --report-dir} gives each. */
public enum BenchFormat {
  /** The terminal table ({@link SummaryTable}). */
  TEXT("text", "summary.txt"),
  /** The stable JSON summary itself ({@link SummaryJson}). */
  JSON("json", "summary.json"),
  /** GitHub-flavoured Markdown for a pull request or a CI job summary ({@link BenchMarkdown}). */
  MARKDOWN("markdown", "report.md"),
  /** One self-contained page with charts ({@link BenchHtml}). */
  HTML("html", "report.html"),
  /** JUnit XML for CI dashboards ({@link JunitXml}). */
  JUNIT("junit", "junit.xml"),
  /** One row per eval case and approach ({@link CasesCsv}); needs the results log. */
  CSV("csv", "cases.csv"),
  /** One row per slice, approach and metric, with its 95% interval ({@link SlicesCsv}). */
  SLICES("slices", "slices.csv");

  private final String id;
  private final String fileName;

  BenchFormat(String id, String fileName) {
    this.id = id;
    this.fileName = fileName;
  }

  public String id() {
    return id;
  }

  /** The name of this report in a report folder. */
  public String fileName() {
    return fileName;
  }

  public static Optional<BenchFormat> of(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(BenchFormat::id).toList());
  }
}
