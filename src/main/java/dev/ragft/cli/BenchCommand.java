package dev.ragft.cli;

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
      "1:A --fail-under gate failed (each failed gate is printed).",
      "2:Bad usage or bad input; the message names file, line and the valid values; an endpoint refused the"
          + " request (401, 403, 404) or gave no answer after every attempt.",
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

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Write summary.json, junit.xml, cases.csv, report.md, report.html and the results log"
          + " cases.jsonl into DIR.")
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

  @Option(names = "--resume", description = "Keep the results already in the results log and run only the rest.")
  boolean resume;

  @Option(names = "--no-timing", description = "Do not measure latency, so that reports are byte-identical across runs.")
  boolean noTiming;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "What to print: text (the table), json (summary.json), markdown, html, junit or csv"
          + " (default: ${DEFAULT-VALUE}).")
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

  enum Format { text, json, markdown, html, junit, csv }

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
    Path cache = env.resolve(cacheDir);
    if (dryRun) {
      Prices p = prices.load(env, FrameworkLoader.loadBuiltIn(FrameworkLoader.defaultId())).orElseThrow(() ->
          new BadInputException(Location.ofFile("--prices"), "no price file to cost the tokens with; give --prices FILE"));
      ctx.write(null, DryRunTable.render(DryRun.estimate(dataset, settings, all, p, env.cwd(), Optional.of(cache))));
      return ExitCode.OK;
    }
    Optional<Online> online = Online.open(all, env.vars(), env.cwd(),
        noCache ? Optional.empty() : Optional.of(cache.resolve("llm")), seed, System::nanoTime);
    String banner = Online.banner(online, noCache ? "" : join(cacheDir, "llm"));
    if (!banner.isEmpty()) {
      env.err().println("ragft: " + banner);
    }
    BenchService.checkRunnable(dataset, settings, online);
    Optional<Path> reports = Optional.ofNullable(reportDir).map(r -> writableFolder(env, r));
    Path log = reports.map(r -> r.resolve(LOG)).orElse(cache.resolve("runs").resolve(dataset.contentHash()).resolve(LOG));
    String logName = reportDir != null ? join(reportDir, LOG) : join(cacheDir, "runs/" + dataset.contentHash() + "/" + LOG);
    ProgressBar bar = new ProgressBar(env);
    BenchService.Outcome outcome = BenchService.run(
        new BenchService.Request(dataset, settings, log, logName, resume, Optional.of(cache), warnings, online),
        System::nanoTime, bar);
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
    // Every report, the printed one too, renders from what summary.json holds, so rendering the folder later
    // (BenchReports.render) gives the same bytes.
    BenchResult result = BenchReports.ofRun(json, dataset.eval(), outcome.results());
    BenchReports.Options options = new BenchReports.Options(ctx.color(false), junitCases, junitCasePass);
    BenchReports.Options toFile = new BenchReports.Options(false, junitCases, junitCasePass);
    if (reportDir != null) {
      for (BenchFormat f : List.of(BenchFormat.JSON, BenchFormat.CSV, BenchFormat.JUNIT, BenchFormat.MARKDOWN,
          BenchFormat.HTML)) {
        ctx.write(join(reportDir, f.fileName()), BenchReports.render(result, f, toFile));
      }
    }
    if (junit != null) {
      ctx.write(junit, BenchReports.render(result, BenchFormat.JUNIT, toFile));
    }
    if (markdown != null) {
      ctx.write(markdown, BenchReports.render(result, BenchFormat.MARKDOWN, toFile));
    }
    if (html != null) {
      ctx.write(html, BenchReports.render(result, BenchFormat.HTML, toFile));
    }
    ctx.write(null, BenchReports.render(result, BenchFormat.of(format.name()).orElseThrow(), options));
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
