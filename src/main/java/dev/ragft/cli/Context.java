package dev.ragft.cli;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import java.io.IOException;
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

  Env env() {
    return root.env();
  }

  boolean color(boolean toFile) {
    return !toFile && !root.noColor && env().colorAllowed();
  }

  boolean unicode(boolean toFile) {
    return !toFile && env().unicodeAllowed();
  }

  /**
   * Writes a result to {@code out} (a file, written whole or not at all) or to stdout when
   * {@code out} is null.
   */
  void write(String out, String content) {
    if (out == null || out.equals("-")) {
      env().out().print(content);
      env().out().flush();
      return;
    }
    Path target = env().resolve(out);
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".ragft-", ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(out), "cannot write: " + e.getMessage());
    }
    env().err().println("ragft: wrote " + out);
  }
}
