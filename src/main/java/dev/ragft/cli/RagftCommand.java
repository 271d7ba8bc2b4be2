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
    subcommands = {RecommendCommand.class, FrameworkCommand.class, BenchCommand.class, DatasetCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:A check failed (a gate, an invalid framework or use case in a batch).",
      "2:Bad usage or bad input; the message names file, line, column and the valid values.",
      "3:Internal error; rerun with --verbose for the stack trace."
    })
public final class RagftCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces with errors.")
  boolean verbose;

  @Option(names = "--no-color", scope = CommandLine.ScopeType.INHERIT, description = "Never use colour (as does NO_COLOR).")
  boolean noColor;

  private Env env;

  @Override
  public void run() {
    spec.commandLine().usage(env.out());
  }

  Env env() {
    return env;
  }

  static int execute(String[] args, Env env) {
    RagftCommand root = new RagftCommand();
    root.env = env;
    CommandLine cl = new CommandLine(root);
    ErrorHandler handler = new ErrorHandler(env.err());
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl.execute(args);
  }

  /** Whether --verbose was given anywhere on the command line. */
  static boolean verbose(CommandLine cmd) {
    CommandLine c = cmd;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return c.getCommand() instanceof RagftCommand r && r.verbose;
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
