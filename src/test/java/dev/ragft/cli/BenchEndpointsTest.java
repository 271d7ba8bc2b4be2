package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.advice.BenchEvidence;
import dev.ragft.bench.llm.FakeChatServer;
import dev.ragft.cost.Measurements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft bench} against a chat-completions server on loopback, end to end through the CLI. */
class BenchEndpointsTest {
  static final String KEY = "sk-SENTINEL-never-written-9f8e7d6c";
  static final String TINY = Path.of("src/test/resources/datasets/tiny").toAbsolutePath().toString();

  final FakeChatServer server;
  final List<Cli> runs = new ArrayList<>();
  @TempDir Path dir;

  BenchEndpointsTest() throws IOException {
    server = new FakeChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void config() throws IOException {
    Files.writeString(dir.resolve("ragft.yaml"), "endpoint:\n  base-url: " + server.baseUrl() + "\n  max-attempts: 2\n"
        + "  backoff-ms: 1\nrag:\n  model: rag-model\n  tier: small-hosted\nfine-tune:\n  model: ft-model\n");
  }

  Cli bench(String... extra) {
    List<String> args = new ArrayList<>(List.of("bench", TINY, "--cache-dir", "cache", "--report-dir", "reports"));
    args.addAll(List.of(extra));
    Cli r = Cli.run(dir, Map.of("OPENAI_API_KEY", KEY), "", args.toArray(String[]::new));
    runs.add(r);
    return r;
  }

  String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** No file under the working folder and no output of any run holds the key. */
  void keyWrittenNowhere() throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(KEY);
      }
    }
    for (Cli r : runs) {
      assertThat(r.out() + r.err()).doesNotContain(KEY);
    }
  }

  @Test
  void aJudgeGradesTheOfflineAnswersWithCachedCallsAndItsAgreementIsReported() throws IOException {
    Files.writeString(dir.resolve("ragft.yaml"), "endpoint:\n  base-url: " + server.baseUrl() + "\n  max-attempts: 2\n"
        + "  backoff-ms: 1\njudge:\n  model: judge-model\n");
    // The judge calls every answer correct and half faithful.
    server.otherwise(s -> new FakeChatServer.Canned(200, Map.of(),
        FakeChatServer.reply("correctness: 1 faithfulness: 0.5", 10, 5)));
    Cli r = bench("--no-timing", "--format", "json");
    assertThat(r.exit()).as(r.describe()).isZero();
    // one grade per question (5) and approach (3), an identical request answered from the cache; labels are not graded
    int graded = server.seen().size();
    assertThat(graded).isBetween(10, 15);
    assertThat(server.seen()).allMatch(s -> s.body().startsWith("{\"model\":\"judge-model\""));
    assertThat(server.seen().get(0).body()).contains("Gold answer:", "Answer to grade:");
    assertThat(r.err()).contains("rag offline, fine-tune offline (proxy), answers graded by judge-model");
    // qa slice: correctness 1 for every approach; faithfulness only for the approaches that read passages
    assertThat(r.out()).containsPattern("\"slice\": \"qa\"[^\\]]*\"rag\": \\{[^}]*\"judge-correctness\": 1\\.0000,"
        + "\\s*\"judge-faithfulness\": 0\\.5000");
    assertThat(r.out()).containsPattern("\"slice\": \"qa\"[^\\]]*\"fine-tune\": \\{[^}]*\"judge-correctness\": 1\\.0000,"
        + "\\s*\"judge-agreement\": ");
    assertThat(r.out()).doesNotContainPattern("\"fine-tune\": \\{[^}]*\"judge-faithfulness\"");
    // tiny's long-tail questions have token F1 0 for every approach: a judge saying "correct" there agrees 0
    assertThat(r.out()).containsPattern("\"slice\": \"long-tail\"[^\\]]*\"rag\": \\{[^}]*\"judge-agreement\": 0\\.0000");
    Cli text = bench("--no-timing", "--score", "judge-correctness");
    assertThat(text.exit()).as(text.describe()).isZero();
    assertThat(server.seen()).as("grades come from the cache on a rerun").hasSize(graded);
    assertThat(text.out()).contains("judge correctness and faithfulness: graded 0 to 1 by the judge model");
    keyWrittenNowhere();
  }

  @Test
  void runsRagAndTheFineTunedModelAgainstTheEndpointAndReportsThem() throws IOException {
    config();
    Cli r = bench("--no-timing");
    assertThat(r.exit()).as(r.describe()).isZero();
    // rag and fine-tune ask once per case; so does the hybrid, on the fine-tuned model. Its label
    // request for a ticket is the fine-tune approach's own, word for word, so whichever comes second
    // may be answered from the response cache: 27 requests, or fewer by those cache hits.
    long distinct = server.seen().stream().map(s -> s.body()).distinct().count();
    assertThat(distinct).isEqualTo(23);
    int first = server.seen().size();
    assertThat(first).isBetween((int) distinct, 27);
    assertThat(server.seen()).allMatch(s -> s.header("Authorization").equals("Bearer " + KEY));
    assertThat(server.seen().stream().filter(s -> s.body().startsWith("{\"model\":\"rag-model\"")).count()).isEqualTo(9);
    assertThat(server.seen().stream().filter(s -> s.body().startsWith("{\"model\":\"ft-model\"")).map(s -> s.body())
        .distinct().count()).isEqualTo(14);
    assertThat(r.err()).contains("ragft: endpoint " + server.baseUrl() + " (from ragft.yaml and the environment;"
        + " --offline ignores it): rag calls rag-model, fine-tune calls"
        + " ft-model; replies cached in cache/llm");
    assertThat(r.out()).contains("rag: REAL MODEL: generator rag-model at " + server.baseUrl())
        .contains("fine-tune: REAL MODEL: the user's fine-tuned model ft-model at " + server.baseUrl())
        .contains("hybrid: REAL MODEL: the three-layer stack on the user's fine-tuned model ft-model at "
            + server.baseUrl())
        .containsPattern("citation correct +1\\.0000")
        .contains("input tokens").contains("Tokens measured by the endpoint");
    String summary = read("reports/summary.json");
    assertThat(summary).contains("\"offlineProxy\": false").contains("\"id\": \"rag-model\"")
        .contains("\"endpoint\": \"" + server.baseUrl() + "\"").contains("\"input-tokens\"");
    assertThat(read("reports/cases.jsonl")).contains("\"citation\":\"pricing\"").contains("\"inputTokens\":");
    assertThat(read("reports/junit.xml")).contains("<property name=\"approach.model\" value=\"rag-model\"/>")
        .contains("<property name=\"approach.model\" value=\"ft-model\"/>");
    // The fake answers every label prompt with the first label, billing: right for two of four cases.
    assertThat(summary).containsPattern("\"classification\",[^\\]]*\"rag\": \\{\\s*\"score\": 0\\.5000");

    Cli again = bench("--no-timing");
    assertThat(again.exit()).as(again.describe()).isZero();
    assertThat(server.seen()).as("a rerun is answered from the cache").hasSize(first);
    assertThat(read("reports/summary.json")).isEqualTo(summary);

    Cli resumed = bench("--no-timing", "--resume");
    assertThat(resumed.err()).contains("resumed 27 results");
    assertThat(read("reports/summary.json")).as("tokens and notes come back from the log").isEqualTo(summary);

    Cli fresh = bench("--no-timing", "--no-cache");
    assertThat(fresh.exit()).as(fresh.describe()).isZero();
    assertThat(server.seen()).as("without the cache every request goes out").hasSize(first + 27);
    assertThat(fresh.err()).contains("response cache off (--no-cache)");
    keyWrittenNowhere();
  }

  @Test
  void measuredTokensAndLatencyReachTheCostModel() throws IOException {
    config();
    Cli r = bench();
    assertThat(r.exit()).as(r.describe()).isZero();
    Measurements m = BenchEvidence.read(dir.resolve("reports/summary.json"), "summary.json");
    assertThat(m.approaches()).containsKeys("rag", "fine-tune", "hybrid");
    assertThat(m.approaches().get("rag").inputTokens()).isGreaterThan(m.approaches().get("fine-tune").inputTokens());
    assertThat(m.source()).contains("tokens and latency of rag, fine-tune, hybrid measured by bench");
    keyWrittenNowhere();
  }

  @Test
  void aReplyWithoutALabelCountsAsWrongAndIsRecorded() throws IOException {
    config();
    server.otherwise(s -> new FakeChatServer.Canned(200, Map.of(), FakeChatServer.reply("I think it is billing", 50, 5)));
    Cli r = bench("--no-timing", "--approach", "fine-tune");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(read("reports/cases.jsonl")).contains("\"note\":\"unparseable label reply: 'I think it is billing'\"");
    // cases.csv carries what the log has: the tokens and the note.
    List<String> csv = Files.readAllLines(dir.resolve("reports/cases.csv"));
    assertThat(csv.get(0)).endsWith(",latency-ms,input-tokens,output-tokens,note");
    assertThat(csv).anySatisfy(row -> assertThat(row).endsWith(",50,5,unparseable label reply: 'I think it is billing'"));
    assertThat(read("reports/summary.json")).contains("\"unparseableLabels\": 4")
        .containsPattern("\"classification\",[^\\]]*\"fine-tune\": \\{\\s*\"score\": 0\\.0000");
    assertThat(r.out()).contains("4 label replies held no label (counted wrong)");
  }

  @Test
  void a401StopsTheRunWithOneLineAndExit2() throws IOException {
    config();
    server.otherwise(s -> new FakeChatServer.Canned(401, Map.of(), FakeChatServer.error("Incorrect API key " + KEY)));
    Cli r = bench("--no-timing");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    List<String> errors = r.err().lines().filter(l -> l.contains("HTTP 401")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("ragft: eval case 'q1' (").contains(": endpoint " + server.baseUrl() + " (model ")
        .endsWith("HTTP 401 Unauthorized: the endpoint refused the request; the API key from OPENAI_API_KEY; check"
            + " the key and base-url");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("cache/llm")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
        p -> assertThat(p).isEmptyDirectory());
    keyWrittenNowhere();
  }

  @Test
  void anEndpointThatKeepsFailingEndsTheRunAndResumeFinishesIt() throws IOException {
    config();
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean down = new AtomicBoolean(true);
    server.otherwise(s -> down.get() && answered.get() >= 5 ? new FakeChatServer.Canned(503, Map.of(), "")
        : countAnswer(answered, s));
    Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "RAGFT_CONCURRENCY", "1");
    String[] args = {"bench", TINY, "--cache-dir", "cache", "--report-dir", "reports", "--no-timing", "--approach",
        "rag,fine-tune"};
    Cli failed = Cli.run(dir, env, "", args);
    runs.add(failed);
    assertThat(failed.exit()).as(failed.describe()).isEqualTo(2);
    assertThat(failed.err()).contains("(model ft-model): no answer after 2 attempts (endpoint.max-attempts); last: HTTP"
        + " 503");
    assertThat(server.seen()).hasSize(7);
    assertThat(read("reports/cases.partial.jsonl").lines().count()).as("the header and the five answered cases")
        .isEqualTo(6);
    assertThat(dir.resolve("reports/cases.jsonl")).as("the log joins the reports when the run completes")
        .doesNotExist();

    down.set(false);
    List<String> resume = new ArrayList<>(List.of(args));
    resume.add("--resume");
    Cli resumed = Cli.run(dir, env, "", resume.toArray(String[]::new));
    runs.add(resumed);
    assertThat(resumed.exit()).as(resumed.describe()).isZero();
    assertThat(resumed.err()).contains("resumed 5 results");
    assertThat(server.seen()).hasSize(7 + 13);
    keyWrittenNowhere();
  }

  private static FakeChatServer.Canned countAnswer(AtomicInteger answered,
      FakeChatServer.Seen s) {
    answered.incrementAndGet();
    return FakeChatServer.answer(s);
  }

  @Test
  void offlineIgnoresTheConfiguration() throws IOException {
    config();
    Cli r = bench("--no-timing", "--offline");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(server.seen()).isEmpty();
    assertThat(r.out()).doesNotContain("REAL MODEL").contains("fine-tune: OFFLINE PROXY");
    assertThat(r.err()).doesNotContain("endpoint");
  }

  @Test
  void anApiKeyInRagftYamlIsBadInput() throws IOException {
    Files.writeString(dir.resolve("ragft.yaml"), "endpoint:\n  base-url: " + server.baseUrl() + "\n  api-key: " + KEY
        + "\nrag:\n  model: m\n");
    Cli r = bench();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("ragft: ragft.yaml:3:3: api-key: an API key never goes in ragft.yaml;")
        .doesNotContain(KEY);
    assertThat(server.seen()).isEmpty();
  }

  /** A ragft.yaml left in the working folder switches bench to real models: every run says so, in one line. */
  @Test
  void everyRunWithAConfigFileNamesItAndTheEndpointInOneLine() throws IOException {
    config();
    String line = "ragft: endpoint " + server.baseUrl() + " (from ragft.yaml and the environment; --offline ignores it)";
    Cli run = bench("--no-timing");
    assertThat(run.exit()).as(run.describe()).isZero();
    assertThat(run.err().lines().filter(l -> l.startsWith(line))).as(run.describe()).hasSize(1);
    Cli dry = Cli.run(dir, Map.of("OPENAI_API_KEY", KEY), "", "bench", TINY, "--cache-dir", "cache", "--dry-run");
    assertThat(dry.exit()).as(dry.describe()).isZero();
    assertThat(dry.err().lines().filter(l -> l.startsWith(line))).as(dry.describe()).hasSize(1);
    Cli offline = bench("--no-timing", "--offline");
    assertThat(offline.exit()).as(offline.describe()).isZero();
    assertThat(offline.err()).doesNotContain("endpoint");
  }

  @Test
  void dryRunEstimatesTokensAndCostWithoutCalling() throws IOException {
    config();
    Cli r = Cli.run(dir, Map.of("OPENAI_API_KEY", KEY), "", "bench", TINY, "--cache-dir", "cache", "--dry-run");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(server.seen()).isEmpty();
    assertThat(r.out()).isEqualTo(DRY_RUN.replace("URL", server.baseUrl()).replace("TINY", TINY));
  }

  /** Pinned: the prompts built as the run would build them (retrieval included), costed at prices-2026's tiers. */
  static final String DRY_RUN = """
      ragft bench --dry-run: TINY, 9 eval cases; no model was called
      endpoint: URL

      approach   model                        tier                calls  input tokens output tokens     cost USD    per 1,000
      -----------------------------------------------------------------------------------------------------------------------
      rag        rag-model                    small-hosted            9          1441            46     0.000244     0.027083
      fine-tune  ft-model                     fine-tuned-small        9           309            37     0.000137     0.015233
      hybrid     ft-model                     fine-tuned-small        9          1188            46     0.000412     0.045733

      total: 0.000792 USD for one run of the eval set; a rerun answered from the response cache costs nothing.
      Input tokens: the prompts exactly as bench would send them, at ceil(characters / 4) per message + 4 per message + 3 per request.
      Output tokens: the expected answer (or label) at characters / 4, plus the [doc-id] citation for rag.
      Prices: prices-2026 (2026-11-01), per-million-token prices of each tier; set rag.tier or fine-tune.tier in ragft.yaml.
      """;
}
