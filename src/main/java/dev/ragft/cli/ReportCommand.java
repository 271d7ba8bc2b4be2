package dev.ragft.cli;

import dev.ragft.bench.compare.Comparer;
import dev.ragft.bench.compare.Comparison;
import dev.ragft.bench.compare.ComparisonReport;
import dev.ragft.bench.compare.Threshold;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ragft report}: work with reports already written, such as comparing two bench runs. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Work with reports already written by ragft.",
      "",
      "Examples:",
      "  ragft report compare baseline/summary.json target/bench/summary.json",
      "  ragft report render rfp.json --format html --out rfp.html",
    },
    subcommands = {ReportCommand.Compare.class, RenderCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:compare found a regression beyond a threshold, or a render --gate failed.",
      "2:Bad usage or bad input.",
      "3:Internal error; rerun with --verbose for the stack trace."
    })
final class ReportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: compare or render");
  }

  @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, description = {
      "Compare two bench summaries (summary.json): every metric that moved, per",
      "approach and slice, with its absolute and relative change. A metric one run",
      "did not measure is shown as unmeasured, never as 0 or a regression.",
      "",
      "Examples:",
      "  ragft report compare base/summary.json new/summary.json",
      "  ragft report compare base/summary.json new/summary.json \\",
      "        --fail-on-regression rag.qa.f1=0.02 --format markdown --out diff.md",
      "  ragft report compare a.json b.json --fail-on-regression rag.latency-p95-ms=5"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:No regression beyond a threshold.",
          "1:A metric regressed beyond its threshold, or one run did not measure a threshold's metric.",
          "2:Bad usage, or a file that is not a bench summary.",
          "3:Internal error; rerun with --verbose for the stack trace."})
  static final class Compare implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE.json", description = "The earlier run's summary.json.")
    String baseline;

    @Parameters(index = "1", paramLabel = "CURRENT.json", description = "The later run's summary.json.")
    String current;

    @Option(names = "--fail-on-regression", paramLabel = "METRIC=DELTA",
        description = {"APPROACH.SLICE.METRIC=DELTA (slice 'all' when left out): fail when the",
            "metric got worse by more than DELTA, a drop (e.g. rag.qa.f1=0.02) or,",
            "for latency, a rise in ms. Repeatable."})
    List<String> failOnRegression = new ArrayList<>();

    @Option(names = "--allow-unmeasured",
        description = "Let a --fail-on-regression threshold pass when one run did not measure its metric (it fails"
            + " by default: a gate that cannot be checked is no pass).")
    boolean allowUnmeasured;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    String out;

    enum Format { text, markdown, json }

    @Override
    public Integer call() {
      Context ctx = Context.of(spec);
      List<Threshold> thresholds = new ArrayList<>();
      for (String t : failOnRegression) {
        try {
          thresholds.add(Threshold.parse(t));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on-regression " + e.getMessage());
        }
      }
      Comparison c;
      try {
        c = Comparer.compare(baseline, read(ctx, baseline), current, read(ctx, current), thresholds);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on-regression " + e.getMessage());
      }
      ctx.write(out, switch (format) {
        case text -> ComparisonReport.text(c);
        case markdown -> ComparisonReport.markdown(c);
        case json -> ComparisonReport.json(c);
      });
      if (format != Format.text || out != null) {
        // The text report on stdout says so itself.
        c.warnings().forEach(w -> ctx.env().err().println("ragft: warning: " + w));
      }
      for (Comparison.Row r : c.regressions()) {
        ctx.env().err().println(String.format(java.util.Locale.ROOT, "ragft: regression: %s %.4f -> %.4f (%s)", r.key(),
            r.baseline().get(), r.current().get(), r.threshold().get().text()));
      }
      for (Comparison.Row r : c.unmeasurable()) {
        ctx.env().err().println("ragft: " + (allowUnmeasured ? "warning: " : "") + "cannot check "
            + r.threshold().get().text() + ": " + r.key() + " is unmeasured in the "
            + (r.baseline().isEmpty() ? "baseline" : "current run")
            + (allowUnmeasured ? "; let pass (--allow-unmeasured)" : "; --allow-unmeasured lets it pass"));
      }
      boolean failed = !c.regressions().isEmpty() || !allowUnmeasured && !c.unmeasurable().isEmpty();
      return failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private static String read(Context ctx, String file) {
      try {
        return Files.readString(ctx.env().resolve(file), StandardCharsets.UTF_8);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new BadInputException(Location.ofFile(file), "no such file");
      } catch (IOException e) {
        throw new BadInputException(Location.ofFile(file), "cannot read: " + e.getClass().getSimpleName());
      }
    }
  }
}
