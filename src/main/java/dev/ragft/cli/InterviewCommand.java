package dev.ragft.cli;

import dev.ragft.decision.Answers;
import dev.ragft.advice.Advisor;
import dev.ragft.framework.Framework;
import dev.ragft.report.RecommendationFormat;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.interview.PlainPrompter;
import dev.ragft.interview.Prompter;
import dev.ragft.interview.UseCaseFile;
import dev.ragft.report.Options;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ragft interview}: the framework's questions, one at a time, then the recommendation.
 *
 * <p>Which form the interview takes depends on standard input, not on stdout: the arrow-key form
 * runs when the process's own stdin is a terminal (so {@code ragft interview --format json >
 * out.json} is still interactive, drawn on stderr) and neither {@code TERM=dumb} nor {@code CI}
 * is set; otherwise answers are read line by line, as from a script. An input stream handed to
 * {@link Main#run} (tests, embedding) is always read as lines.
 */
@Command(
    name = "interview",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Answer the questions one at a time and get the recommendation.",
      "",
      "The framework's questions, then the recommendation with the reasons, the stack",
      "and a rollout plan, and the answers saved as a use-case file.",
      "",
      "On a terminal: first the use case's name (unless --name, --id or --resume),",
      "and the offer to continue a draft left in the folder; then arrow keys and",
      "Enter, digits as shortcuts, ? for help, b or Backspace to go back, and a review",
      "of every answer before you confirm. Ctrl-C or Ctrl-D saves the answers so far",
      "to a draft; --resume continues from it. A save that fails leaves the answers",
      "in a draft in the working folder (or the temporary folder), named on stderr.",
      "",
      "Without a terminal (piped stdin, CI, TERM=dumb) each line of stdin answers the",
      "next question, with a choice's number or id, in the framework's order (for",
      "b2b-2026: freshness, task, auditability, training-pairs, latency, volume; an",
      "empty line, or the end of input, leaves the optional volume out). Prompts go",
      "to stderr, the report to stdout.",
      "",
      "Examples:",
      "  ragft interview",
      "  ragft interview --save sla-answers.yaml --name \"SLA answers\"",
      "  ragft interview --resume interview.draft.yaml",
      "  printf 'daily\\nlookup\\nregulated\\n0\\ninteractive\\n500\\n' \\",
      "    | ragft interview --format json",
      "  ragft interview --format html --out recommendation.html",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "2:Bad usage or bad input (in a script: the input ended before a required answer).",
      "3:Internal error; rerun with --verbose for the stack trace.",
      "130:Stopped (Ctrl-C, Ctrl-D, a signal, a closed terminal); the answers so far are in the draft file named on stderr."
    })
final class InterviewCommand implements Callable<Integer> {
  private static final String DEFAULT_ID = "interview";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin FrameworkOption framework;

  @Mixin PricesOption prices;

  @Option(names = "--save", paramLabel = "FILE", description = "Save the answers as a use-case YAML file without asking (read by recommend and score).")
  String save;

  @Option(names = "--resume", paramLabel = "FILE", description = "Continue from a draft (or change a use-case file): starts at the first unanswered question.")
  String resume;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown, json or html (a self-contained page that prints to PDF; default: ${DEFAULT-VALUE}).")
  RecommendationFormat format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  String out;

  @Option(names = "--id", paramLabel = "ID", description = "The use case's id (default: from --resume, else the --save file's name, else interview).")
  String id;

  @Option(names = "--name", paramLabel = "NAME", description = "The use case's name (default: from --resume, else the id).")
  String name;

