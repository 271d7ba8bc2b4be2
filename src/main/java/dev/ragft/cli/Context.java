package dev.ragft.cli;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine;

/** What every command needs from the root: the environment, the shared flags, and writing results. */
final class Context {
  private final RagftCommand root;

  private Context(RagftCommand root) {
    this.root = root;
  }

  static Context of(CommandLine.Model.CommandSpec spec) {
    CommandLine c = spec.commandLine();
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return new Context((RagftCommand) c.getCommand());
  }

  /**
   * Refuses, before any work, a command line that sends more than one output to stdout (an
   * option given "-", or the report printed without --out): their bytes would interleave.
   *
   * @param onStdout how the help names each output that would go to stdout
   */
  static void oneOutputOnStdout(CommandLine.Model.CommandSpec spec, java.util.List<String> onStdout) {
    if (onStdout.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), String.join(" and ", onStdout)
          + " would both go to stdout; send one of them to a file");
    }
  }

  /** Whether an output option sends its output to stdout. */
  static boolean toStdout(String out) {
    return out == null || out.equals("-");
  }

  Env env() {
    return root.env();
  }

  boolean color(boolean toFile) {
    return !toFile && !root.noColor() && env().colorAllowed();
  }

  boolean unicode(boolean toFile) {
    return !toFile && env().unicodeAllowed();
  }

  /**
   * Writes a result to {@code out} (a file, written whole or not at all) or to stdout when
   * {@code out} is null.
   */
  void write(String out, String content) {
    stream(out, w -> {
      w.write(content);
      return content.length();
    });
  }

  /** Writes a result to the writer it is given, and says what it found on the way. */
  interface Body<T> {
    T write(Writer w) throws IOException;
  }

  /**
   * Lets {@code body} write a result as it is produced, to stdout when {@code out} is null or
   * "-", else to the file {@code out}: a regular file is written to a temporary file beside it
   * and moved into place, so it is written whole or not at all; a device or pipe such as
   * /dev/null is written to directly (moving a file over it would replace it). Returns what
   * {@code body} returns.
   */
  <T> T stream(String out, Body<T> body) {
    if (out == null || out.equals("-")) {
      try {
        return body.write(env().out());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        env().out().flush();
      }
    }
    Path target = env().resolve(out);
    T result;
    try {
      if (Files.exists(target) && !Files.isRegularFile(target)) {
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
          return body.write(w);
        }
      }
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      // Not Files.createTempFile, which makes the file private (0600): a report is meant to be
      // shared, so it gets the mode every other tool gives a new file, 0666 less the umask.
      Path tmp = newFileBeside(parent);
      try {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          result = body.write(w);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | UncheckedIOException e) {
      String why = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      throw new BadInputException(Location.ofFile(out), "cannot write: " + why);
    }
    env().err().println("ragft: wrote " + out);
    return result;
  }

  /**
   * A new, empty temporary file in {@code folder}, created as any new file is: 0666 less the
   * umask (Files.createTempFile makes it private, 0600, and a report is meant to be shared).
   */
  private static Path newFileBeside(Path folder) throws IOException {
    while (true) {
      Path tmp = folder.resolve(".ragft-" + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another name, then
      }
    }
  }
}
