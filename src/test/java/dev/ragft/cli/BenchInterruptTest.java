package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.llm.FakeChatServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted bench loses nothing: Ctrl-C prints how to continue, the report folder keeps the
 * earlier complete set until the new one is whole, and --resume copes with a damaged results log.
 */
class BenchInterruptTest {
  private static final String TINY = BenchCommandTest.TINY;
  private static final String KEY = "sk-test-interrupt";

  private final FakeChatServer server;
  private final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  @TempDir Path dir;

  BenchInterruptTest() throws IOException {
    server = new FakeChatServer();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private void config() throws IOException {
    Files.writeString(dir.resolve("ragft.yaml"), "endpoint:\n  base-url: " + server.baseUrl() + "\n  max-attempts: 2\n"
        + "  backoff-ms: 1\nrag:\n  model: rag-model\n  tier: small-hosted\n", StandardCharsets.UTF_8);
  }

  private Cli bench(String... extra) {
    List<String> args = new ArrayList<>(List.of("bench", TINY, "--no-timing", "--cache-dir", "cache", "--report-dir",
        "out"));
    args.addAll(List.of(extra));
    return Cli.run(dir, Map.of("OPENAI_API_KEY", KEY, "RAGFT_CONCURRENCY", "1"), "", args.toArray(String[]::new));
  }

  private String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  private List<String> files(String folder) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(folder))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void ctrlCPrintsTheLineThatContinuesTheRun() throws Exception {
    config();
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean hold = new AtomicBoolean(true);
    server.otherwise(s -> {
      if (hold.get() && answered.get() == 3) {
        blocked.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      answered.incrementAndGet();
      return FakeChatServer.answer(s);
    });
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "bench", TINY, "--no-timing", "--cache-dir", "cache", "--report-dir", "out", "--approach", "rag"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile());
    pb.environment().put("OPENAI_API_KEY", KEY);
    pb.environment().put("RAGFT_CONCURRENCY", "1");
    Process p = pb.start();
    try {
      assertThat(blocked.await(120, TimeUnit.SECONDS)).as("the run reached its fourth call").isTrue();
      assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    String err = read("stderr");
    assertThat(p.exitValue()).as(err).isEqualTo(130);
    assertThat(err).endsWith("ragft: bench interrupted; 3 results are kept in out/cases.partial.jsonl; continue with:\n"
        + "  ragft bench " + TINY + " --no-timing --cache-dir cache --report-dir out --approach rag --resume\n");
    assertThat(read("out/cases.partial.jsonl").lines().count()).as("the header and three results").isEqualTo(4);

    hold.set(false);
    release.countDown();
    Cli resumed = bench("--approach", "rag", "--resume");
    assertThat(resumed.exit()).as(resumed.describe()).isZero();
    assertThat(resumed.err()).contains("ragft: resumed 3 results from out/cases.partial.jsonl");
    assertThat(files("out")).containsExactly("cases.csv", "cases.jsonl", "junit.xml", "report.html", "report.md",
        "summary.json");
  }

  @Test
  void aRunThatStopsHalfWayLeavesTheEarlierCompleteSetAndResumeReplacesIt() throws IOException {
    Cli first = bench("--approach", "rag,fine-tune");
    assertThat(first.exit()).as(first.describe()).isZero();
    String summary = read("out/summary.json");
    String html = read("out/report.html");
    String log = read("out/cases.jsonl");

    // The second run calls an endpoint that stops answering after five cases: it ends half-way.
    config();
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean down = new AtomicBoolean(true);
    server.otherwise(s -> down.get() && answered.getAndIncrement() >= 5
        ? new FakeChatServer.Canned(503, Map.of(), "") : FakeChatServer.answer(s));
    Cli failed = bench("--approach", "rag,fine-tune");
    assertThat(failed.exit()).as(failed.describe()).isEqualTo(2);
    assertThat(read("out/summary.json")).isEqualTo(summary);
    assertThat(read("out/report.html")).isEqualTo(html);
    assertThat(read("out/cases.jsonl")).isEqualTo(log);
    assertThat(files("out")).containsExactly("cases.csv", "cases.jsonl", "cases.partial.jsonl", "junit.xml",
        "report.html", "report.md", "summary.json");
    Cli render = Cli.run(dir, Map.of(), "", "report", "render", "out/summary.json", "--format", "csv");
    assertThat(render.exit()).as("the earlier set still renders whole: " + render.describe()).isZero();

    down.set(false);
    Cli resumed = bench("--approach", "rag,fine-tune", "--resume");
    assertThat(resumed.exit()).as(resumed.describe()).isZero();
    assertThat(resumed.err()).containsPattern("ragft: resumed \\d+ results from out/cases.partial.jsonl");
    assertThat(read("out/summary.json")).isNotEqualTo(summary).contains("rag-model");
    assertThat(files("out")).doesNotContain("cases.partial.jsonl");
  }

  @Test
  void resumeDropsADamagedLineWithAWarningAndRunsItsCaseAgain() throws IOException {
    Cli first = bench();
    assertThat(first.exit()).as(first.describe()).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("out/cases.jsonl")));
    String damaged = lines.get(4);
    lines.set(4, "#~ garbage ~#");
    lines.set(7, "{\"approach\": \"rag\", \"id\": \"q2\"}");
    Files.write(dir.resolve("out/cases.jsonl"), lines);

    Cli resumed = bench("--resume");
    assertThat(resumed.exit()).as(resumed.describe()).isZero();
    assertThat(resumed.err()).startsWith(
        "ragft: warning: out/cases.jsonl:5:1: not a logged result (a damaged line?); dropped, its case runs again\n"
            + "ragft: warning: out/cases.jsonl:8:1: not a logged result (a damaged line?); dropped, its case runs again\n"
            + "ragft: resumed 25 results from out/cases.jsonl\n");
    assertThat(resumed.out()).isEqualTo(first.out());
    assertThat(read("out/cases.jsonl")).contains(damaged).doesNotContain("garbage");
    Cli render = Cli.run(dir, Map.of(), "", "report", "render", "out/summary.json", "--format", "csv");
    assertThat(render.exit()).as(render.describe()).isZero();
  }
}
