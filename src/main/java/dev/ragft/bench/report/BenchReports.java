package dev.ragft.bench.report;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point of the bench reports: renders a bench result in any {@link BenchFormat}
 * from the files a run writes, {@code summary.json} and the results log {@code cases.jsonl}
 * beside it. {@code ragft bench} renders through the same {@link #render(BenchResult, BenchFormat,
 * Options)}, with the result read back from the summary text it writes, so rendering later from
 * the files gives the bytes the run wrote.
 *
 * <pre>{@code
 * String md = BenchReports.render(Path.of("target/bench/summary.json"), "target/bench/summary.json",
 *     BenchFormat.MARKDOWN, BenchReports.Options.DEFAULTS);
 * }</pre>
 */
public final class BenchReports {
  /** The name of the results log, beside summary.json. */
  public static final String LOG = "cases.jsonl";

  /**
   * How to render.
   *
   * @param color ANSI colour in the text table (only for a terminal)
   * @param junitCases in JUnit XML, one test case per eval case as well as one per gate
   * @param casePass the least per-case score that passes (token F1 for a question, 1 for a right label), 0 to 1:
   *     JUnit's per-case failures and the cases the Markdown and HTML reports list as failing
   */
  public record Options(boolean color, boolean junitCases, double casePass) {
    /** No colour, gates only in JUnit, a case passes at 0.5. */
    public static final Options DEFAULTS = new Options(false, false, 0.5);

    public Options {
      if (!(casePass >= 0 && casePass <= 1)) {
        throw new IllegalArgumentException("case pass score must be 0 to 1, got " + casePass);
      }
    }
  }

  private BenchReports() {}

  /**
   * Renders the bench summary at {@code summaryJson}, with the results log beside it when there is
   * one (the CSV and per-case JUnit need it; Markdown and HTML list cases and latencies from it).
   *
   * @param shownAs how messages name the file (as the user gave it: no absolute path of the machine)
   * @throws BadInputException naming file, line and column when a file is not a bench summary or results log,
   *     cannot be read, or the format needs the results log and there is none
   */
  public static String render(Path summaryJson, String shownAs, BenchFormat format, Options o) {
    return render(read(summaryJson, shownAs), format, o);
  }

  /** As {@link #render(Path, String, BenchFormat, Options)}, naming the file as the path reads. */
  public static String render(Path summaryJson, BenchFormat format, Options o) {
    return render(summaryJson, summaryJson.toString(), format, o);
  }

  /** Reads summary.json and, when it is there, the results log beside it. */
  public static BenchResult read(Path summaryJson, String shownAs) {
    String summary = readText(summaryJson, shownAs);
    Path log = summaryJson.resolveSibling(LOG);
    Optional<BenchResultReader.Log> cases = Files.isRegularFile(log)
        ? Optional.of(new BenchResultReader.Log(readText(log, sibling(shownAs)), sibling(shownAs)))
        : Optional.empty();
    return BenchResultReader.read(summary, shownAs, cases);
  }

  /**
   * The result of a run as every report renders it: read back from the summary.json text the run
   * writes (so reports hold what the file holds, at its precision), with the run's cases.
   */
  public static BenchResult ofRun(String summaryJson, List<EvalCase> eval, Map<String, CaseResult> results) {
    BenchResult r = BenchResultReader.read(summaryJson, "summary.json", Optional.empty());
    return new BenchResult(r.summary(), r.gates(), r.provenance(), eval, results);
  }

  /** Renders {@code r} in {@code format}. Pure: the same result gives the same bytes. */
  public static String render(BenchResult r, BenchFormat format, Options o) {
    Objects.requireNonNull(o, "o");
    if ((format == BenchFormat.CSV || format == BenchFormat.JUNIT && o.junitCases()) && !r.hasCases()) {
      throw new BadInputException(Location.ofFile(LOG), "the " + format.id() + " report"
          + (format == BenchFormat.JUNIT ? " with per-case test cases" : "")
          + " needs the results log " + LOG + " beside summary.json, as ragft bench --report-dir writes it");
    }
    return switch (format) {
      case TEXT -> SummaryTable.render(r.summary(), r.gates(), o.color());
      case JSON -> SummaryJson.render(r.summary(), r.gates(), r.provenance());
      case MARKDOWN -> BenchMarkdown.render(r, o);
      case HTML -> BenchHtml.render(r, o);
      case JUNIT -> JunitXml.render(r.summary(), r.gates(), r.eval(), r.results(),
          new JunitXml.Options(o.junitCases(), o.casePass()), r.provenance());
      case CSV -> CasesCsv.render(r.eval(), r.summary().settings(), r.results());
      case SLICES -> SlicesCsv.render(r.summary());
    };
  }

  private static String readText(Path file, String shownAs) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The exception's message would hold the absolute path: name the file as the user gave it.
      throw new BadInputException(Location.ofFile(shownAs), e instanceof java.nio.file.NoSuchFileException
          ? "no such file" : "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** How to name the results log: beside summary.json as the user named it. */
  private static String sibling(String shownAs) {
    int slash = shownAs.lastIndexOf('/');
    return slash < 0 ? LOG : shownAs.substring(0, slash + 1) + LOG;
  }
}
