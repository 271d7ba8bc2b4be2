package dev.ragft.cli;

import dev.ragft.advice.Portfolio;
import dev.ragft.cost.Prices;
import dev.ragft.framework.Framework;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.report.Options;
import dev.ragft.report.PortfolioCsv;
import dev.ragft.report.PortfolioFormat;
import dev.ragft.report.PortfolioReport;
import dev.ragft.report.gate.PortfolioGates;
import dev.ragft.report.gate.UseCaseGate;
import dev.ragft.usecase.PortfolioFiles;
import dev.ragft.usecase.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ragft score}: a portfolio of use cases in, an approach and a wave for each, and a roadmap, out. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score a portfolio of use cases and sequence them into a roadmap.",
      "",
      "The approach, confidence, top two drivers, warnings, monthly cost and roadmap",
      "wave of each, then the roadmap that sequences them. Reads YAML files (one use",
      "case or a list), CSV files (a header row naming id, name, description and the",
      "question ids, in any order; other columns are passed through to CSV output)",
      "and folders (their *.yaml, *.yml and *.csv files). An invalid use case is",
      "reported with file, line and column and left out; the rest are scored.",
      "",
      "Examples:",
      "  ragft score examples/portfolio/usecases",
      "  ragft score examples/portfolio/portfolio.csv --sort approach",
      "  ragft score examples/portfolio/portfolio.csv --format csv --out scored.csv",
      "  ragft score examples/portfolio/usecases --format html --out portfolio.html",
      "  ragft score client/*.yaml client/backlog.csv --format markdown \\",
      "        --out portfolio.md",
      "  ragft score examples/portfolio/usecases \\",
      "        --evidence support-reply-drafting=target/bench/summary.json",
      "  ragft score examples/portfolio/usecases --junit score.xml \\",
      "        --gate 'confidence>=0.4' --gate 'approach!=fine-tune' --gate no-warnings",
      "",
      "Gates (--gate, repeatable, quoted in a shell; each checks every use case):",
      "  confidence>=0.4        confidence as printed (2 decimals); also > <= < = !=",
      "  score.rag>=60          an approach's score, 0 to 100",
      "  monthly-cost<=5000     the approach's monthly cost (skipped without volume)",
      "  wave<=2                the roadmap wave",
      "  approach=rag,hybrid    the approach is one of these (!= none of these)",
      "  no-warnings            no warning at all; no-warning=ID: not that one",
      "  ungated                starts on the highest-scoring approach",
      "  within-latency-budget  first token within the latency budget",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Every use case was scored.",
      "1:At least one use case was invalid (reported on stderr), or failed a --gate; the others were scored and written.",
      "2:Bad usage or bad input: a path that does not exist, an unknown format, a bad framework.",
      "3:Internal error; rerun with --verbose for the stack trace."
    })
final class ScoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Use-case YAML or CSV files, or folders of them.")
  List<String> paths;

  @Mixin FrameworkOption framework;

  @Mixin PricesOption prices;

  @Option(names = "--evidence", paramLabel = "[ID=]SUMMARY.json",
      description = "A 'ragft bench' summary.json weighed as evidence for the use case with that id "
          + "(without ID=, for every use case), as 'recommend --evidence' does. Repeatable.")
  List<String> evidence = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, markdown, csv, json or html (default: ${DEFAULT-VALUE}).")
  PortfolioFormat format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  String out;

  @Mixin GateOption gate;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Also write JUnit XML for CI: a suite per approach, a test per use case and gate, an error per"
          + " use case that could not be read.")
  String junit;

  @Option(names = "--sort", paramLabel = "KEY",
      description = "approach (then confidence), confidence (highest first) or id (default: the order read).")
  SortKey sort;

  enum SortKey { approach, confidence, id }

  @Override
  public Integer call() {
    Context ctx = Context.of(spec);
    List<String> onStdout = new ArrayList<>();
    if (Context.toStdout(out)) {
      onStdout.add("the report");
    }
    if ("-".equals(junit)) {
      onStdout.add("--junit -");
    }
    Context.oneOutputOnStdout(spec, onStdout);
    Framework f = framework.load(ctx.env());
    if (f.roadmap().isEmpty()) {
      throw new BadInputException(Location.ofFile(framework.framework == null ? f.id() : framework.framework),
          "the framework has no 'roadmap' section, which score needs to sequence a portfolio into waves;"
              + " copy it from 'ragft framework show --source'");
    }
    List<UseCaseGate> gates = gate.parse(spec, f);
    List<Source> sources = PortfolioFiles.expand(paths, ctx.env().cwd());
    ctx.reads(sources.stream().map(Source::path).toList());
    Optional<Prices> priceFile = prices.load(ctx.env(), f);
    // What-ifs are costly and only the JSON objects (those recommend prints) carry them.
    Portfolio portfolio = new Portfolio(f, priceFile, Set.copyOf(PortfolioCsv.resultColumns(f)),
        format == PortfolioFormat.json, evidence(ctx.env()));
    PortfolioGates checks = new PortfolioGates(f, gates);
    List<String> extra = format == PortfolioFormat.csv ? portfolio.extraColumns(sources) : List.of();
    if (format == PortfolioFormat.csv) {
      portfolio.droppedColumns(sources).forEach(w -> ctx.env().err().println("ragft: warning: " + w));
    }
    boolean toFile = out != null && !out.equals("-");
    Options options = new Options(false, false, ctx.color(toFile), ctx.unicode(toFile), RagftCommand.version());
    Portfolio.Order order = sort == null ? Portfolio.Order.INPUT : Portfolio.Order.valueOf(sort.name().toUpperCase(java.util.Locale.ROOT));
    Portfolio.Result result = ctx.stream(out, w -> {
      PortfolioReport report = format.open(w, f, extra, options);
      Portfolio.Result r = portfolio.score(sources, order, s -> {
        try {
          report.add(s);
          checks.add(s);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      report.finish(r.roadmap());
      return r;
    });
    if (junit != null) {
      ctx.write(junit, checks.junit(result.problems(), PortfolioGates.provenance(RagftCommand.version(), f, priceFile.map(Prices::id))));
    }
    if (!result.problems().isEmpty()) {
      new ErrorHandler(ctx.env().err()).report(new BadInputException(result.problems()));
      int n = result.problems().size();
      ctx.env().err().println("ragft: " + n + (n == 1 ? " problem" : " problems") + " above; invalid use cases were left out, "
          + result.scored() + " scored");
    }
    if (!gates.isEmpty()) {
      checks.outcome().forEach(l -> ctx.env().err().println("ragft: " + l));
    }
    return result.problems().isEmpty() && checks.failed() == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  /** --evidence as a map from use-case id ("" for every use case) to what its summary measured. */
  private java.util.Map<String, dev.ragft.cost.Measurements> evidence(Env env) {
    java.util.Map<String, dev.ragft.cost.Measurements> out = new java.util.LinkedHashMap<>();
    for (String e : evidence) {
      int eq = e.indexOf('=');
      String id = eq > 0 && !e.substring(0, eq).contains("/") ? e.substring(0, eq) : "";
      String file = id.isEmpty() ? e : e.substring(eq + 1);
      if (out.containsKey(id)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--evidence " + e + ": "
            + (id.isEmpty() ? "a summary for every use case" : "use case '" + id + "'") + " already has one");
      }
      out.put(id, dev.ragft.advice.BenchEvidence.read(env.resolve(file), file));
    }
    return out;
  }
}
