package dev.ragft.cli;

import dev.ragft.input.IoReason;
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
  /**
   * The options whose values a command writes to; the values of every other option and every
   * parameter that name an existing file are the command's inputs. --resume is neither: the
   * interview rewrites the draft it resumes on purpose, and bench's --resume names no file.
   */
  private static final java.util.Set<String> OUTPUTS =
      java.util.Set.of("--out", "--save", "--junit", "--markdown", "--html", "--report-dir", "--cache-dir", "--resume");

  private final RagftCommand root;
  private final CommandLine.Model.CommandSpec spec;

  private Context(RagftCommand root, CommandLine.Model.CommandSpec spec) {
    this.root = root;
    this.spec = spec;
  }

  /**
   * The context of the command {@code spec} describes. Refuses, before any work, an output option
   * that names one of the files on the command line the command reads.
   */
  static Context of(CommandLine.Model.CommandSpec spec) {
    CommandLine c = spec.commandLine();
    while (c.getParent() != null) {
      c = c.getParent();
    }
    Context ctx = new Context((RagftCommand) c.getCommand(), spec);
    ctx.refuseOutputsOverInputs();
    return ctx;
  }

  /**
   * Files the command reads beyond those named on its command line (those in a folder it was
   * given); refuses at once an output option that names one of them.
   */
  void reads(java.util.Collection<Path> files) {
    root.inputs().addAll(files);
    refuseOutputsOverInputs();
  }

  private void refuseOutputsOverInputs() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed == null) {
      return;
    }
    java.util.List<Path> resumed = new java.util.ArrayList<>();
    for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
      if (o.longestName().equals("--resume")) {
        o.originalStringValues().stream().map(v -> env().resolve(v)).filter(Files::isRegularFile).forEach(resumed::add);
      }
    }
    for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
      if (OUTPUTS.contains(o.longestName()) && !o.longestName().equals("--resume")) {
        for (String v : o.originalStringValues()) {
          if (!toStdout(v)) {
            refuseInput(v, env().resolve(v));
            if (!o.longestName().equals("--save")) {
              // The draft an interview resumes may be saved over, never replaced by its report.
              refuseInput(v, env().resolve(v), resumed);
            }
          }
        }
      }
    }
  }

  /** The files the command reads: those named by its parameters and non-output options, and those it said it reads. */
  private java.util.List<Path> inputs() {
    java.util.List<Path> out = new java.util.ArrayList<>(root.inputs());
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed == null) {
      return out;
    }
    java.util.List<CommandLine.Model.ArgSpec> args = new java.util.ArrayList<>(parsed.matchedPositionals());
    for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
      if (!OUTPUTS.contains(o.longestName())) {
        args.add(o);
      }
    }
    for (CommandLine.Model.ArgSpec a : args) {
      for (String v : a.originalStringValues()) {
        Path p = env().resolve(v);
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** Refuses to write {@code target} when it is, after resolving links, a file the command reads. */
  private void refuseInput(String out, Path target) {
    refuseInput(out, target, inputs());
  }

  private static void refuseInput(String out, Path target, java.util.List<Path> inputs) {
    if (!Files.isRegularFile(target)) {
      return;
    }
    for (Path in : inputs) {
      boolean same;
      try {
        same = Files.isSameFile(in, target);
      } catch (IOException e) {
        same = false;
      }
      if (same) {
        throw new BadInputException(Location.ofFile(out), "is an input of this command; writing the output there"
            + " would destroy it: expected another output file");
      }
    }
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

  /**
   * Whether the command prints text for a person (--format text or table, or no --format at all):
   * then control characters from the inputs are shown escaped, to a terminal or a file (SafeText).
   * Data formats keep their bytes: JSON escapes control characters itself, Markdown and HTML as
   * their syntax needs, CSV holds the data as it was given.
   */
  private boolean humanText() {
    CommandLine.Model.OptionSpec f = spec.findOption("--format");
    if (f == null) {
      return true;
    }
    Object v = f.getValue();
    String format = v == null ? "" : v.toString().strip().toLowerCase(java.util.Locale.ROOT);
    return format.equals("text") || format.equals("table");
  }

  private Writer human(Writer w) {
    return humanText() ? new SafeText(w, false, false) : w;
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
        return body.write(humanText() ? new SafeText(env().out(), color(false), false) : env().out());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        env().out().flush();
      }
    }
    Path target = env().resolve(out);
    refuseInput(out, target);
    T result;
    try {
      if (Files.exists(target) && !Files.isRegularFile(target)) {
        try (Writer w = human(Files.newBufferedWriter(target, StandardCharsets.UTF_8))) {
          return body.write(w);
        }
      }
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".ragft-", ".tmp");
      try {
        try (Writer w = human(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
          result = body.write(w);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | UncheckedIOException e) {
      // The reason, and the file the user named: never the temporary file beside it.
      throw new BadInputException(Location.ofFile(out), "cannot write: " + IoReason.of(e));
    }
    env().err().println("ragft: wrote " + out);
    return result;
  }
}
