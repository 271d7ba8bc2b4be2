package dev.ragft.bench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A search service on loopback for tests, answering from a real Lucene BM25 index it builds from
 * a corpus.jsonl: {@code POST /docs/_search} in Elasticsearch's request and reply shape (a
 * {@code match} query on {@code text}, or a {@code knn} query whose {@code model_text} it searches
 * by BM25, standing in for the cluster's embedding model), and {@code GET /search?q=&n=} in a shape
 * of its own. It records requests and can be told to fail.
 */
public final class SearchServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as the server saw it. */
  public record Seen(String method, String path, String query, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final IndexSearcher searcher;
  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final List<Seen> seen = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile IntPredicate failing = n -> false;
  private volatile int failStatus = 500;
  private volatile String override = "";
  private volatile boolean hang;
  private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

  public SearchServer(Path corpus) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode d = JSON.readTree(line);
        Document doc = new Document();
        doc.add(new StoredField("id", d.get("id").asText()));
        doc.add(new StoredField("title", d.path("title").asText("")));
        doc.add(new TextField("text", d.path("title").asText("") + "\n" + d.get("text").asText(), Field.Store.NO));
        doc.add(new StoredField("body", d.get("text").asText()));
        w.addDocument(doc);
      }
    }
    searcher = new IndexSearcher(DirectoryReader.open(dir));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Requests numbered (from 1) for which {@code which} holds get {@code status} instead of an answer. */
  public SearchServer failing(int status, IntPredicate which) {
    this.failStatus = status;
    this.failing = which;
    return this;
  }

  /** Every later request gets this body: with status 200, or the failing status when it fails. */
  public SearchServer answering(String body) {
    this.override = body;
    return this;
  }

  /** Every later request waits, unanswered, until the server closes: for timeouts. */
  public SearchServer hanging() {
    this.hang = true;
    return this;
  }

  public synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    synchronized (this) {
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), headers,
          body));
    }
    int n = count.incrementAndGet();
    if (hang) {
      try {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    int status = 200;
    String reply;
    try {
      if (failing.test(n)) {
        status = failStatus;
        reply = !override.isEmpty() ? override : "{\"error\":{\"root_cause\":[{\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards"
            + " failed\"}],\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards failed\"},\"status\":"
            + failStatus + "}";
      } else if (!override.isEmpty()) {
        reply = override;
      } else if (ex.getRequestURI().getPath().equals("/ask")) {
        reply = ask(JSON.readTree(body));
      } else if (ex.getRequestURI().getPath().endsWith("/_search")) {
        reply = elasticsearch(JSON.readTree(body));
      } else {
        reply = custom(query(ex.getRequestURI().getRawQuery()));
      }
    } catch (RuntimeException | IOException e) {
      status = 400;
      reply = "{\"error\":{\"reason\":\"" + e.getClass().getSimpleName() + "\"}}";
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  private String elasticsearch(JsonNode req) throws IOException {
    int size = req.path("size").asInt(10);
    String text = req.at("/query/match/text").isTextual() ? req.at("/query/match/text").asText()
        : req.at("/knn/query_vector_builder/text_embedding/model_text").asText();
    ObjectNode root = JSON.createObjectNode();
    root.put("took", 1);
    root.put("timed_out", false);
    ObjectNode hits = root.putObject("hits");
    ArrayNode list = JSON.createArrayNode();
    for (ScoreDoc sd : search(text, size)) {
      Document d = searcher.storedFields().document(sd.doc);
      ObjectNode h = list.addObject();
      h.put("_index", "docs");
      h.put("_id", d.get("id"));
      h.put("_score", sd.score);
      ObjectNode source = h.putObject("_source");
      source.put("title", d.get("title"));
      source.put("text", d.get("body"));
    }
    hits.putObject("total").put("value", list.size()).put("relation", "eq");
    hits.put("max_score", list.isEmpty() ? 0 : list.get(0).get("_score").asDouble());
    hits.set("hits", list);
    return JSON.writeValueAsString(root);
  }

  /**
   * A RAG service of a team's own: retrieves by BM25 and answers with the first sentence of the
   * best passage, citing its document; for a support ticket (a question without '?') it answers
   * "billing" or "bug" by a keyword.
   */
  private String ask(JsonNode req) throws IOException {
    String question = req.get("question").asText();
    ObjectNode root = JSON.createObjectNode();
    ArrayNode sources = JSON.createArrayNode();
    ArrayNode retrieved = JSON.createArrayNode();
    String answer = "";
    for (ScoreDoc sd : search(question, req.path("top_k").asInt(5))) {
      Document d = searcher.storedFields().document(sd.doc);
      retrieved.addObject().put("doc_id", d.get("id"));
      if (answer.isEmpty()) {
        answer = d.get("body").split("(?<=\\.) ")[0];
        sources.addObject().put("doc_id", d.get("id"));
      }
    }
    if (!question.contains("?")) {
      answer = question.contains("bill") || question.contains("refund") ? "billing" : "bug";
      sources.removeAll();
    }
    root.put("answer", answer);
    root.set("sources", sources);
    root.set("retrieved", retrieved);
    return JSON.writeValueAsString(root);
  }

  private String custom(Map<String, String> q) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode results = root.putArray("results");
    for (ScoreDoc sd : search(q.get("q"), Integer.parseInt(q.get("n")))) {
      Document d = searcher.storedFields().document(sd.doc);
      ObjectNode r = results.addObject();
      r.putObject("doc").put("id", d.get("id")).put("heading", d.get("title")).put("body", d.get("body"));
      r.put("relevance", sd.score);
    }
    return JSON.writeValueAsString(root);
  }

  private ScoreDoc[] search(String text, int n) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        b.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    }
    return searcher.search(b.build(), n).scoreDocs;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String part : raw == null ? new String[0] : raw.split("&")) {
      int eq = part.indexOf('=');
      out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
