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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible {@code POST /v1/embeddings} on loopback, for tests. Its "model" hashes each
 * lower-cased word stem (the first five letters) into one of 64 dimensions, so texts sharing words
 * are near: enough for dense retrieval to find the right passage of a small corpus. It answers the
 * items in reverse order with their {@code index}, as the API allows, and records every request.
 */
public final class EmbeddingsServer implements AutoCloseable {
  public static final int DIMENSIONS = 64;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request: its Authorization header and the texts it asked for. */
  public record Seen(String authorization, String model, List<String> input) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final List<Seen> seen = new ArrayList<>();

  public EmbeddingsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Every text sent, over all requests. */
  public synchronized List<String> texts() {
    return seen.stream().flatMap(s -> s.input().stream()).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
    List<String> input = new ArrayList<>();
    req.get("input").forEach(n -> input.add(n.asText()));
    synchronized (this) {
      seen.add(new Seen(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")), req.get("model").asText(),
          input));
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    for (int i = input.size() - 1; i >= 0; i--) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      ArrayNode v = item.putArray("embedding");
      for (float x : vector(input.get(i))) {
        v.add(x);
      }
    }
    root.put("model", req.get("model").asText());
    root.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
    byte[] bytes = JSON.writeValueAsBytes(root);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  /** Not of unit length, on purpose: the client must scale it. */
  static float[] vector(String text) {
    float[] v = new float[DIMENSIONS];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.length() > 2) {
        String stem = w.length() > 5 ? w.substring(0, 5) : w;
        v[Math.floorMod(stem.hashCode(), DIMENSIONS)] += 3;
      }
    }
    v[0] += 0.01f;
    return v;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
