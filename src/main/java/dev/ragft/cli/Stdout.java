package dev.ragft.cli;

import dev.ragft.input.IoReason;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Standard output as ragft writes to it: a write or flush error is not swallowed (as PrintStream
 * and PrintWriter do), so a report lost to a full disk, a closed descriptor or an unwritable
 * device ends the command with one line and exit 2 instead of exit 0.
 *
 * <p>One error is the reader's choice, not a failure: a closed pipe ({@code ragft score x | head}),
 * which the JDK reports as an IOException whose message is the operating system's text for
 * EPIPE, "Broken pipe" (Linux, macOS) or "The pipe is being closed" (Windows); the JDK gives no
 * errno. After it, stdout is discarded quietly and the command finishes its other work (its files)
 * with its own exit code.
 */
final class Stdout extends OutputStream {
  /** A write to stdout failed for a reason other than a closed pipe; ends the command. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(IOException cause) {
      super("cannot write to stdout: " + IoReason.of(cause), cause);
    }
  }

  private final OutputStream out;
  private Optional<Failure> failure = Optional.empty();
  private boolean pipeClosed;

  Stdout(OutputStream out) {
    this.out = out;
  }

  /** The first failure, if a write failed for a reason other than a closed pipe. */
  Optional<Failure> failure() {
    return failure;
  }

  /** Whether the reader closed the pipe: output since was dropped, on purpose and quietly. */
  boolean pipeClosed() {
    return pipeClosed;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (dropping()) {
      return;
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      fail(e);
    }
  }

  @Override
  public void flush() {
    if (dropping()) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      fail(e);
    }
  }

  private boolean dropping() {
    return pipeClosed || failure.isPresent();
  }

  private void fail(IOException e) {
    if (isClosedPipe(e)) {
      pipeClosed = true;
      return;
    }
    Failure f = new Failure(e);
    failure = Optional.of(f);
    throw f;
  }

  /** EPIPE, by the only sign the JDK gives of it: the operating system's message. */
  static boolean isClosedPipe(IOException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("broken pipe") || m.contains("pipe is being closed");
  }
}
