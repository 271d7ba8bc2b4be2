package dev.ragft.cli;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.input.Problem;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ragft dataset}: check benchmark datasets. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = {
      "Check benchmark datasets (dataset.yaml, corpus, train, eval as .jsonl or .csv).",
      "",
      "Examples:",
      "  ragft dataset validate examples/datasets/acme-support",
    },
    subcommands = {DatasetCommand.Validate.class},
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
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: validate");
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
}
