package dev.ragft.cli;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.report.CasesCsv;
import dev.ragft.bench.report.JunitXml;
import dev.ragft.bench.report.Provenance;
import dev.ragft.bench.report.SummaryJson;
import dev.ragft.bench.report.SummaryTable;
import dev.ragft.bench.retrieval.RetrieverKind;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchService;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.DenseOptions;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.train.ClassifierKind;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ragft bench}: measures RAG, the fine-tune proxy and the hybrid on a dataset. Thin on
 * purpose: the bench classes (and Lucene with them) load only when this command runs.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark RAG, a fine-tuned model (offline proxy) and the hybrid on a dataset.",
      "",
      "Offline, per slice (all cases, each task, each tag), side by side, with the",
      "winner marked: exact match and token F1, accuracy and macro-F1, Recall@k,",
      "MRR@10, nDCG@10, citation correctness, latency p50/p95. Each result is logged",
      "as it completes (cases.jsonl), so an interrupted run continues with --resume.",
      "",
      "Examples:",
      "  ragft bench examples/datasets/acme-support",
      "  ragft bench my-dataset --approach rag,hybrid --top-k 10",
      "  ragft bench my-dataset --retriever hybrid --classifier embeddings",
      "  ragft bench my-dataset --report-dir target/bench \\",
      "              --fail-under rag.qa.f1=0.6 --fail-under hybrid.accuracy=0.8",
      "  ragft bench my-dataset --report-dir target/bench --resume",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success; every gate passed.",
      "1:A --fail-under gate failed (each failed gate is printed).",
      "2:Bad usage or bad input; the message names file, line and the valid values.",
      "3:Internal error; rerun with --verbose for the stack trace."
    })
