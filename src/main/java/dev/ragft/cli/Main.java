package dev.ragft.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The entry point: the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.in, System.getenv(), Path.of(""), System.console() != null);
    System.exit(code);
  }

  /** Runs ragft as a user would, with the given streams; returns the exit code. */
  public static int run(
      String[] args, PrintStream out, PrintStream err, InputStream in, Map<String, String> vars, Path cwd,
      boolean terminal) {
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return RagftCommand.execute(args, new Env(o, e, in, vars, cwd, terminal));
    } finally {
      o.flush();
      e.flush();
    }
  }
}
