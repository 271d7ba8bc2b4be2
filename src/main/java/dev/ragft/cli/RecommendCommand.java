package dev.ragft.cli;

import dev.ragft.advice.Advisor;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.NodeReader;
import dev.ragft.report.Options;
import dev.ragft.report.Recommendation;
import dev.ragft.report.RecommendationFormat;
import dev.ragft.usecase.AnswerReader;
import dev.ragft.usecase.UseCase;
import dev.ragft.usecase.UseCaseReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ragft recommend}: one use case in, the recommended approach with reasons and a plan out. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Recommend RAG, fine-tuning or a hybrid for one use case.",
      "",
      "From a use-case file or from flags: the approach, the reasons, cost and",
      "latency, the stack, a rollout plan and what would change the answer.",
      "",
      "Examples:",
      "  ragft recommend examples/usecases/enterprise-sla-answers.yaml",
      "  ragft recommend examples/usecases/voice-agent-order-status.yaml \\",
      "                  --explain --what-if",
      "  ragft recommend --freshness daily --task lookup --auditability regulated \\",
      "                  --training-pairs 0 --latency interactive --volume 400 \\",
      "                  --format json",
      "  ragft recommend examples/usecases/rfp-response-drafting.yaml --format html \\",
      "                  --out rfp.html",
      "  ragft recommend examples/usecases/crm-autocomplete.yaml \\",
      "                  --prices my-prices.yaml",
      "  ragft recommend examples/usecases/voice-agent-order-status.yaml \\",
      "                  --evidence target/bench/summary.json",
      "  ragft recommend --framework my-framework.yaml --answer freshness=weekly ... ",
    })
final class RecommendCommand implements Callable<Integer> {
  private static final String COMMAND_LINE = "command line";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A use-case YAML file (one use case, or a list: pick one with --id).")
  String file;

  @Option(names = "--freshness", paramLabel = "X", description = "How often the knowledge changes: daily, weekly, monthly, quarterly, static.")
  String freshness;

  @Option(names = "--task", paramLabel = "X", description = "lookup, synthesis, drafting, structured-output, classification, mixed.")
  String task;

  @Option(names = "--auditability", paramLabel = "X", description = "regulated, high, medium, low.")
  String auditability;

  @Option(names = "--training-pairs", paramLabel = "N", description = "Quality input/output pairs available now (0 or more; 12000, 12,000 and 12k all work).")
  String trainingPairs;

  @Option(names = "--latency", paramLabel = "X", description = "realtime (< 800 ms), interactive (< 1 s), async (minutes), batch (overnight).")
  String latency;

  @Option(names = "--latency-budget-ms", paramLabel = "N", description = "The use case's own budget to first token, overriding the latency answer's default (with FILE too).")
  String latencyBudgetMs;

  @Option(names = "--value-per-request", paramLabel = "X", description = "What one answered request is worth, in the price file's currency, for payback (with FILE too).")
  String valuePerRequest;

  @Option(names = "--volume", paramLabel = "N", description = "Requests per day (optional).")
  String volume;

  @Option(names = "--answer", paramLabel = "QUESTION=VALUE", description = "An answer by question id, for frameworks with other questions. Repeatable.")
  Map<String, String> answers = new LinkedHashMap<>();

  @Option(names = "--id", paramLabel = "ID", description = "With FILE: which use case of a list. With flags: the use case's id (default: adhoc).")
  String id;

  @Option(names = "--name", paramLabel = "NAME", description = "With flags: the use case's name.")
  String name;

  @Mixin FrameworkOption framework;

  @Mixin PricesOption prices;

  @Mixin EvidenceOption evidence;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown, json or html (a self-contained page that prints to PDF; default: ${DEFAULT-VALUE}).")
  RecommendationFormat format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  String out;

  @Option(names = "--explain", description = "Show every driver and the arithmetic behind the scores.")
  boolean explain;

  @Option(names = "--what-if", description = "Show the smallest answer changes that would change the approach.")
  boolean whatIf;