  @Override
  public Integer call() throws Exception {
    Context ctx = Context.of(spec);
    Env env = ctx.env();
    Framework f = framework.load(env);
    UseCaseFile.Draft start = start(f, env);
    if (save != null && Files.isDirectory(env.resolve(save))) {
      // Refused before the first question rather than after the last.
      throw new BadInputException(Location.ofFile(save), "--save: a folder; give a file name, such as "
          + Path.of(save).resolve(start.id() + ".yaml"));
    }
    boolean toFile = out != null && !out.equals("-");
    InterviewRun.Settings settings = new InterviewRun.Settings(f, Optional.ofNullable(framework.framework), start,
        Optional.ofNullable(resume), Optional.ofNullable(save), Optional.ofNullable(out), format,
        new Options(false, false, ctx.color(toFile), ctx.unicode(toFile), RagftCommand.version()), "stdin", new Advisor(f, prices.load(env, f)),
        name == null && id == null && resume == null);
    InterviewRun run = new InterviewRun(env, (path, content) -> ctx.write(path.orElse(null), content));
    if (env.in() != System.in) {
      return interview(run, settings, env); // a stream handed to Main.run: no process of our own to watch
    }
    // Ctrl-C in the plain form, SIGTERM, or a terminal closed mid-interview: the answers so far still go to a draft.
    Thread onSignal = new Thread(() -> run.stoppedFromOutside(settings), "ragft-interview-draft");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      return interview(run, settings, env);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it saves the draft
      }
    }
  }

  private Integer interview(InterviewRun run, InterviewRun.Settings settings, Env env) throws IOException {
    if (wantsTerminal(env)) {
      Optional<Integer> onTerminal = JlinePrompter.runOnSystemTerminal(run, settings, colorAllowed(env));
      if (onTerminal.isPresent()) {
        return onTerminal.get();
      }
    }
    BufferedReader lines = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
    return run.run(settings, new PlainPrompter(lines, env.err(), "stdin", InterviewRun.parser(settings.framework())));
  }

  /** The use case the interview fills in: from --resume if given, with --id and --name on top. */
  private UseCaseFile.Draft start(Framework f, Env env) {
    UseCaseFile.Draft from = resume == null
        ? new UseCaseFile.Draft("", "", "", new Answers(java.util.Map.of()))
        : UseCaseFile.readPartial(env.resolve(resume), resume, f);
    String useCaseId = id != null ? id : !from.id().isEmpty() ? from.id() : idFromSave().orElse(DEFAULT_ID);
    if (!UseCaseFile.ID.matcher(useCaseId).matches()) {
      throw new BadInputException(Location.ofFile("--id"), "'" + useCaseId
          + "' is not a valid id; use letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    String useCaseName = name != null ? name : !from.name().isEmpty() && id == null ? from.name() : useCaseId;
    if (useCaseName.isBlank()) {
      throw new BadInputException(Location.ofFile("--name"), "must not be blank");
    }
    return new UseCaseFile.Draft(useCaseId, useCaseName, from.description(), from.answers(), from.skipped());
  }

  /** {@code --save support-bot.yaml} names the use case support-bot. */
  private Optional<String> idFromSave() {
    if (save == null) {
      return Optional.empty();
    }
    String file = Path.of(save).getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return UseCaseFile.ID.matcher(file).matches() ? Optional.of(file) : Optional.empty();
  }

  /** The arrow-key form needs the process's own stdin; TERM=dumb and CI ask for plain lines. */
  private static boolean wantsTerminal(Env env) {
    String ci = env.vars().getOrDefault("CI", "false");
    boolean inCi = !ci.equalsIgnoreCase("false") && !ci.equals("0");
    return env.in() == System.in && !"dumb".equals(env.vars().get("TERM")) && !inCi
        && (env.terminal() || stdinMayBeTerminal());
  }

  /**
   * Whether stdin may be a terminal although stdout is not (ragft interview > report.txt). On
   * Linux /proc tells cheaply when stdin is a pipe or a file, sparing jline's probe; elsewhere
   * jline decides.
   */
  private static boolean stdinMayBeTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/") && !target.equals("/dev/null");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // No /proc (not Linux), a file system without symbolic links, or no permission: jline's
      // own probe decides instead. Nothing here is unfinished; the JDK names these exceptions.
      return true;
    }
  }

  /** Colour on the terminal the interview is drawn on: not with --no-color or NO_COLOR. */
  private boolean colorAllowed(Env env) {
    return !Boolean.TRUE.equals(spec.findOption("--no-color").getValue()) && !env.vars().containsKey("NO_COLOR");
  }
}
