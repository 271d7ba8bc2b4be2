package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.llm.EmbeddingsServer;
import dev.ragft.bench.llm.FakeChatServer;
import dev.ragft.bench.llm.SearchServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ragft bench --retriever http} against search services on loopback that answer from a real
 * Lucene index, in Elasticsearch's shape and in a shape of their own, end to end through the CLI
 * and the shipped templates in examples/endpoints.
 */
class BenchServicesTest {
  static final String KEY = "es-SENTINEL-c2VjcmV0LWtleS0xMjM0";
  static final String TOKEN = "tok-SENTINEL-77aa55";
  static final Path TINY = Path.of("src/test/resources/datasets/tiny").toAbsolutePath();

  final SearchServer search;
  final List<Cli> runs = new ArrayList<>();
  @TempDir Path dir;

  BenchServicesTest() throws IOException {
    search = new SearchServer(TINY.resolve("corpus.jsonl"));
  }

  @AfterEach
  void stop() {
    search.close();
  }

  /** A shipped example with its URL pointed at the test's server. */
  void example(String name, String url) throws IOException {
    String text = Files.readString(Path.of("examples/endpoints").resolve(name), StandardCharsets.UTF_8)
        .replace("https://localhost:9200/docs/_search", url).replace("http://localhost:8000/search", url);
    Files.writeString(dir.resolve("ragft.yaml"), text + "\n", StandardCharsets.UTF_8);
  }

