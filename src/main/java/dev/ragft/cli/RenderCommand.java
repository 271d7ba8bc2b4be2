package dev.ragft.cli;

import dev.ragft.advice.Advisor;
import dev.ragft.advice.Portfolio;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.report.BenchFormat;
import dev.ragft.bench.report.BenchReports;
import dev.ragft.cost.Prices;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.report.JsonReport;
import dev.ragft.report.Options;
import dev.ragft.report.PortfolioFormat;
import dev.ragft.report.PortfolioJson;
import dev.ragft.report.PortfolioReport;
import dev.ragft.report.Recommendation;
import dev.ragft.report.RecommendationFormat;
import dev.ragft.report.ScoredUseCase;
import dev.ragft.report.gate.PortfolioGates;
import dev.ragft.report.gate.UseCaseGate;
import dev.ragft.report.saved.Difference;
import dev.ragft.report.saved.SavedJson;
import dev.ragft.report.saved.SavedResult;
import dev.ragft.usecase.AnswerReader;
import dev.ragft.usecase.UseCase;
import java.io.IOException;
import java.io.StringWriter;
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

/**
 * {@code ragft report render}: a result saved as JSON, rendered later in any format. The JSON
 * holds the answers, the framework's id and version and the price file's id, so render
 * recomputes the result through the same pipeline as recommend and score (the {@link Advisor}),
 * refuses a file whose recomputed result differs from what it holds (edited, or made with another
 * framework or price file), then hands the result to the very renderers the commands use: the
 * bytes are those the command would have printed.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "Render a saved recommend, score or bench result (JSON) as text, Markdown, HTML,",
    "JSON, CSV or JUnit XML.",
    "",
    "The JSON of 'recommend --format json' (one object) renders as text, markdown,",
    "html or json; that of 'score --format json' (an array) as text (the table),",
    "markdown, html, json, csv or junit (with --gate). The result is recomputed from",
    "the answers it holds, with the framework and price file it names, and rendered",
    "only when that gives what the file holds: the output is exactly what the",
    "command would have printed. A scored CSV's pass-through columns are not in the",
    "JSON, so render's CSV has none. A bench summary.json renders in every format",
    "with the results log (cases.jsonl) beside it, as 'ragft bench' wrote them.",
    "",
    "Examples:",
    "  ragft recommend examples/usecases/rfp-response-drafting.yaml \\",
    "        --format json --out rfp.json",
    "  ragft report render rfp.json --format html --out rfp.html",
    "  ragft score examples/portfolio/usecases --format json --out portfolio.json",
    "  ragft report render portfolio.json --format markdown --out portfolio.md",
    "  ragft report render portfolio.json --format junit \\",
    "        --gate 'confidence>=0.4' --out score.xml",
    "  ragft report render mine.json --framework my-framework.yaml --prices my.yaml",
    "  ragft report render target/bench/summary.json --format markdown --out pr.md"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Rendered.", "1:A --gate failed (the report was still written).",
        "2:Bad usage or bad input: not a recommend, score or bench result, a format the result does not render to,"
            + " or a result that recomputes differently (edited, or made with another framework or price file).",
        "3:Internal error; rerun with --verbose for the stack trace."})
final class RenderCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT.json",
      description = "A result saved by 'recommend --format json', 'score --format json' or 'bench' (summary.json).")
  String file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown, html, json, csv or junit; which of them depends on the result (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  String out;

  @Option(names = "--framework", paramLabel = "F",
      description = "The framework the result was made with: a file or a built-in id (default: the built-in the result names).")
  String framework;

  @Mixin PricesOption prices;

  @Mixin EvidenceOption evidence;

  @Mixin GateOption gate;

  @Option(names = "--explain", description = "Recommend results: show every driver and the arithmetic behind the scores.")
  boolean explain;

  @Option(names = "--what-if", description = "Recommend results: show the answer changes that would change the approach.")
  boolean whatIf;

  @Option(names = "--junit-cases",
      description = "Bench results with --format junit: one test case per eval case as well as one per gate.")
  boolean junitCases;

  @Option(names = "--junit-case-pass", paramLabel = "SCORE", defaultValue = "0.5",
      description = "Bench results: the least case score that passes (" + MetricId.SCORE_MEANING + ";"
          + " default: ${DEFAULT-VALUE}).")
  double junitCasePass;

  enum Format { text, markdown, html, json, csv, junit }

  @Override
  public Integer call() {
    Context ctx = Context.of(spec);
    // A bench summary renders with the results log beside it.
    ctx.reads(List.of(ctx.env().resolve(file).resolveSibling(BenchReports.LOG)));
    SavedResult saved = SavedResult.of(SavedJson.read(ctx.env().resolve(file), file));
    if (!saved.formats().contains(format.name())) {
      String kind = saved instanceof SavedResult.Recommendation ? "a recommend result" : "a score result";
      throw new CommandLine.ParameterException(spec.commandLine(), "--format " + format + ": " + file + " is " + kind
          + ", which renders as " + String.join(", ", saved.formats()));
    }
    boolean toFile = out != null && !out.equals("-");
    if (saved instanceof SavedResult.BenchSummary) {
      // The bench's own report layer, the one 'ragft bench' writes with: the same bytes, from the
      // summary and the results log (cases.jsonl) beside it.
      ctx.write(out, BenchReports.render(ctx.env().resolve(file), file, BenchFormat.of(format.name()).orElseThrow(),
          new BenchReports.Options(ctx.color(toFile), junitCases, junitCasePass)));
      return ExitCode.OK;
    }
    Options options = new Options(explain, whatIf, ctx.color(toFile), ctx.unicode(toFile), RagftCommand.version());
    if (saved instanceof SavedResult.Recommendation one) {
      return recommendation(ctx, one.useCase(), options);
    }
    return portfolio(ctx, (SavedResult.Portfolio) saved, options);
  }

  private int recommendation(Context ctx, SavedResult.SavedUseCase saved, Options options) {
    Framework f = framework(ctx.env(), saved);
    Optional<Prices> priceFile = prices(ctx.env(), f, saved);
    Recommendation r = new Advisor(f, priceFile, evidence.load(ctx.env())).advise(useCase(f, saved));
    verify(saved.node(), JsonReport.render(r, RagftCommand.version()), f, priceFile);
    ctx.write(out, RecommendationFormat.valueOf(format.name()).render(r, options));
    return ExitCode.OK;
  }

  private int portfolio(Context ctx, SavedResult.Portfolio saved, Options options) {
    SavedResult.SavedUseCase first = saved.useCases().get(0);
    for (SavedResult.SavedUseCase u : saved.useCases()) {
      if (!u.frameworkId().equals(first.frameworkId()) || !u.frameworkVersion().equals(first.frameworkVersion())) {
        throw new BadInputException(u.frameworkAt(), "framework " + u.frameworkId() + " " + u.frameworkVersion() + " differs from "
            + first.frameworkId() + " " + first.frameworkVersion() + " of the first use case; score writes one framework's"
            + " results, so the file was put together by hand");
      }
    }
    Framework f = framework(ctx.env(), first);
    List<UseCaseGate> gates = gate.parse(spec, f);
    Optional<Prices> priceFile = prices(ctx.env(), f, first);
    List<UseCase> useCases = new ArrayList<>();
    saved.useCases().forEach(u -> useCases.add(useCase(f, u)));
    // What-ifs included: the saved objects carry them, and the comparison checks them too.
    Portfolio portfolio = new Portfolio(f, priceFile, Set.of(), true);
    List<ScoredUseCase> scored = new ArrayList<>();
    Portfolio.Result result = portfolio.scoreUseCases(useCases, scored::add);
    if (!result.problems().isEmpty()) {
      throw new BadInputException(result.problems());
    }
    StringWriter json = new StringWriter();
    try {
      PortfolioJson j = new PortfolioJson(json, RagftCommand.version());
      for (ScoredUseCase s : scored) {
        j.add(s);
      }
      j.finish(result.roadmap());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter", e);
    }
    verify(new Node.ListNode(saved.location(), saved.useCases().stream().map(u -> (Node) u.node()).toList()), json.toString(), f,
        priceFile);
    PortfolioGates checks = new PortfolioGates(f, gates);
    scored.forEach(checks::add);
    if (format == Format.junit) {
      ctx.write(out, checks.junit(List.of(), PortfolioGates.provenance(RagftCommand.version(), f, priceFile.map(Prices::id))));
    } else {
      PortfolioFormat pf = format == Format.text ? PortfolioFormat.table : PortfolioFormat.valueOf(format.name());
      ctx.stream(out, w -> {
        PortfolioReport report = pf.open(w, f, List.of(), options);
        for (ScoredUseCase s : scored) {
          report.add(s);
        }
        report.finish(result.roadmap());
        return scored.size();
      });
    }
    if (gates.isEmpty()) {
      return ExitCode.OK;
    }
    checks.outcome().forEach(l -> ctx.env().err().println("ragft: " + l));
    return checks.failed() == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  /** --framework when given, else the built-in the result names; its version must be the one the result was made with. */
  private Framework framework(Env env, SavedResult.SavedUseCase saved) {
    Framework f;
    if (framework != null) {
      f = FrameworkLoader.load(framework, env.cwd());
    } else if (FrameworkLoader.builtInIds().contains(saved.frameworkId())) {
      f = FrameworkLoader.loadBuiltIn(saved.frameworkId());
    } else {
      throw new BadInputException(saved.frameworkAt(), "framework '" + saved.frameworkId() + "' is not built in; give the"
          + " framework file it was made with: --framework FILE (built in: " + String.join(", ", FrameworkLoader.builtInIds()) + ")");
    }
    if (!f.id().equals(saved.frameworkId()) || !f.version().equals(saved.frameworkVersion())) {
      throw new BadInputException(saved.frameworkAt(), "made with framework " + saved.frameworkId() + " " + saved.frameworkVersion()
          + ", but the framework loaded is " + f.id() + " " + f.version() + "; render with the framework it was made with"
          + " (--framework FILE), or rerun the command to get a result of this one");
    }
    return f;
  }

  /** --prices when given, else the price file the result names, else none (it had no cost figures). */
  private Optional<Prices> prices(Env env, Framework f, SavedResult.SavedUseCase saved) {
    if (prices.prices != null) {
      return prices.load(env, f);
    }
    return saved.pricesId().isEmpty() ? Optional.empty() : dev.ragft.cost.PriceLoader.load(saved.pricesId(), env.cwd(), f);
  }

  private static UseCase useCase(Framework f, SavedResult.SavedUseCase saved) {
    NodeReader problems = new NodeReader();
    java.util.OptionalLong budget = java.util.OptionalLong.empty();
    Optional<java.math.BigDecimal> value = Optional.empty();
    for (dev.ragft.usecase.AnswerReader.Raw t : saved.terms()) {
      if (t.question().equals(dev.ragft.usecase.Terms.LATENCY_BUDGET)) {
        budget = dev.ragft.usecase.Terms.budget(t.text(), t.location(), problems);
      } else if (t.question().equals(dev.ragft.usecase.Terms.VALUE)) {
        value = dev.ragft.usecase.Terms.value(t.text(), t.location(), problems);
      }
    }
    java.util.OptionalLong b = budget;
    Optional<java.math.BigDecimal> v = value;
    Optional<UseCase> u = new AnswerReader(f).read(saved.answers(), saved.answersAt(), problems)
        .map(a -> new UseCase(saved.id(), saved.name(), saved.description(), a, b, v, saved.node().location()));
    if (problems.hasProblems() || u.isEmpty()) {
      throw new BadInputException(problems.problems());
    }
    return u.get();
  }

  /** Refuses to render when recomputing does not give what the file holds. */
  private static void verify(Node savedTree, String recomputedJson, Framework f, Optional<Prices> priceFile) {
    Optional<Difference> d = Difference.first(savedTree, SavedJson.parse(recomputedJson, "recomputed result"));
    if (d.isPresent()) {
      Difference x = d.get();
      throw new BadInputException(x.location(), x.path() + " is " + x.saved() + " in the file but " + x.recomputed()
          + " when recomputed with framework " + f.id() + " " + f.version() + " and prices "
          + priceFile.map(Prices::id).orElse("none") + "; the file was edited or made with other inputs (--framework, --prices,"
          + " --evidence), so it is not rendered");
    }
  }
}
