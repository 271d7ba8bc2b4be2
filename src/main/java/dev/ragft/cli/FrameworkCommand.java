package dev.ragft.cli;

import dev.ragft.cost.PriceReader;
import dev.ragft.cost.Prices;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkReader;
import dev.ragft.input.Node;
import dev.ragft.input.YamlTree;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import dev.ragft.report.FrameworkText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ragft framework}: list, show and validate decision frameworks. */
@Command(
    name = "framework",
    mixinStandardHelpOptions = true,
    description = {
      "List, show and validate decision frameworks.",
      "",
      "A framework holds the questions, weights, gates and plans ragft applies.",
      "",
      "Examples:",
      "  ragft framework list",
      "  ragft framework show b2b-2026",
      "  ragft framework show --source > my-framework.yaml   # start your own",
      "  ragft framework validate my-framework.yaml",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "1:validate found problems.", "2:Bad usage or bad input.",
        "3:Internal error; rerun with --verbose for the stack trace."},
    subcommands = {FrameworkCommand.List.class, FrameworkCommand.Show.class, FrameworkCommand.Validate.class})
final class FrameworkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // A parent command only lists what it holds, like git's.
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show or validate");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = {
      "List the built-in frameworks.", "", "Example:", "  ragft framework list"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:Success.", "2:Bad usage.", "3:Internal error; rerun with --verbose for the stack trace."})
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Context ctx = Context.of(spec);
      StringBuilder b = new StringBuilder();
      java.util.List<String> ids = FrameworkLoader.builtInIds();
      for (String id : ids) {
        Framework f = FrameworkLoader.loadBuiltIn(id);
        b.append(id).append("  ").append(f.version()).append("  ").append(f.title())
            .append(id.equals(ids.get(0)) ? "  (default)" : "").append('\n');
      }
      ctx.write(null, b.toString());
      return ExitCode.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = {
      "Show a framework: its questions, choices, weights, gates and plans.",
      "",
      "Every question with its choices and how each weighs, the gates, warnings,",
      "stacks and rollout plans.",
      "", "Examples:", "  ragft framework show", "  ragft framework show my-framework.yaml",
      "  ragft framework show --source > my-framework.yaml"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:Success.", "2:Bad usage, or a framework file with problems (each named with file, line and column).",
          "3:Internal error; rerun with --verbose for the stack trace."})
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID|FILE", description = "A built-in id or a framework file (default: the default framework).")
    String ref;

    @Option(names = "--source", description = "Print the framework file itself, to copy and edit (built-in frameworks only).")
    boolean source;

    @Override
    public Integer call() {
      Context ctx = Context.of(spec);
      String id = ref == null ? FrameworkLoader.defaultId() : ref;
      if (source) {
        if (!FrameworkLoader.builtInIds().contains(id)) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--source prints a built-in framework; expected one of " + String.join(", ", FrameworkLoader.builtInIds()));
        }
        ctx.write(null, FrameworkLoader.builtInText(id));
        return ExitCode.OK;
      }
      ctx.write(null, FrameworkText.render(FrameworkLoader.load(id, ctx.env().cwd())));
      return ExitCode.OK;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = {
      "Check framework and price files, every problem with file, line and column.",
      "",
      "Framework files: unknown keys, duplicate ids, references to approaches,",
      "questions and choices that do not exist, weights out of range, questions",
      "without choices, bands with gaps. Price files (recognised by their 'tiers')",
      "are checked against the framework (--framework): missing tiers, negative",
      "prices, unknown units, a budget for every latency answer.",
      "", "Examples:", "  ragft framework validate my-framework.yaml",
      "  ragft framework validate my-prices.yaml --framework my-framework.yaml"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:Every file is valid.", "1:At least one file has problems.", "2:Bad usage.",
          "3:Internal error; rerun with --verbose for the stack trace."})
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Framework or price files to check.")
    java.util.List<String> files;

    @CommandLine.Mixin FrameworkOption framework;

    @Override
    public Integer call() {
      Context ctx = Context.of(spec);
      int bad = 0;
      for (String file : files) {
        try {
          Node root = YamlTree.read(ctx.env().resolve(file), file);
          if (root instanceof Node.MapNode m && m.entries().containsKey("tiers")) {
            Framework f = framework.load(ctx.env());
            Prices p = PriceReader.read(root, f);
            ctx.env().out().println(file + ": ok (prices " + p.id() + " of " + p.date() + ", " + p.tiers().size()
                + " tiers, fits framework " + f.id() + ")");
          } else {
            Framework f = FrameworkReader.read(root);
            ctx.env().out().println(file + ": ok (" + f.id() + " " + f.version() + ", " + f.questions().size()
                + " questions, " + f.rules().size() + " rules)");
          }
        } catch (BadInputException e) {
          bad++;
          java.util.List<Problem> problems = e.problems();
          for (Problem p : problems) {
            ctx.env().out().println(p);
          }
          ctx.env().out().println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        }
      }
      ctx.env().out().flush();
      return bad == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
  }
}
