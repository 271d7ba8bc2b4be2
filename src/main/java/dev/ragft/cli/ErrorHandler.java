package dev.ragft.cli;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps what went wrong to one line per problem on stderr and an exit code. Stack traces only
 * with --verbose: a user needs the file, line and column, not our internals.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final PrintWriter err;

  ErrorHandler(PrintWriter err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    boolean verbose = RagftCommand.verbose(cmd);
    if (ex instanceof Stdout.Failure) {
      // Main says so once, after the command: stdout can fail again on the way out.
      if (verbose) {
        ex.printStackTrace(err);
      }
      return ExitCode.BAD_INPUT;
    }
    if (ex instanceof BadInputException bad) {
      report(bad);
      if (verbose) {
        ex.printStackTrace(err);
      }
      return ExitCode.BAD_INPUT;
    }
    if (ex instanceof java.io.UncheckedIOException io) {
      // The machine's trouble (a full disk, a folder taken away), not ragft's: the reason, exit 2.
      String m = io.getMessage();
      boolean ours = m != null && !m.startsWith(io.getCause().getClass().getName());
      err.println("ragft: " + (ours ? m : "cannot read or write a file: " + dev.ragft.input.IoReason.of(io.getCause())));
      if (verbose) {
        ex.printStackTrace(err);
      }
      return ExitCode.BAD_INPUT;
    }
    if (ex instanceof CommandLine.ParameterException pe) {
      return handleParseException(pe, new String[0]);
    }
    err.println("ragft: internal error: " + ex + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return ExitCode.INTERNAL;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    err.println("ragft: " + ex.getMessage() + suggestions(ex) + " (see 'ragft " + cmd.getCommandSpec().qualifiedName().replaceFirst("^ragft ?", "")
        .trim() + (cmd.getCommandSpec().qualifiedName().equals("ragft") ? "" : " ") + "--help')");
    if (RagftCommand.verbose(cmd)) {
      ex.printStackTrace(err);
    }
    return ExitCode.BAD_INPUT;
  }

  /**
   * For a misspelt command or option, the names close to it: "; did you mean 'recommend'?".
   * picocli proposes its three most similar names for any word, so only those within a few edits
   * of the word are kept: "nonsense" gets no suggestion.
   */
  static String suggestions(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
      return "";
    }
    String word = u.getUnmatched().get(0);
    java.util.List<String> close = new java.util.ArrayList<>();
    for (String s : u.getSuggestions()) {
      if (edits(word, s) <= Math.max(2, word.length() / 4)) {
        close.add(s);
      }
    }
    return close.isEmpty() ? "" : "; did you mean '" + String.join("' or '", close) + "'?";
  }

  /** The Levenshtein distance: insertions, deletions and substitutions that turn a into b. */
  static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  void report(BadInputException bad) {
    for (Problem p : bad.problems()) {
      err.println("ragft: " + p);
    }
  }
}
