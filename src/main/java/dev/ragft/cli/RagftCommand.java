package dev.ragft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: lists the subcommands and holds the options every command shares. */
@Command(
    name = "ragft",
    mixinStandardHelpOptions = true,
    versionProvider = RagftCommand.Version.class,
    description = {
      "RAG, fine-tuning or a hybrid: for which use case, and in what order?",
      "",
      "Examples:",
      "  ragft recommend examples/usecases/enterprise-sla-answers.yaml",
      "  ragft recommend --freshness daily --task lookup --auditability regulated \\",
      "                  --training-pairs 0 --latency interactive --what-if",
      "  ragft framework show",
    },
    subcommands = {
      RecommendCommand.class, InterviewCommand.class, ScoreCommand.class, BenchCommand.class, DatasetCommand.class,
      FrameworkCommand.class, ReportCommand.class, CommandLine.HelpCommand.class
    })
public final class RagftCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin Shared shared = new Shared();

  /** The options every command inherits; a mixin, so that {@link #commandLine} can build them alone. */
  static final class Shared {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = CommandLine.ScopeType.INHERIT, description = "Never use colour (as does NO_COLOR).")
    boolean noColor;
  }

  private Env env;
  /** Files this run's command reads beyond those its command line names: no output may replace one. */
  private final java.util.List<java.nio.file.Path> inputs = new java.util.ArrayList<>();

  @Override
  public void run() {
    spec.commandLine().usage(env.out());
  }

  Env env() {
    return env;
  }

  java.util.List<java.nio.file.Path> inputs() {
    return inputs;
  }

  boolean noColor() {
    return shared.noColor;
  }

  static int execute(String[] args, Env env) {
    RagftCommand root = new RagftCommand();
    root.env = env;
    CommandLine cl = commandLine(root, args);
    ErrorHandler handler = new ErrorHandler(env.err());
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionStrategy(parsed -> {
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (Stdout.Failure f) {
        // Thrown while picocli printed help or the version: Main reports it.
        return ExitCode.BAD_INPUT;
      }
    });
    withExitCodes(cl);
    withVersion(cl);
    return cl.execute(args);
  }

  /**
   * picocli's model of the commands {@code args} can reach. Building a command's model is most of
   * ragft's start-up, so when the first argument names a subcommand only that one is built, under
   * a root that holds just the inherited options (nothing can show the root's help or the other
   * commands then), from the model the build compiled from its annotations (CompiledCommands).
   * Otherwise ({@code ragft}, {@code --help}, {@code help ...}, an unknown command, classes built
   * without the build step) picocli reads the annotations above, as ever.
   */
  static CommandLine commandLine(RagftCommand root, String[] args) {
    if (args.length > 0) {
      java.util.Optional<CommandLine> compiled = CompiledCommands.commandLine(root, args[0]);
      if (compiled.isPresent()) {
        return compiled.get();
      }
    }
    return annotatedCommandLine(root, args);
  }

  /** {@link #commandLine} from the annotations alone: what the compiled models are made from. */
  static CommandLine annotatedCommandLine(RagftCommand root, String[] args) {
    java.util.Optional<Class<?>> only = args.length == 0 ? java.util.Optional.empty() : subcommandNamed(args[0]);
    if (only.isEmpty()) {
      return new CommandLine(root);
    }
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(root)
        .name(RagftCommand.class.getAnnotation(Command.class).name());
    spec.addMixin("shared", CommandLine.Model.CommandSpec.forAnnotatedObject(root.shared));
    CommandLine cl = new CommandLine(spec);
    cl.addSubcommand(new CommandLine(only.get()));
    return cl;
  }

  /** The names of the subcommands, but help (which shows the others). */
  static java.util.List<String> subcommandNames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Class<?> sub : RagftCommand.class.getAnnotation(Command.class).subcommands()) {
      if (sub != CommandLine.HelpCommand.class) {
        names.add(sub.getAnnotation(Command.class).name());
      }
    }
    return names;
  }

  /** The subcommand class with this name or alias, if any but help (which shows the others). */
  static java.util.Optional<Class<?>> subcommandNamed(String name) {
    for (Class<?> sub : RagftCommand.class.getAnnotation(Command.class).subcommands()) {
      Command c = sub.getAnnotation(Command.class);
      if (sub != CommandLine.HelpCommand.class && c != null
          && (c.name().equals(name) || java.util.List.of(c.aliases()).contains(name))) {
        return java.util.Optional.of(sub);
      }
    }
    return java.util.Optional.empty();
  }

  /** The exit codes every command shares, for commands whose help does not list more specific ones. */
  private static final java.util.Map<String, String> EXIT_CODES = exitCodes();

  private static java.util.Map<String, String> exitCodes() {
    java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
    codes.put("0", "Success.");
    codes.put("1", "A check failed (a gate, an invalid framework or use case in a batch).");
    codes.put("2", "Bad usage or bad input; the message names file, line, column and the valid values.");
    codes.put("3", "Internal error; rerun with --verbose for the stack trace.");
    return codes;
  }

  static void withExitCodes(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    if (usage.exitCodeList().isEmpty()) {
      usage.exitCodeListHeading("%nExit codes:%n");
      usage.exitCodeList(EXIT_CODES);
    }
    cl.getSubcommands().values().forEach(RagftCommand::withExitCodes);
  }

  /**
   * Every command's --version prints ragft's version: picocli gives a subcommand no version of its
   * own, so its -V printed nothing.
   */
  static void withVersion(CommandLine cl) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    if (spec.versionProvider() == null && spec.version().length == 0) {
      spec.versionProvider(new Version());
    }
    cl.getSubcommands().values().forEach(RagftCommand::withVersion);
  }

  /** Whether --verbose was given anywhere on the command line. */
  static boolean verbose(CommandLine cmd) {
    CommandLine c = cmd;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return c.getCommand() instanceof RagftCommand r && r.shared.verbose;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ragft " + version()};
    }
  }

  /** The version in the jar's manifest; "dev" when run from classes. */
  static String version() {
    String v = RagftCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
