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
    if (ex instanceof BadInputException bad) {
      report(bad);
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
    err.println("ragft: " + ex.getMessage() + " (see 'ragft " + cmd.getCommandSpec().qualifiedName().replaceFirst("^ragft ?", "")
        .trim() + (cmd.getCommandSpec().qualifiedName().equals("ragft") ? "" : " ") + "--help')");
    if (RagftCommand.verbose(cmd)) {
      ex.printStackTrace(err);
    }
    return ExitCode.BAD_INPUT;
  }

  void report(BadInputException bad) {
    for (Problem p : bad.problems()) {
      err.println("ragft: " + p);
    }
  }
}