final class BenchCommand implements Callable<Integer> {
  private static final String LOG = "cases.jsonl";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "A dataset folder (dataset.yaml, corpus, train, eval).")
  String dir;

  @Option(names = "--approach", split = ",", paramLabel = "A", defaultValue = "rag,fine-tune,hybrid",
      description = "Approaches to compare, comma-separated: rag, fine-tune, hybrid (default: all three).")
  List<String> approaches;

  @Option(names = "--top-k", paramLabel = "N", defaultValue = "5",
      description = "Passages the reader sees, and the k of Recall@k, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(names = "--retriever", paramLabel = "R", defaultValue = "bm25",
      description = "How retrieval ranks passages and labelled examples: bm25, dense (sentence embeddings,"
          + " all-MiniLM-L6-v2 in process) or hybrid (both, reciprocal-rank fusion) (default: ${DEFAULT-VALUE}).")
  String retriever;

  @Option(names = "--rrf-k", paramLabel = "N", defaultValue = "60",
      description = "The k of reciprocal-rank fusion for --retriever hybrid: each ranking adds 1/(k + rank)"
          + " (default: ${DEFAULT-VALUE}).")
  int rrfK;

  @Option(names = "--classifier", paramLabel = "C", defaultValue = "ngrams",
      description = "What the fine-tune proxy's classifier reads: ngrams (hashed word n-grams) or embeddings"
          + " (sentence embeddings, a linear probe) (default: ${DEFAULT-VALUE}).")
  String classifier;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed for training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Write summary.json, junit.xml, cases.csv and the results log cases.jsonl into DIR.")
  String reportDir;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the JUnit XML report to FILE.")
  String junit;

  @Option(names = "--junit-cases",
      description = "In JUnit XML, one test case per eval case as well as one per gate.")
  boolean junitCases;

  @Option(names = "--junit-case-pass", paramLabel = "SCORE", defaultValue = "0.5",
      description = "With --junit-cases, the least case score that passes: token F1 for questions, 1 for a right label,"
          + " 0 to 1 (default: ${DEFAULT-VALUE}).")
  double junitCasePass;

  @Option(names = "--fail-under", paramLabel = "METRIC=VALUE",
      description = "A gate, APPROACH.SLICE.METRIC=VALUE (e.g. rag.qa.f1=0.6; slice 'all' when left out). Repeatable.")
  List<String> failUnder = new ArrayList<>();

  @Option(names = "--resume", description = "Keep the results already in the results log and run only the rest.")
  boolean resume;

  @Option(names = "--no-timing", description = "Do not measure latency, so that reports are byte-identical across runs.")
  boolean noTiming;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "What to print: text (the table) or json (summary.json) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = ".ragft-cache",
      description = "Where large indexes, embeddings and the results log (without --report-dir) are kept"
          + " (default: ${DEFAULT-VALUE}).")
  String cacheDir;

  enum Format { text, json }

  @Override
  public Integer call() {
    Context ctx = Context.of(spec);
    Env env = ctx.env();
    List<Gate> gates = gates();
    if (rrfK < 0 || rrfK > 10_000) {
      throw usage("--rrf-k: " + rrfK + " is out of range; expected 0 to 10000");
    }
    // Parsed here rather than in methods of their own: picocli reflects on this class's methods,
    // which would load bench types for recommend and score too.
    BenchSettings settings = BenchSettings.of(approaches(), topK, seed, !noTiming).withDense(new DenseOptions(
        RetrieverKind.of(retriever.strip()).orElseThrow(() -> usage("--retriever: unknown retriever '"
            + retriever.strip() + "'; expected one of " + RetrieverKind.ids())),
        rrfK,
        ClassifierKind.of(classifier.strip()).orElseThrow(() -> usage("--classifier: unknown classifier '"
            + classifier.strip() + "'; expected one of " + ClassifierKind.ids()))));
    DatasetReader.Result read = DatasetReader.read(env.resolve(dir), dir);
    List<String> warnings = new ArrayList<>();
    for (Problem w : read.warnings()) {
      warnings.add(w.toString());
      env.err().println("ragft: warning: " + w);
    }
    Dataset dataset = read.orThrow();
    BenchService.checkRunnable(dataset, settings);
    Optional<Path> reports = Optional.ofNullable(reportDir).map(r -> writableFolder(env, r));
    Path cache = env.resolve(cacheDir);
    Path log = reports.map(r -> r.resolve(LOG)).orElse(cache.resolve("runs").resolve(dataset.contentHash()).resolve(LOG));
    String logName = reportDir != null ? join(reportDir, LOG) : join(cacheDir, "runs/" + dataset.contentHash() + "/" + LOG);
    ProgressBar bar = new ProgressBar(env);
    BenchService.Outcome outcome = BenchService.run(
        new BenchService.Request(dataset, settings, log, logName, resume, Optional.of(cache), warnings),
        System::nanoTime, bar::advance); // a method reference: verifying this class loads no bench type
    bar.finish();
    if (outcome.resumed() > 0) {
      env.err().println("ragft: resumed " + outcome.resumed() + " results from " + logName);
    }
    List<Gate.Result> results = new ArrayList<>();
    for (Gate g : gates) {
      try {
        results.add(g.check(outcome.summary()));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--fail-under " + e.getMessage());
      }
    }
    Provenance provenance = new Provenance(RagftCommand.version(), dataset.contentHash());
    String json = SummaryJson.render(outcome.summary(), results, provenance);
    if (reportDir != null) {
      ctx.write(join(reportDir, "summary.json"), json);
      ctx.write(join(reportDir, "cases.csv"), CasesCsv.render(dataset.eval(), settings, outcome.results()));
    }
    if (reportDir != null || junit != null) {
      String xml = JunitXml.render(outcome.summary(), results, dataset.eval(), outcome.results(),
          new JunitXml.Options(junitCases, junitCasePass), provenance);
      if (reportDir != null) {
        ctx.write(join(reportDir, "junit.xml"), xml);
      }
      if (junit != null) {
        ctx.write(junit, xml);
      }
    }
    ctx.write(null, format == Format.json ? json : SummaryTable.render(outcome.summary(), results, ctx.color(false)));
    int failed = 0;
    for (Gate.Result r : results) {
      if (!r.passed()) {
        failed++;
        env.err().println("ragft: gate failed: " + r.gate().describe(r));
      }
    }
    return failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  private List<Gate> gates() {
    List<Gate> out = new ArrayList<>();
    for (String g : failUnder) {
      try {
        out.add(Gate.parse(g));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--fail-under " + e.getMessage());
      }
    }
    return out;
  }

  private List<ApproachId> approaches() {
    List<ApproachId> out = new ArrayList<>();
    for (String a : approaches) {
      ApproachId id = ApproachId.of(a.strip()).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
          "--approach: unknown approach '" + a.strip() + "'; expected one of " + ApproachId.ids()));
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    if (!(junitCasePass >= 0 && junitCasePass <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--junit-case-pass: " + junitCasePass + " is out of range; expected 0 to 1");
    }
    if (topK < 1 || topK > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top-k: " + topK + " is out of range; expected 1 to 100");
    }
    return out;
  }

  /** A usage error about one option (the message starts with the option's name). */
  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** The report folder, created; a folder that cannot be written is bad input, found before the run. */
  private static Path writableFolder(Env env, String given) {
    Path p = env.resolve(given);
    try {
      Files.createDirectories(p);
      Path probe = Files.createTempFile(p, ".ragft-", ".probe");
      Files.delete(probe);
      return p;
    } catch (IOException | SecurityException e) {
      throw new BadInputException(Location.ofFile(given), "cannot write the report folder: " + e.getMessage());
    }
  }

  private static String join(String folder, String file) {
    return folder.endsWith("/") ? folder + file : folder + "/" + file;
  }
}
