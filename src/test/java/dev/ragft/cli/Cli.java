package dev.ragft.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs ragft the way a user does — arguments in; stdout, stderr and exit code out — with captured streams. */
public record Cli(int exit, String out, String err) {

  public static Cli run(String... args) {
    return run(Path.of(""), Map.of(), "", args);
  }

  public static Cli run(Path cwd, Map<String, String> vars, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(vars);
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, cwd, false);
    return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs ragft with {@code stdout} as its standard output (e.g. one that fails as /dev/full does);
   * the returned {@link #out()} is empty.
   */
  public static Cli runTo(java.io.OutputStream stdout, Path cwd, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, stdout, new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), Map.of(), cwd, false);
    return new Cli(exit, "", err.toString(StandardCharsets.UTF_8));
  }

  /** Both streams, for failure messages. */
  public String describe() {
    return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
  }
}
