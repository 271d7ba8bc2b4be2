package dev.ragft.cli;

import dev.ragft.cost.PriceLoader;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The entry point: the only place that exits the JVM. */
public final class Main {
  private Main() {}

  /**
   * picocli registers converters for java.sql and java.time types by reflection, loading about
   * eighty JDK classes (java.sql's module among them) at every start; no ragft option has such a
   * type. A user's own setting of the property is kept.
   */
  static final String CONVERTERS_EXCLUDES = "picocli.converters.excludes";

  public static void main(String[] args) {
    if (System.getProperty(CONVERTERS_EXCLUDES) == null) {
      // One regular expression: picocli compiles each once per converter it considers.
      System.setProperty(CONVERTERS_EXCLUDES, "java\\.(sql|time)\\..*");
    }
    WarmUp.start(args);
    // stdout's descriptor itself, not System.out: a PrintStream swallows write errors (see Stdout).
    int code = run(args, new FileOutputStream(FileDescriptor.out), System.err, System.in, System.getenv(), Path.of(""),
        System.console() != null);
    System.exit(code);
  }

  /** Runs ragft as a user would, with the given streams; returns the exit code. */
  public static int run(
      String[] args, OutputStream out, PrintStream err, InputStream in, Map<String, String> vars, Path cwd,
      boolean terminal) {
    Stdout stdout = new Stdout(out);
    // On a terminal every format shows control characters escaped but ragft's own colours; every
    // message on stderr too, but the progress bar's carriage return (SafeText).
    java.io.Writer toStdout = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
    PrintWriter o = new PrintWriter(terminal ? new SafeText(toStdout, true, false) : toStdout, true);
    PrintWriter e = new PrintWriter(new SafeText(new OutputStreamWriter(err, StandardCharsets.UTF_8), false, true), true);
    int code;
    try {
      code = RagftCommand.execute(args, new Env(o, e, in, vars, cwd, terminal));
      o.flush();
    } catch (Stdout.Failure failure) {
      // Thrown outside a command, e.g. while picocli printed --help.
      code = ExitCode.BAD_INPUT;
    } finally {
      e.flush();
    }
    if (stdout.failure().isPresent()) {
      // Whatever the command decided, its report is lost: say so, and fail.
      e.println("ragft: " + stdout.failure().get().getMessage());
      e.flush();
      return ExitCode.BAD_INPUT;
    }
    return code;
  }

  /**
   * Work for a second core while the main thread starts picocli. When a subcommand runs, it reads
   * the default framework and its prices, which FrameworkLoader and PriceLoader keep for the
   * command to use. When picocli is to read annotations (no compiled model: see CompiledCommands),
   * it first reads them, which picocli then reads again: the first read of each annotation type
   * makes the JDK generate a proxy class, a large part of picocli's start-up
   * (scripts/bench-startup.sh measures the whole start-up).
   * A failure here changes nothing: the main thread does the same work and reports it.
   */
  private static final class WarmUp implements Runnable {
    private final String[] args;

    private WarmUp(String[] args) {
      this.args = args;
    }

    static void start(String[] args) {
      Thread t = new Thread(new WarmUp(args), "ragft-warm-up");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void run() {
      try {
        // The commands RagftCommand.commandLine will build: one subcommand from its compiled
        // model, which reads no annotations, or from its annotations, or all of them.
        boolean subcommand = args.length > 0 && CompiledCommands.has(args[0]);
        if (!subcommand) {
          Optional<Class<?>> only = args.length == 0 ? Optional.empty() : RagftCommand.subcommandNamed(args[0]);
          if (only.isPresent()) {
            warm(RagftCommand.Shared.class);
            warm(only.get());
          } else {
            warm(RagftCommand.class);
          }
          subcommand = only.isPresent();
        }
        if (subcommand) {
          // Most commands weigh answers with the default framework and its prices: read them
          // before they ask.
          Framework f = FrameworkLoader.loadBuiltIn(FrameworkLoader.defaultId());
          PriceLoader.load(Optional.empty(), Path.of(""), f);
        }
      } catch (Throwable ignored) {
        // Only a warm-up: the main thread does the same work, and reports any failure itself.
      }
    }

    private static void warm(Class<?> command) {
      for (java.lang.reflect.Field f : command.getDeclaredFields()) {
        f.getAnnotations();
        if (f.isAnnotationPresent(picocli.CommandLine.Mixin.class)) {
          warm(f.getType());
        }
      }
      picocli.CommandLine.Command c = command.getAnnotation(picocli.CommandLine.Command.class);
      if (c != null) {
        for (Class<?> sub : c.subcommands()) {
          warm(sub);
        }
      }
    }
  }
}
