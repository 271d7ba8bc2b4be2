package dev.ragft.cli;

/** ragft's exit codes, listed in every command's --help. */
public final class ExitCode {
  public static final int OK = 0;
  /** A check ran and failed: a gate, an invalid framework in validate, an invalid use case in a batch. */
  public static final int CHECK_FAILED = 1;
  /** Bad usage or bad input: the message names the file, line and column, and the valid values. */
  public static final int BAD_INPUT = 2;
  /** A defect in ragft: rerun with --verbose for the stack trace. */
  public static final int INTERNAL = 3;

  private ExitCode() {}

}
