package dev.ragft.cli;

import dev.ragft.input.IoReason;
import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.llm.BenchConfig;
import dev.ragft.bench.llm.ConfigReader;
import dev.ragft.bench.llm.EndpointConfig;
import dev.ragft.bench.llm.Online;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.report.BenchFormat;
import dev.ragft.bench.report.BenchReports;
import dev.ragft.bench.report.BenchResult;
import dev.ragft.bench.report.DryRunTable;
import dev.ragft.bench.report.Provenance;
import dev.ragft.bench.report.SummaryJson;
import dev.ragft.bench.retrieval.RetrieverKind;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchService;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.DenseOptions;
import dev.ragft.bench.run.DryRun;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.train.ClassifierKind;
import dev.ragft.cost.Prices;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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
      "With a ragft.yaml (or --config FILE, or RAGFT_BASE_URL and RAGFT_RAG_MODEL /",
      "RAGFT_FT_MODEL), rag and fine-tune call real models behind an OpenAI-compatible",
      "endpoint; the API key comes only from an environment variable (default",
      "OPENAI_API_KEY). Replies are cached under --cache-dir/llm; --dry-run estimates",
      "tokens and cost without calling anything. Your own search service (retriever:,",
      "with --retriever http), RAG endpoint (rag.endpoint:) and embeddings endpoint",
      "(embeddings:) go in the same file; see docs/endpoints.md.",
      "",
      "Examples:",
      "  ragft bench examples/datasets/acme-support",
      "  ragft bench my-dataset --approach rag,hybrid --top-k 10",
      "  ragft bench my-dataset --retriever hybrid --classifier embeddings",
      "  ragft bench my-dataset --report-dir target/bench \\",
      "              --fail-under rag.qa.f1=0.6 --fail-under hybrid.accuracy=0.8",
      "  ragft bench my-dataset --report-dir target/bench --resume",
      "  ragft bench my-dataset --no-timing --markdown summary.md --html report.html",
      "  ragft bench my-dataset --config ragft.yaml --dry-run",
      "  ragft bench my-dataset --retriever http --approach rag,hybrid",
      "  OPENAI_API_KEY=... ragft bench my-dataset --approach rag,fine-tune",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success; every gate passed.",
      "1:A --fail-under gate failed, or could not be checked (each such gate is printed).",
      "2:Bad usage or bad input; the message names file, line and the valid values; an endpoint refused the"
          + " request (401, 403, 404) or gave no answer after every attempt.",
      "3:Internal error; rerun with --verbose for the stack trace."
    })
