package dev.ragft.cli;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.export.ExportFormat;
import dev.ragft.bench.export.ExportRules;
import dev.ragft.bench.export.FineTuneExport;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ragft dataset}: check benchmark datasets and export their training pairs. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = {
      "Check benchmark datasets and export their training pairs for fine-tuning.",
      "",
      "A dataset is a folder: dataset.yaml, corpus, train and eval as .jsonl or .csv.",
      "",
      "Examples:",
      "  ragft dataset validate examples/datasets/acme-support",
      "  ragft dataset export-finetune examples/datasets/acme-support \\",
      "      --format openai --out train.jsonl",
    },
    subcommands = {DatasetCommand.Validate.class, DatasetCommand.ExportFinetune.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:validate found problems.",
      "2:Bad usage or bad input.",
      "3:Internal error; rerun with --verbose for the stack trace."
    })
final class DatasetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: validate or export-finetune");
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = {
      "Check a dataset folder; report every problem with file and line.",
      "",
      "Problems: bad JSON or CSV, missing fields, duplicate ids, relevant ids not in",
      "the corpus, unknown tasks, eval cases whose input is also in train, an empty",
      "eval split. Warnings (labels never seen in train, unknown fields) do not fail.",
      "", "Example:", "  ragft dataset validate examples/datasets/acme-support"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:The dataset is valid (warnings allowed).", "1:The dataset has problems.",
          "2:Bad usage, or the folder does not exist.", "3:Internal error; rerun with --verbose for the stack trace."})
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The dataset folder.")
    String dir;

    @Override
    public Integer call() {
      Context ctx = Context.of(spec);
      DatasetReader.Result r = DatasetReader.read(ctx.env().resolve(dir), dir);
      StringBuilder b = new StringBuilder();
      for (Problem p : r.problems()) {
        b.append(p).append('\n');
      }
      for (Problem w : r.warnings()) {
        b.append(w.location()).append(": warning: ").append(w.message()).append('\n');
      }
      Dataset d = r.dataset();
      String warnings = r.warnings().isEmpty() ? "" : ", " + count(r.warnings().size(), "warning");
      if (r.problems().isEmpty()) {
        b.append(d.displayName()).append(": ok (").append(d.info().name()).append(": ")
            .append(count(d.corpus().size(), "document")).append(", ").append(count(d.train().size(), "train example"))
            .append(", ").append(count(d.eval().size(), "eval case")).append(warnings).append(")\n");
      } else {
        b.append(d.displayName()).append(": ").append(count(r.problems().size(), "problem")).append(warnings).append('\n');
      }
      ctx.write(null, b.toString());
      return r.problems().isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static String count(int n, String what) {
      return n + " " + what + (n == 1 ? "" : "s");
    }
  }

  @Command(name = "export-finetune", mixinStandardHelpOptions = true, sortOptions = false, description = {
      "Write a dataset's training pairs (train.jsonl or train.csv) as a fine-tuning",
      "file.",
      "",
      "Formats, one example per line:",
      "  openai    chat JSONL: {\"messages\":[system?, user = input, assistant = output]}",
      "  alpaca    a JSON array of {\"instruction\",\"input\",\"output\"}; instruction is",
      "            --system, or else the task's default instruction",
      "  sharegpt  JSONL: {\"conversations\":[system?, human = input, gpt = output]}",
      "",
      "Before writing, examples with an empty output, exact duplicates (same input and",
      "output) and examples over the token limit (estimated as characters / 4) are",
      "skipped and named with file and line on stderr. Fewer usable pairs than the",
      "framework's floor for fine-tuning (its pairs-floor rule), or fewer examples",
      "than the format's trainer accepts, is a warning. Limits and default",
      "instructions: finetune-export.yaml, shipped with ragft.",
      "",
      "With --validation-split, a seeded share of the pairs goes to a second file named",
      "like --out with .validation before the extension (out.jsonl ->",
      "out.validation.jsonl).",
      "",
      "Examples:",
      "  ragft dataset export-finetune examples/datasets/acme-support \\",
      "      --format openai --system 'You are Acme support.' --out train.jsonl \\",
      "      --validation-split 0.1",
      "  ragft dataset export-finetune my-dataset --format alpaca --task qa \\",
      "      --out qa.json"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:Written (skipped examples and warnings allowed).",
          "2:Bad usage or bad input: no dataset, no train file, no usable pair.",
          "3:Internal error; rerun with --verbose for the stack trace."})
  static final class ExportFinetune implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The dataset folder.")
    String dir;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "openai, alpaca or sharegpt.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write ('-' for stdout).")
    String out;

    @Option(names = "--system", paramLabel = "PROMPT",
        description = "A system prompt for every example (alpaca: the instruction).")
    String system;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "all",
        description = "qa, classification or all (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--validation-split", paramLabel = "FRACTION",
        description = "Share of the pairs for a validation file, between 0 and 1 (e.g. 0.1).")
    Double validationSplit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
        description = "Seed of the validation split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin FrameworkOption frameworkOption = new FrameworkOption();

    @Override
    public Integer call() {
      return new Export(this).call();
    }

    /**
     * The work of the command, apart from it: picocli reflects on the command's own methods,
     * which would load the export classes at every start-up (recommend and score stay light).
     */
    private static final class Export {
      private final ExportFinetune c;

      Export(ExportFinetune c) {
        this.c = c;
      }

      Integer call() {
        ExportFormat fmt = format();
        Set<Task> tasks = tasks();
        Optional<String> prompt = systemPrompt();
        if (c.validationSplit != null && !(c.validationSplit > 0 && c.validationSplit < 1)) {
          throw new CommandLine.ParameterException(c.spec.commandLine(), String.format(Locale.ROOT,
              "--validation-split: %s is out of range; expected a fraction between 0 and 1, e.g. 0.1", c.validationSplit));
        }
        if (c.validationSplit != null && c.out.equals("-")) {
          throw new CommandLine.ParameterException(c.spec.commandLine(),
              "--validation-split writes two files; give --out a file name, not '-'");
        }
        Context ctx = Context.of(c.spec);
        ctx.reads(DatasetReader.files(ctx.env().resolve(c.dir)));
        DatasetReader.Result read = DatasetReader.read(ctx.env().resolve(c.dir), c.dir);
        String display = read.dataset().displayName();
        if (!Files.exists(ctx.env().resolve(c.dir).resolve("train.jsonl"))
            && !Files.exists(ctx.env().resolve(c.dir).resolve("train.csv"))) {
          throw new BadInputException(Location.ofFile(display + "/train.jsonl"),
              "file not found (train.jsonl or train.csv); the training pairs are exported from it");
        }
        ExportRules rules = ExportRules.builtIn();
        FineTuneExport.Plan plan = FineTuneExport.plan(read, tasks, prompt, rules,
            FineTuneExport.floor(c.frameworkOption.load(ctx.env())));
        if (c.validationSplit != null && plan.pairs().size() < 2) {
          throw new BadInputException(Location.ofFile(display + "/train.jsonl"), "--validation-split needs at least 2"
              + " usable pairs, found " + plan.pairs().size());
        }
        FineTuneExport.Split split = c.validationSplit == null ? new FineTuneExport.Split(plan.pairs(), List.of())
            : FineTuneExport.split(plan.pairs(), c.validationSplit, c.seed);
        String trainOut = c.out.equals("-") ? "stdout" : c.out;
        List<Problem> warnings = new ArrayList<>(plan.warnings());
        FineTuneExport.tooFewForTrainer(fmt, split.train().size(), trainOut, rules).ifPresent(warnings::add);
        PrintWriter err = ctx.env().err();
        plan.skipped().forEach(s -> err.println(s));
        warnings.forEach(w -> err.println(w.location() + ": warning: " + w.message()));
        ctx.write(c.out, fmt.render(split.train(), prompt, rules));
        String written = count(split.train().size(), "pair") + " to " + trainOut;
        if (c.validationSplit != null) {
          String validationOut = FineTuneExport.validationName(c.out);
          ctx.write(validationOut, fmt.render(split.validation(), prompt, rules));
          written += " and " + split.validation().size() + " to " + validationOut;
        }
        String skipped = plan.skipped().isEmpty() ? "skipped 0"
            : "skipped " + plan.skipped().size() + " (" + plan.skipCounts() + ")";
        err.println("export-finetune: wrote " + written + " (" + fmt.id() + "); " + skipped + "; "
            + count(warnings.size(), "warning"));
        err.flush();
        return ExitCode.OK;
      }

      private ExportFormat format() {
        return Arrays.stream(ExportFormat.values()).filter(f -> f.id().equals(c.format.strip().toLowerCase(Locale.ROOT)))
            .findFirst().orElseThrow(() -> new CommandLine.ParameterException(c.spec.commandLine(), "--format: unknown format '"
                + c.format + "'; expected one of " + String.join(", ", Arrays.stream(ExportFormat.values()).map(ExportFormat::id)
                .toList())));
      }

      private Set<Task> tasks() {
        if (c.task.strip().equalsIgnoreCase("all")) {
          return EnumSet.allOf(Task.class);
        }
        return Task.of(c.task).map(t -> (Set<Task>) EnumSet.of(t)).orElseThrow(() -> new CommandLine.ParameterException(
            c.spec.commandLine(), "--task: unknown task '" + c.task + "'; expected one of " + Task.ids() + ", all"));
      }

      private Optional<String> systemPrompt() {
        if (c.system == null) {
          return Optional.empty();
        }
        if (c.system.isBlank()) {
          throw new CommandLine.ParameterException(c.spec.commandLine(), "--system: the prompt must not be blank");
        }
        return Optional.of(c.system);
      }

      private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
      }
    }
  }
}