  @Override
  public Integer call() {
    Context ctx = Context.of(spec);
    if (file != null && !flagAnswers().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give either a use-case FILE or answer flags, not both");
    }
    // The file is parsed before the framework is asked for: the second thread is most often still
    // reading the default framework (Main.WarmUp), and this thread would only wait for it.
    Optional<UseCaseReader.Parsed> parsed = file == null ? Optional.empty()
        : Optional.of(UseCaseReader.parse(ctx.env().resolve(file), file));
    Framework f = framework.load(ctx.env());
    UseCase useCase = withTerms(parsed.isPresent() ? fromFile(f, parsed.get()) : fromFlags(f));
    boolean toFile = out != null && !out.equals("-");
    Options options = new Options(explain, whatIf, ctx.color(toFile), ctx.unicode(toFile), RagftCommand.version());
    Recommendation r = new Advisor(f, prices.load(ctx.env(), f), evidence.load(ctx.env()))
        .advise(useCase, format.showsWhatIfs(options)).recommendation();
    ctx.write(out, format.render(r, options));
    return ExitCode.OK;
  }

  /** The use case with the budget and value flags, which override what its file says. */
  private UseCase withTerms(UseCase u) {
    if (latencyBudgetMs == null && valuePerRequest == null) {
      return u;
    }
    dev.ragft.input.NodeReader r = new dev.ragft.input.NodeReader();
    Location at = Location.ofFile(COMMAND_LINE);
    java.util.OptionalLong budget = latencyBudgetMs == null ? u.latencyBudgetMs()
        : dev.ragft.usecase.Terms.budget(latencyBudgetMs, at, r);
    Optional<java.math.BigDecimal> value = valuePerRequest == null ? u.valuePerRequest()
        : dev.ragft.usecase.Terms.value(valuePerRequest, at, r);
    if (r.hasProblems()) {
      throw new BadInputException(r.problems());
    }
    return u.withTerms(budget, value);
  }

  private UseCase fromFile(Framework f, UseCaseReader.Parsed parsed) {
    UseCaseReader.Result result = new UseCaseReader(f).read(parsed);
    if (!result.problems().isEmpty()) {
      throw new BadInputException(result.problems());
    }
    List<UseCase> all = result.useCases();
    if (id != null) {
      return all.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow(() -> new BadInputException(
          Location.ofFile(file), "no use case with id '" + id + "'; the file holds " + ids(all)));
    }
    if (all.size() > 1) {
      throw new BadInputException(Location.ofFile(file), "the file holds " + all.size()
          + " use cases (" + ids(all) + "); pick one with --id, or score them all with 'ragft score'");
    }
    return all.get(0);
  }

  private UseCase fromFlags(Framework f) {
    List<AnswerReader.Raw> raw = flagAnswers();
    if (raw.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give a use-case FILE, or answer every question with flags (--freshness, --task, --auditability, "
              + "--training-pairs, --latency, optional --volume)");
    }
    NodeReader problems = new NodeReader();
    Answers answers = new AnswerReader(f).read(raw, Location.ofFile(COMMAND_LINE), problems)
        .orElseThrow(() -> new BadInputException(problems.problems()));
    String useCaseId = id == null ? "adhoc" : id;
    return new UseCase(useCaseId, name == null ? useCaseId : name, "", answers, Location.ofFile(COMMAND_LINE));
  }

  private List<AnswerReader.Raw> flagAnswers() {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "freshness", freshness);
    put(given, "task", task);
    put(given, "auditability", auditability);
    put(given, "training-pairs", trainingPairs);
    put(given, "latency", latency);
    put(given, "volume", volume);
    for (Map.Entry<String, String> a : answers.entrySet()) {
      put(given, a.getKey(), a.getValue());
    }
    List<AnswerReader.Raw> raw = new ArrayList<>();
    Location at = Location.ofFile(COMMAND_LINE);
    for (Map.Entry<String, String> a : given.entrySet()) {
      raw.add(new AnswerReader.Raw(a.getKey(), a.getValue(), at, at));
    }
    return raw;
  }

  private static void put(Map<String, String> given, String question, String value) {
    if (value != null) {
      given.put(question, value);
    }
  }

  private static String ids(List<UseCase> all) {
    return String.join(", ", all.stream().map(UseCase::id).toList());
  }
}
