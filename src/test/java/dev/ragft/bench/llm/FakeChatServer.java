package dev.ragft.bench.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat-completions endpoint on loopback, for tests: it records every request and answers from a
 * script of canned responses, then from a default that reads the prompt (a RAG prompt is answered
 * with the first passage's text and its citation, a label prompt with the first label, anything
 * else with a fixed sentence), with {@code usage} counted at characters / 4. Nothing leaves the
 * machine.
 */
public final class FakeChatServer implements AutoCloseable {
  /** A request as the server saw it. */
  public record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse("");
    }
  }

  /** A canned response. */
  public record Canned(int status, Map<String, String> headers, String body) {}

  private static final Pattern PASSAGE = Pattern.compile("\\\\n\\[([^\\]]+)] [^:]*: ([^.\\\\]*)");
  private static final Pattern FIRST_LABEL = Pattern.compile("labels:\\\\n([^\\\\]+)\\\\n");

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final List<Seen> seen = new ArrayList<>();
  private final Deque<Canned> script = new ArrayDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private Function<Seen, Canned> fallback = FakeChatServer::answer;
  private boolean hang;

  public FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** The base URL to configure, e.g. http://127.0.0.1:PORT/v1. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public synchronized FakeChatServer then(int status, Map<String, String> headers, String body) {
    script.add(new Canned(status, headers, body));
    return this;
  }

  public synchronized FakeChatServer otherwise(Function<Seen, Canned> f) {
    fallback = f;
    return this;
  }

  /** Every later request waits until the server closes: for timeouts. */
  public synchronized FakeChatServer hang() {
    hang = true;
    return this;
  }

  public synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
        Map.copyOf(ex.getRequestHeaders()), body);
    Canned c;
    boolean wait;
    synchronized (this) {
      seen.add(s);
      wait = hang;
      c = script.isEmpty() ? null : script.poll();
    }
    if (wait) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    if (c == null) {
      c = fallback.apply(s);
    }
    byte[] bytes = c.body().getBytes(StandardCharsets.UTF_8);
    c.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(c.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  /** The default reply, read off the prompt. */
  public static Canned answer(Seen s) {
    Matcher p = PASSAGE.matcher(s.body());
    Matcher l = FIRST_LABEL.matcher(s.body());
    String content;
    if (p.find()) {
      content = p.group(2).strip() + " [" + p.group(1) + "]";
    } else if (l.find()) {
      content = l.group(1);
    } else {
      content = "It is $12 per user per month";
    }
    return new Canned(200, Map.of(), reply(content, s.body().length() / 4, content.length() / 4));
  }

  public static String reply(String content, long promptTokens, long completionTokens) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
        + "\"assistant\",\"content\":\"" + content.replace("\\", "\\\\").replace("\"", "\\\"") + "\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
        + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
  }

  public static String error(String message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}";
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