final class BenchCommand implements Callable<Integer> {
  private static final String LOG = "cases.jsonl";
  /** The results log of a run in a report folder until the run completes; then it is {@link #LOG}. */
  private static final String PARTIAL_LOG = "cases.partial.jsonl";

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
          + " all-MiniLM-L6-v2 in process), hybrid (both, reciprocal-rank fusion) or http (your search service,"
          + " retriever: in ragft.yaml) (default: ${DEFAULT-VALUE}).")
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

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
      description = "Resamples of the paired bootstrap over eval cases behind every interval (95 per cent); a winner is named only"
          + " where its lead's interval excludes zero. 0 for no intervals, at most 100000 (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--score", paramLabel = "METRIC", defaultValue = "fact-f1",
      description = "What a question's score is: fact-f1 (token F1, 0 when a figure of the expected answer is"
          + " missing), f1, em, similarity (needs --embedding-metrics) or judge-correctness (needs judge.model in"
          + " ragft.yaml); a label scores 1 or 0 (default: ${DEFAULT-VALUE}).")
  String score;

  @Option(names = "--embedding-metrics",
      description = "Also measure answer similarity and context recall by sentence embeddings (all-MiniLM-L6-v2, in"
          + " process; slower).")
  boolean embeddingMetrics;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Write summary.json, junit.xml, cases.csv, slices.csv, report.md, report.html and the results"
          + " log cases.jsonl into DIR.")
  String reportDir;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the JUnit XML report to FILE.")
  String junit;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write the Markdown report (under 65,000 characters: a pull-request comment, a CI job summary)"
          + " to FILE.")
  String markdown;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the HTML report (one self-contained page with charts; prints to PDF) to FILE.")
  String html;

  @Option(names = "--junit-cases",
      description = "In JUnit XML, one test case per eval case as well as one per gate.")
  boolean junitCases;

  @Option(names = "--junit-case-pass", paramLabel = "SCORE", defaultValue = "0.5",
      description = "The least case score that passes, 0 to 1 (" + MetricId.SCORE_MEANING + "); per-case"
          + " test cases of --junit-cases fail below it, and the Markdown and HTML reports list the cases below it"
          + " (default: ${DEFAULT-VALUE}).")
  double junitCasePass;

  @Option(names = "--fail-under", paramLabel = "METRIC=VALUE",
      description = "A gate, APPROACH.SLICE.METRIC=VALUE (e.g. rag.qa.f1=0.6; slice 'all' when left out). Repeatable.")
  List<String> failUnder = new ArrayList<>();

  @Option(names = "--allow-unmeasured",
      description = "Let a --fail-under gate pass when the run did not measure its metric (an approach that did not"
          + " run, a metric its slice lacks); it fails by default.")
  boolean allowUnmeasured;

  @Option(names = "--strict",
      description = "Refuse a dataset with an eval case whose input is also in train (by default such cases are left"
          + " out of the evaluation, counted and named in a warning).")
  boolean strict;

  @Option(names = "--resume", description = "Keep the results already in the results log and run only the rest.")
  boolean resume;

  @Option(names = "--no-timing", description = "Do not measure latency, so that reports are byte-identical across runs.")
  boolean noTiming;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "What to print: text (the table), json (summary.json), markdown, html, junit, csv (per case)"
          + " or slices (per slice and metric, with intervals) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = ".ragft-cache",
      description = "Where large indexes, embeddings and the results log (without --report-dir) are kept"
          + " (default: ${DEFAULT-VALUE}).")
  String cacheDir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Endpoint settings (default: ragft.yaml in the working folder, when there is one).")
  String config;

  @Option(names = "--offline", description = "Ignore ragft.yaml and the RAGFT_* variables: run the offline approaches only.")
  boolean offline;

  @Option(names = "--no-cache", description = "Neither read nor write the response cache: call the endpoint for every case.")
  boolean noCache;

  @Option(names = "--dry-run",
      description = "Estimate the tokens and cost of running against the endpoint's models, without calling anything.")
  boolean dryRun;

  @CommandLine.Mixin PricesOption prices = new PricesOption();

  enum Format { text, json, markdown, html, junit, csv, slices }

  @Override
  public Integer call() {
    Context ctx = Context.of(spec);
    List<String> onStdout = new ArrayList<>(List.of("the printed report (--format " + format + ")"));
    for (String[] o : new String[][] {{"--junit", junit}, {"--markdown", markdown}, {"--html", html}}) {
      if ("-".equals(o[1])) {
        onStdout.add(o[0] + " -");
      }
    }
    Context.oneOutputOnStdout(spec, onStdout);
    MetricId questionScore = score.strip().equals("fact-f1") ? MetricId.SCORE : MetricId.of(score.strip())
        .filter(BenchSettings.QUESTION_SCORES::contains).orElseThrow(() -> usage("--score: unknown '" + score.strip()
            + "'; expected one of fact-f1, f1, em, similarity, judge-correctness"));
    if (questionScore == MetricId.SIMILARITY && !embeddingMetrics) {
      throw usage("--score similarity needs --embedding-metrics (similarity is measured with sentence embeddings)");
    }
    Env env = ctx.env();
    List<Gate> gates = gates();
    if (bootstrap < 0 || bootstrap > 100_000) {
      throw usage("--bootstrap: " + bootstrap + " is out of range; expected 0 to 100000");
    }
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
            + classifier.strip() + "'; expected one of " + ClassifierKind.ids())))).withBootstrap(bootstrap)
        .withAnswerMetrics(embeddingMetrics, questionScore);
    ctx.reads(DatasetReader.files(env.resolve(dir)));
    DatasetReader.Result read = DatasetReader.read(env.resolve(dir), dir, strict);
    List<String> warnings = new ArrayList<>();
    for (Problem w : read.warnings()) {
      warnings.add(w.toString());
    }
    if (!read.problems().isEmpty()) {
      return refuse(env, read.problems(), warnings); // the cause first, then what the warnings add
    }
    Dataset dataset = read.dataset();
    if (offline && config != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--offline and --config exclude each other");
    }
    BenchConfig all = offline ? BenchConfig.OFFLINE
        : ConfigReader.readAll(Optional.ofNullable(config), env.cwd(), env.vars());
    if (settings.dense().retriever() == RetrieverKind.HTTP && all.retriever().isEmpty()) {
      throw usage("--retriever http: no retriever: section in " + (config == null ? "ragft.yaml" : config)
          + (offline ? " (--offline ignores it)" : "") + "; see examples/endpoints/");
    }
    if (settings.dense().retriever() != RetrieverKind.HTTP) {
      all = all.withoutRetriever();
    }
    Optional<EndpointConfig> endpoint = all.chat();
    if (all.embeddings().isPresent()) {
      settings = settings.withDense(settings.dense().withEmbeddingModel(all.embeddings().get().model()));
    }
    String cacheShown = cacheDir;
    Path cache = env.resolve(cacheDir);
    Optional<String> unusable = unwritable(cache);
    if (unusable.isPresent()) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--cache-dir")) {
        throw new BadInputException(Location.ofFile(cacheDir), "cannot write the cache folder: " + unusable.get()
            + "; give --cache-dir a folder you can write");
      }
      String tmp = env.vars().getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir"));
      Path fallback = Path.of(tmp).resolve("ragft-cache");
      Optional<String> also = unwritable(fallback);
      if (also.isPresent()) {
        throw new BadInputException(Location.ofFile(cacheDir), "cannot write the cache folder: " + unusable.get()
            + ", nor " + fallback + ": " + also.get() + "; give --cache-dir a folder you can write");
      }
      env.err().println("ragft: warning: " + cacheDir + ": cannot write the cache folder (" + unusable.get()
          + "); using " + fallback + " instead (--cache-dir DIR chooses another)");
      cache = fallback;
      cacheShown = fallback.toString();
    }
    if (dryRun) {
      warnings.forEach(w -> env.err().println("ragft: warning: " + w));
      endpoint.ifPresent(e -> env.err().println("ragft: endpoint " + e.displayUrl() + " " + Online.origin(e)
          + ": a dry run, nothing is called"));
      Prices p = prices.load(env, FrameworkLoader.loadBuiltIn(FrameworkLoader.defaultId())).orElseThrow(() ->
          new BadInputException(Location.ofFile("--prices"), "no price file to cost the tokens with; give --prices FILE"));
      ctx.write(null, DryRunTable.render(DryRun.estimate(dataset, settings, all, p, env.cwd(), Optional.of(cache))));
      return ExitCode.OK;
    }
    Optional<Online> online = Online.open(all, env.vars(), env.cwd(),
        noCache ? Optional.empty() : Optional.of(cache.resolve("llm")), seed, System::nanoTime);
    String banner = Online.banner(online, noCache ? "" : join(cacheShown, "llm"));
    if (!banner.isEmpty()) {
      env.err().println("ragft: " + banner);
    }
    try {
      BenchService.checkRunnable(dataset, settings, online);
    } catch (BadInputException e) {
      return refuse(env, e.problems(), warnings);
    }
    warnings.forEach(w -> env.err().println("ragft: warning: " + w));
    Optional<Path> reports = Optional.ofNullable(reportDir).map(r -> writableFolder(env, r));
    reports.ifPresent(r -> ReportSet.recover(r, reportDir));
    // In a report folder the run logs beside the earlier run's complete set, which it replaces only
    // when it completes (ReportSet); --resume continues the log of an interrupted run, or that set's.
    Path log = reports.map(r -> r.resolve(PARTIAL_LOG))
        .orElse(cache.resolve("runs").resolve(dataset.contentHash()).resolve(LOG));
    String logName = reportDir == null ? join(cacheShown, "runs/" + dataset.contentHash() + "/" + LOG)
        : resume && continueFrom(reports.get()) ? join(reportDir, LOG) : join(reportDir, PARTIAL_LOG);
    Optional<ReportSet> set = reports.map(r -> new ReportSet(r, reportDir));
    ProgressBar bar = new ProgressBar(env);
    AtomicInteger done = new AtomicInteger();
    Thread onSignal = new Thread(() -> {
      set.ifPresent(ReportSet::stop);
      bar.finish();
      if (set.isPresent() && set.get().committed()) {
        env.err().println("ragft: bench interrupted after writing its reports into " + reportDir);
      } else {
        env.err().println("ragft: bench interrupted; " + done.get() + " results are kept in " + logName
            + "; continue with:\n  " + resumeLine());
      }
      env.err().flush();
    }, "ragft-bench-interrupted");
    // Only a process of our own (not a stream handed to Main.run) is interrupted by a signal.
    boolean watch = env.in() == System.in;
    if (watch) {
      Runtime.getRuntime().addShutdownHook(onSignal);
    }
    try {
      return new Reporting(this, ctx, set).run(dataset, settings, log, logName, cache, warnings, online, gates,
          (n, total) -> {
            done.set(n);
            bar.advance(n, total);
          }, bar);
    } finally {
      if (watch) {
        try {
          Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: it printed the way to continue
        }
      }
    }
  }

  /**
   * The run and its reports. A class of its own: picocli reflects on the command's methods, whose
   * bench types would then load for every command.
   */
  private static final class Reporting {
    private final BenchCommand c;
    private final Context ctx;
    private final Optional<ReportSet> set;

    Reporting(BenchCommand c, Context ctx, Optional<ReportSet> set) {
      this.c = c;
      this.ctx = ctx;
      this.set = set;
    }

    int run(Dataset dataset, BenchSettings settings, Path log, String logName, Path cache,
        List<String> warnings, Optional<Online> online, List<Gate> gates,
        dev.ragft.bench.run.Progress progress, ProgressBar bar) {
      Env env = ctx.env();
      // The cases advance through progress; indexing and embedding before them go to the bar.
      dev.ragft.bench.run.Progress both = new dev.ragft.bench.run.Progress() {
        @Override
        public void advance(int done, int total) {
          progress.advance(done, total);
        }

        @Override
        public void task(String what, long done, long total) {
          bar.task(what, done, total);
        }
      };
      BenchService.Outcome outcome = BenchService.run(
          new BenchService.Request(dataset, settings, log, logName, c.resume, Optional.of(cache), warnings, online),
          System::nanoTime, both);
      bar.finish();
      for (Problem p : outcome.dropped()) {
        env.err().println("ragft: warning: " + p);
      }
      if (outcome.resumed() > 0) {
        env.err().println("ragft: resumed " + outcome.resumed() + " results from " + logName);
      }
      List<Gate.Result> results = new ArrayList<>();
      for (Gate g : gates) {
        try {
          results.add(g.check(outcome.summary(), c.allowUnmeasured));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(c.spec.commandLine(), "--fail-under " + e.getMessage());
        }
      }
      Provenance provenance = new Provenance(RagftCommand.version(), dataset.contentHash());
      String json = SummaryJson.render(outcome.summary(), results, provenance);
      // Every report, the printed one too, renders from what summary.json holds, so rendering the folder later
      // (BenchReports.render) gives the same bytes.
      BenchResult result = BenchReports.ofRun(json, dataset.eval(), outcome.results());
      BenchReports.Options options = new BenchReports.Options(ctx.color(false), c.junitCases, c.junitCasePass);
      BenchReports.Options toFile = new BenchReports.Options(false, c.junitCases, c.junitCasePass);
      if (set.isPresent()) {
        Map<String, String> files = new LinkedHashMap<>();
        for (BenchFormat f : List.of(BenchFormat.JSON, BenchFormat.CSV, BenchFormat.SLICES, BenchFormat.JUNIT,
            BenchFormat.MARKDOWN, BenchFormat.HTML)) {
          files.put(f.fileName(), BenchReports.render(result, f, toFile));
        }
        for (String name : set.get().write(files, Map.of(PARTIAL_LOG, LOG))) {
          if (!name.equals(LOG)) {
            env.err().println("ragft: wrote " + join(c.reportDir, name));
          }
        }
      }
      if (c.junit != null) {
        ctx.write(c.junit, BenchReports.render(result, BenchFormat.JUNIT, toFile));
      }
      if (c.markdown != null) {
        ctx.write(c.markdown, BenchReports.render(result, BenchFormat.MARKDOWN, toFile));
      }
      if (c.html != null) {
        ctx.write(c.html, BenchReports.render(result, BenchFormat.HTML, toFile));
      }
      ctx.write(null, BenchReports.render(result, BenchFormat.of(c.format.name()).orElseThrow(), options));
      int failed = 0;
      for (Gate.Result r : results) {
        if (!r.passed()) {
          failed++;
          env.err().println("ragft: gate failed: " + r.gate().describe(r));
        } else if (r.unmeasured().isPresent()) {
          env.err().println("ragft: warning: gate " + r.gate().describe(r));
        }
      }
      return failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
  }

  /** Bad input: each problem, the cause, first; then the warnings, which may only follow from it. */
  private static int refuse(Env env, List<Problem> problems, List<String> warnings) {
    new ErrorHandler(env.err()).report(new BadInputException(problems));
    warnings.forEach(w -> env.err().println("ragft: warning: " + w));
    return ExitCode.BAD_INPUT;
  }

  /** Why {@code folder} cannot hold the cache, found by creating it and a file in it; empty when it can. */
  private static Optional<String> unwritable(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.delete(Files.createTempFile(folder, ".ragft-", ".probe"));
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of(IoReason.of(e));
    }
  }

  /**
   * --resume into a report folder: the log of the interrupted run, or else a copy of the complete
   * set's log to continue (the set itself stays until this run completes). Returns whether the
   * run continues from the set's log (messages then name it: line numbers are its own).
   */
  private boolean continueFrom(Path reports) {
    Path partial = reports.resolve(PARTIAL_LOG);
    Path complete = reports.resolve(LOG);
    if (Files.exists(partial) || !Files.isRegularFile(complete)) {
      return false;
    }
    try {
      Files.copy(complete, partial);
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(join(reportDir, PARTIAL_LOG)), "cannot write: " + IoReason.of(e));
    }
    return true;
  }

  /** This command line again, with --resume: how to continue an interrupted run. */
  private String resumeLine() {
    List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    if (!args.contains("--resume")) {
      args.add("--resume");
    }
    StringBuilder b = new StringBuilder("ragft");
    for (String a : args) {
      b.append(' ').append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return b.toString();
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
      throw new BadInputException(Location.ofFile(given), "cannot write the report folder: " + IoReason.of(e));
    }
  }

  private static String join(String folder, String file) {
    return folder.endsWith("/") ? folder + file : folder + "/" + file;
  }
}