  Cli bench(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("bench", TINY.toString(), "--cache-dir", "cache", "--report-dir",
        "reports", "--no-timing"));
    args.addAll(List.of(extra));
    Cli r = Cli.run(dir, new HashMap<>(env), "", args.toArray(String[]::new));
    runs.add(r);
    return r;
  }

  String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** No file ragft wrote under the working folder (all but the test's ragft.yaml) and no output holds a secret. */
  void secretsWrittenNowhere() throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(dir.resolve("ragft.yaml"))).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        assertThat(text).as(f.toString()).doesNotContain(KEY).doesNotContain(TOKEN);
      }
    }
    for (Cli r : runs) {
      assertThat(r.out() + r.err()).doesNotContain(KEY).doesNotContain(TOKEN);
    }
  }

  @Nested
  class Elasticsearch {
    @Test
    void theBm25TemplateRetrievesForTheReaderWithTheKeyFromTheEnvironment() throws IOException {
      example("elasticsearch-bm25.yaml", search.url("/docs/_search"));
      Cli r = bench(Map.of("ES_API_KEY", KEY), "--retriever", "http", "--approach", "rag");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen()).hasSize(5).allSatisfy(s -> {
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.path()).isEqualTo("/docs/_search");
        assertThat(s.headers()).containsEntry("authorization", "ApiKey " + KEY);
        assertThat(s.body()).contains("\"size\": 30").contains("\"query\": {\"match\": {\"text\": \"");
      });
      assertThat(search.seen().get(0).body()).contains("\"What is the price of the Pro plan?\"");
      assertThat(r.err()).contains("ragft: retriever " + search.url("/docs/_search"));
      String summary = read("reports/summary.json");
      assertThat(summary).contains("\"retriever\": \"http\"").contains("team's search service over HTTP");
      // The service ranks the right document first for every question of the tiny set.
      assertThat(r.out()).containsPattern("Recall@5\\s+1\\.0000");
      assertThat(read("reports/cases.csv")).contains("pricing");
      secretsWrittenNowhere();
    }

    @Test
    void theKnnTemplateSendsTheQuestionForTheClusterToEmbed() throws IOException {
      example("elasticsearch-knn.yaml", search.url("/docs/_search"));
      Cli r = bench(Map.of("ES_API_KEY", KEY), "--retriever", "http", "--approach", "rag");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen().get(0).body()).contains("\"knn\": {\"field\": \"embedding\", \"k\": 30")
          .contains("\"model_text\": \"What is the price of the Pro plan?\"");
      assertThat(r.out()).containsPattern("Recall@5\\s+1\\.0000");
      secretsWrittenNowhere();
    }

    @Test
    void aMissingKeyStopsBeforeAnyRequestNamingTheVariable() throws IOException {
      example("elasticsearch-bm25.yaml", search.url("/docs/_search"));
      Cli r = bench(Map.of(), "--retriever", "http");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).contains("ragft: environment ES_API_KEY: not set, but retriever.headers.Authorization takes"
          + " its value from it");
      assertThat(search.seen()).isEmpty();
    }
  }

  @Nested
  class CustomShape {
    @Test
    void aGetServiceIsReadByItsOwnPointers() throws IOException {
      example("generic-search.yaml", search.url("/search"));
      Cli r = bench(Map.of("SEARCH_TOKEN", TOKEN), "--retriever", "http", "--approach", "rag,hybrid");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen()).hasSize(10).allSatisfy(s -> {
        assertThat(s.method()).isEqualTo("GET");
        assertThat(s.headers()).containsEntry("x-api-token", TOKEN);
        assertThat(s.query()).endsWith("&n=30");
      });
      assertThat(search.seen().get(0).query()).isEqualTo("q=What+is+the+price+of+the+Pro+plan%3F&n=30");
      assertThat(r.out()).containsPattern("Recall@5\\s+1\\.0000\\s+1\\.0000");
      secretsWrittenNowhere();
    }
  }

  @Nested
  class Settings {
    void config(String text) throws IOException {
      Files.writeString(dir.resolve("ragft.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void aHeaderValueInTheFileIsRefusedWithItsPlace() throws IOException {
      config("retriever:\n  url: http://127.0.0.1:9/s\n  body: '{\"q\": {{question}}}'\n  headers:\n"
          + "    Authorization: ApiKey abc\n  hits: /hits\n  id: /id\n  text: /text\n");
      Cli r = bench(Map.of(), "--retriever", "http");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("ragft: ragft.yaml:5:20: retriever.headers.Authorization: a header's value never"
          + " goes in ragft.yaml").doesNotContain("abc");
    }

    @Test
    void everyProblemOfTheSectionIsReportedAtOnce() throws IOException {
      config("retriever:\n  url: ftp://x/{{query}}\n  body: '{\"q\": {{question}}'\n  hits: hits\n  id: /id\n"
          + "  colour: red\n");
      Cli r = bench(Map.of(), "--retriever", "http");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("ragft.yaml:2:8: retriever.url: unknown placeholder {{query}}; expected"
          + " {{question}}, {{k}} or {{vector}}")
          .contains("ragft.yaml:2:8: retriever.url: 'ftp://x/_' is not an http or https URL")
          .contains("ragft.yaml:3:9: retriever.body: not JSON once {{question}}")
          .contains("ragft.yaml:4:9: retriever.hits: 'hits' is not a JSON pointer; it starts with '/'")
          .contains("ragft.yaml:2:3: retriever: missing required key 'text'")
          .contains("ragft.yaml:6:3: retriever: unknown key 'colour'");
    }

    @Test
    void httpWithoutASectionIsAUsageError() {
      Cli r = bench(Map.of(), "--retriever", "http");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--retriever http: no retriever: section in ragft.yaml");
    }
  }

  @Nested
  class RagEndpoint {
    final FakeChatServer chat;

    RagEndpoint() throws IOException {
      chat = new FakeChatServer();
    }

    @AfterEach
    void stopChat() {
      chat.close();
    }

    void example() throws IOException {
      String text = Files.readString(Path.of("examples/endpoints/rag-endpoint.yaml"), StandardCharsets.UTF_8)
          .replace("http://localhost:8000/ask", search.url("/ask"))
          .replace("https://api.openai.com/v1", chat.baseUrl());
      Files.writeString(dir.resolve("ragft.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void theTeamsRagSystemIsBenchedAgainstTheFineTunedModelAndNamedAsTheirs() throws IOException {
      example();
      Cli r = bench(Map.of("RAG_API_TOKEN", TOKEN, "OPENAI_API_KEY", KEY), "--approach", "rag,fine-tune");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen()).hasSize(9).allSatisfy(s -> {
        assertThat(s.path()).isEqualTo("/ask");
        assertThat(s.headers()).containsEntry("authorization", "Bearer " + TOKEN);
        assertThat(s.body()).contains("\"top_k\": 5");
      });
      assertThat(chat.seen()).hasSize(9).allMatch(s -> s.body().startsWith("{\"model\":\"ft:gpt-4o-mini"));
      assertThat(r.err()).contains("rag is your system at " + search.url("/ask"))
          .contains("fine-tune calls ft:gpt-4o-mini");
      assertThat(r.out()).contains("rag: TEAM'S SYSTEM: the team's own RAG system at " + search.url("/ask")
          + " (rag.endpoint): the question goes in, the answer is read at /answer, citations at /sources, retrieved"
          + " documents at /retrieved").containsPattern("citation correct +1\\.0000")
          .containsPattern("Recall@5\\s+1\\.0000");
      String summary = read("reports/summary.json");
      assertThat(summary).contains("\"id\": \"team's own system\"").contains("\"endpoint\": \""
          + search.url("/ask") + "\"");
      // Its keyword rule labels the two tickets without a question mark right; the two with one get a
      // sentence, which holds no label.
      assertThat(summary).containsPattern("\"classification\",[^\\]]*\"rag\": \\{\\s*\"score\": 0\\.5000");
      assertThat(r.out()).contains("2 label replies held no label (counted wrong)");
      assertThat(read("reports/report.md")).contains("TEAM'S SYSTEM: the team's own RAG system");
      secretsWrittenNowhere();
    }

    @Test
    void aFineTunedModelBehindItsOwnEndpointIsTheFineTuneApproachAndNeedsNoTrain() throws IOException {
      Files.writeString(dir.resolve("ragft.yaml"), "fine-tune:\n  endpoint:\n    url: " + search.url("/ask")
          + "\n    body: '{\"question\": {{question}}}'\n    answer: /answer\n", StandardCharsets.UTF_8);
      Cli r = bench(Map.of(), "--approach", "fine-tune");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen()).hasSize(9);
      assertThat(r.err()).contains("fine-tune is your model at " + search.url("/ask"));
      assertThat(r.out()).contains("fine-tune: TEAM'S SYSTEM: the user's fine-tuned model behind its own endpoint at "
          + search.url("/ask") + " (fine-tune.endpoint)").doesNotContain("Recall@5");
      assertThat(read("reports/summary.json")).contains("\"offlineProxy\": false");
    }

    @Test
    void withoutACitationListTheMarkersInTheAnswerAreRead() throws IOException {
      search.answering("{\"reply\": {\"text\": \"It costs $12 per user per month [pricing].\"}}");
      Files.writeString(dir.resolve("ragft.yaml"), "rag:\n  endpoint:\n    url: " + search.url("/ask")
          + "\n    body: '{\"q\": {{question}}}'\n    answer: /reply/text\n", StandardCharsets.UTF_8);
      Cli r = bench(Map.of(), "--approach", "rag");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(read("reports/cases.jsonl")).contains("\"answer\":\"It costs $12 per user per month.\"")
          .contains("\"citation\":\"pricing\"");
      assertThat(r.out()).contains("retrieval metrics on its cited documents (it returns no retrieved list)");
    }

    @Test
    void concurrentCallsThatFinishedBeforeAFailureAreLoggedAndNotAskedAgain() throws IOException {
      Files.writeString(dir.resolve("ragft.yaml"), "rag:\n  endpoint:\n    url: " + search.url("/ask")
          + "\n    body: '{\"question\": {{question}}}'\n    answer: /answer\n    citations: /sources\n"
          + "    citation-id: /doc_id\n    concurrency: 4\n    max-attempts: 1\n", StandardCharsets.UTF_8);
      search.failing(400, n -> n == 2);
      Cli failed = bench(Map.of(), "--approach", "rag");
      assertThat(failed.exit()).as(failed.describe()).isEqualTo(2);
      assertThat(failed.err().lines().filter(l -> l.contains("HTTP 400"))).hasSize(1);
      long logged = read("reports/cases.partial.jsonl").lines().count() - 1;
      int asked = search.seen().size();
      assertThat(logged).as("every answered case is kept").isEqualTo(asked - 1);
      search.failing(400, n -> false);
      Cli resumed = bench(Map.of(), "--approach", "rag", "--resume");
      assertThat(resumed.exit()).as(resumed.describe()).isZero();
      assertThat(search.seen().size() - asked).as("only the cases without a result are asked").isEqualTo(9 - logged);
    }

    @Test
    void aReplyWithoutTheAnswerPathStopsWithOneLineNamingTheCaseAndTheUrl() throws IOException {
      search.answering("{\"result\": \"$12\"}");
      Files.writeString(dir.resolve("ragft.yaml"), "rag:\n  endpoint:\n    url: " + search.url("/ask")
          + "?tenant=acme&sig=SECRETSIG\n    body: '{\"q\": {{question}}}'\n    answer: /reply/text\n",
          StandardCharsets.UTF_8);
      Cli r = bench(Map.of(), "--approach", "rag");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err().lines().filter(l -> !l.startsWith("ragft: rag is your system"))).containsExactly(
          "ragft: eval case 'q1' (rag): rag.endpoint " + search.url("/ask") + ": the reply has no answer at"
              + " /reply/text (rag.endpoint.answer)");
      assertThat(r.err()).doesNotContain("SECRETSIG").doesNotContain("tenant");
    }
  }

  @Nested
  class Failures {
    void config(int attempts) throws IOException {
      Files.writeString(dir.resolve("ragft.yaml"), "retriever:\n  url: " + search.url("/docs/_search")
          + "?routing=eu&token=" + TOKEN + "\n  body: '{\"size\": {{k}}, \"query\": {\"match\": {\"text\": {{question}}}}}'\n"
          + "  headers:\n    Authorization: {env: ES_API_KEY, prefix: \"ApiKey \"}\n  hits: /hits/hits\n  id: /_id\n"
          + "  text: /_source/text\n  max-attempts: " + attempts + "\n  backoff-ms: 1\n  timeout-seconds: 1\n",
          StandardCharsets.UTF_8);
    }

    Cli rag(String... extra) {
      List<String> args = new ArrayList<>(List.of("--retriever", "http", "--approach", "rag"));
      args.addAll(List.of(extra));
      return bench(Map.of("ES_API_KEY", KEY), args.toArray(String[]::new));
    }

    @Test
    void a503IsRetriedAndTheRunCarriesOn() throws IOException {
      config(3);
      search.failing(503, n -> n == 1 || n == 2);
      Cli r = rag();
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen()).hasSize(2 + 5);
      secretsWrittenNowhere();
    }

    @Test
    void a400IsNotRetriedAndItsReasonIsQuotedOnOneLine() throws IOException {
      config(3);
      search.failing(400, n -> true);
      Cli r = rag();
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(search.seen()).hasSize(1);
      assertThat(r.err().lines().filter(l -> l.startsWith("ragft: eval case"))).containsExactly("ragft: eval case 'q1'"
          + " (rag): retriever " + search.url("/docs/_search") + ": HTTP 400: all shards failed");
      secretsWrittenNowhere();
    }

    @Test
    void aKeyEchoedByTheServiceIsCutOutOfTheMessage() throws IOException {
      config(1);
      search.answering("{\"error\": {\"reason\": \"unable to authenticate with key [" + KEY + "]\"}}");
      search.failing(401, n -> true);
      Cli r = rag();
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(": HTTP 401: unable to authenticate with key [***]; the service refused the"
          + " credentials from ES_API_KEY");
      secretsWrittenNowhere();
    }

    @Test
    void aReplyThatIsNotJsonStopsTheRunWithoutRetrying() throws IOException {
      config(3);
      search.answering("<html>gateway</html>");
      Cli r = rag();
      assertThat(r.exit()).isEqualTo(2);
      assertThat(search.seen()).hasSize(1);
      assertThat(r.err()).contains("ragft: eval case 'q1' (rag): retriever " + search.url("/docs/_search")
          + ": HTTP 200 but the reply is not JSON: <html>gateway</html>");
    }

    @Test
    void aTimeoutIsRetriedThenNamed() throws IOException {
      config(2);
      search.hanging();
      Cli r = rag();
      assertThat(r.exit()).isEqualTo(2);
      assertThat(search.seen()).hasSize(2);
      assertThat(r.err()).contains("ragft: eval case 'q1' (rag): retriever " + search.url("/docs/_search")
          + ": no answer after 2 attempts (retriever.max-attempts); last: no reply within 1.0 s"
          + " (retriever.timeout-seconds)");
    }

    @Test
    void aServiceThatGoesDownKeepsTheFinishedCasesAndResumeRunsTheRest() throws IOException {
      config(2);
      search.failing(500, n -> n > 3);
      Cli failed = rag();
      assertThat(failed.exit()).as(failed.describe()).isEqualTo(2);
      assertThat(failed.err()).contains("ragft: eval case 'q4' (rag): retriever " + search.url("/docs/_search")
          + ": no answer after 2 attempts (retriever.max-attempts); last: HTTP 500: all shards failed");
      // The header line and the three questions answered before the service went down.
      // A run that fails logs beside the report folder's complete set (cases.partial.jsonl), which
      // --resume continues.
      List<String> logged = read("reports/cases.partial.jsonl").lines().skip(1).toList();
      assertThat(logged).hasSize(3).allMatch(l -> l.contains("\"approach\":\"rag\""));
      search.failing(500, n -> false);
      Cli resumed = rag("--resume");
      assertThat(resumed.exit()).as(resumed.describe()).isZero();
      assertThat(resumed.err()).contains("resumed 3 results");
      assertThat(search.seen()).hasSize(3 + 2 + 2);
      assertThat(read("reports/cases.jsonl").lines().skip(1)).hasSize(9);
      secretsWrittenNowhere();
    }
  }

  @Nested
  class Embeddings {
    final EmbeddingsServer embeddings;

    Embeddings() throws IOException {
      embeddings = new EmbeddingsServer();
    }

    @AfterEach
    void stopEmbeddings() {
      embeddings.close();
    }

    void config() throws IOException {
      Files.writeString(dir.resolve("ragft.yaml"), "embeddings:\n  base-url: " + embeddings.baseUrl()
          + "\n  model: hash-64\n  batch-size: 4\n  api-key-env: EMB_KEY\n  tier: small-hosted\n",
          StandardCharsets.UTF_8);
    }

    @Test
    void denseRetrievalEmbedsThroughTheEndpointInBatchesAndCachesThem() throws IOException {
      config();
      Cli r = bench(Map.of("EMB_KEY", KEY), "--retriever", "dense", "--approach", "rag");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(embeddings.seen()).isNotEmpty().allSatisfy(s -> {
        assertThat(s.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(s.model()).isEqualTo("hash-64");
        assertThat(s.input()).hasSizeBetween(1, 4);
      });
      // The corpus's 6 passages in batches of 4, each question once; the vote's labelled examples and tickets.
      assertThat(embeddings.texts()).contains("What is the price of the Pro plan?", "I was billed twice for my plan");
      assertThat(embeddings.seen().stream().filter(s -> s.input().size() == 4)).isNotEmpty();
      assertThat(r.err()).contains("embeddings hash-64 at " + embeddings.baseUrl() + "/embeddings");
      assertThat(r.out()).containsPattern("Recall@5\\s+1\\.0000").contains("hash-64 (embeddings endpoint)");
      assertThat(read("reports/summary.json")).contains("\"embeddingModel\": \"hash-64\"");
      int asked = embeddings.seen().size();

      Cli again = bench(Map.of("EMB_KEY", KEY), "--retriever", "dense", "--approach", "rag");
      assertThat(again.exit()).as(again.describe()).isZero();
      assertThat(embeddings.seen()).as("every vector comes from the cache").hasSize(asked);
      secretsWrittenNowhere();
    }

    @Test
    void theDryRunCountsTheTextsAndTokensItWouldEmbed() throws IOException {
      config();
      Cli r = bench(Map.of("EMB_KEY", KEY), "--retriever", "hybrid", "--approach", "rag", "--dry-run");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(embeddings.seen()).isEmpty();
      // 6 passages in 2 batches, 5 questions, 9 labelled examples in 3 batches, 4 tickets.
      assertThat(r.out()).containsPattern("embeddings +hash-64 +small-hosted +14 ")
          .contains("Embeddings: 24 texts (passages, questions, labelled examples) in 14 requests");
    }
  }

  @Nested
  class HybridOnRealModels {
    final FakeChatServer chat;

    HybridOnRealModels() throws IOException {
      chat = new FakeChatServer();
    }

    @AfterEach
    void stopChat() {
      chat.close();
    }

    void config() throws IOException {
      example("elasticsearch-bm25.yaml", search.url("/docs/_search"));
      Files.writeString(dir.resolve("ragft.yaml"), Files.readString(dir.resolve("ragft.yaml")) + "endpoint:\n"
          + "  base-url: " + chat.baseUrl() + "\nfine-tune:\n  model: ft-model\n  tier: fine-tuned-small\n",
          StandardCharsets.UTF_8);
    }

    @Test
    void theFineTunedModelLabelsAndAnswersFromTheTeamsSearchCitingIt() throws IOException {
      config();
      Cli r = bench(Map.of("ES_API_KEY", KEY, "OPENAI_API_KEY", KEY), "--approach", "hybrid", "--retriever", "http");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(search.seen()).as("one search per question").hasSize(5);
      assertThat(chat.seen()).hasSize(9).allMatch(s -> s.body().startsWith("{\"model\":\"ft-model\""));
      List<String> grounded = chat.seen().stream().map(FakeChatServer.Seen::body)
          .filter(b -> b.contains("[pricing] Plans and pricing: The Pro plan costs $12")).toList();
      assertThat(grounded).as("the question about the price sees the retrieved passage").hasSize(1);
      assertThat(chat.seen().stream().filter(s -> s.body().contains("labels:"))).hasSize(4);
      assertThat(r.out()).contains("hybrid: REAL MODEL: the three-layer stack on the user's fine-tuned model ft-model"
          + " at " + chat.baseUrl() + ": it labels (pattern layer, prompt built-in prompts/label.txt); for questions"
          + " the team's search service (--retriever http) finds the passages (grounding layer) and the same model"
          + " answers from the top-k through prompt built-in prompts/rag-answer.txt, citing [doc-id] (generation"
          + " layer)").containsPattern("citation correct +1\\.0000");
      secretsWrittenNowhere();
    }

    @Test
    void theDryRunCountsTheHybridsCallsAndTokens() throws IOException {
      config();
      Cli r = bench(Map.of("ES_API_KEY", KEY), "--approach", "rag,hybrid", "--dry-run");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(chat.seen()).isEmpty();
      assertThat(search.seen()).isEmpty();
      assertThat(r.out()).containsPattern("hybrid +ft-model +fine-tuned-small +9 +[1-9][0-9]+ +[1-9][0-9]* ");
    }
  }
}
