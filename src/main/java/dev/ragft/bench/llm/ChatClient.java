package dev.ragft.bench.llm;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * A client for the OpenAI-compatible chat-completions API (OpenAI, Azure OpenAI, vLLM, Ollama,
 * LM Studio), on the JDK's HttpClient. At most {@code concurrency} requests are in flight; each
 * has a timeout; 429, 5xx, timeouts and broken connections are retried with backoff up to
 * {@code max-attempts}; 401, 403 and 404 stop the run at once with one line naming the endpoint
 * and the model. Successful replies go to the response cache. The key is sent in a header and
 * never appears in a message, the cache or a report.
 */
public final class ChatClient {
  private final EndpointConfig config;
  private final String apiKey;
  private final ResponseCache cache;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final LongSupplier nanoTime;
  private final Semaphore slots;
  private final HttpClient http;

  /**
   * @param apiKey the key, read from the environment variable the config names; empty for none
   * @param cacheFolder where replies are cached; empty with {@code --no-cache}
   */
  public ChatClient(EndpointConfig config, String apiKey, Optional<Path> cacheFolder, Sleeper sleeper, Clock clock,
      long seed, LongSupplier nanoTime) {
    this.config = config;
    this.apiKey = apiKey;
    this.cache = new ResponseCache(cacheFolder);
    this.sleeper = sleeper;
    this.backoff = new Backoff(config.backoff(), config.maxBackoff(), seed, clock);
    this.nanoTime = nanoTime;
    this.slots = new Semaphore(config.concurrency(), true);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build();
  }

  public EndpointConfig config() {
    return config;
  }

  /** The model's reply to {@code messages}, from the cache when this exact request was answered before. */
  public Reply complete(String model, List<Message> messages) {
    URI url = Urls.chatCompletions(config, model);
    String body = Json.body(model, messages, config.temperature(), config.maxTokens());
    String key = ResponseCache.key(Urls.display(url.toString()) + queryWithoutSecrets(url), body);
    Optional<Reply> hit = cache.get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    long waitStart = nanoTime.getAsLong();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a free request slot", e);
    }
    try {
      long start = nanoTime.getAsLong();
      Reply r = send(url, model, body);
      long end = nanoTime.getAsLong();
      Reply timed = new Reply(r.content(), r.promptTokens(), r.completionTokens(), (end - start) / 1000,
          (end - waitStart) / 1000, false);
      cache.put(key, model, timed);
      return timed;
    } finally {
      slots.release();
    }
  }

  private Reply send(URI url, String model, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(config.timeout())
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!apiKey.isEmpty()) {
      if (config.azure()) {
        b.header("api-key", apiKey);
      } else {
        b.header("Authorization", "Bearer " + apiKey);
      }
    }
    HttpRequest request = b.build();
    String last = "";
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      Optional<String> retryAfter = Optional.empty();
      try {
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = resp.statusCode();
        if (status == 200) {
          return parse(resp.body(), model);
        }
        if (status == 401 || status == 403 || status == 404) {
          throw fail(model, refused(status));
        }
        if (status != 429 && status < 500) {
          throw fail(model, "HTTP " + status + serverMessage(resp.body()));
        }
        last = "HTTP " + status + serverMessage(resp.body());
        retryAfter = resp.headers().firstValue("Retry-After");
      } catch (HttpTimeoutException e) {
        last = String.format(Locale.ROOT, "no reply within %.1f s (endpoint.timeout-seconds)",
            config.timeout().toMillis() / 1000.0);
      } catch (ConnectException e) {
        last = "cannot connect";
      } catch (IOException e) {
        last = "connection failed: " + scrub(String.valueOf(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the endpoint", e);
      }
      if (attempt < config.maxAttempts()) {
        try {
          sleeper.sleep(backoff.delay(attempt, retryAfter));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting to retry", e);
        }
      }
    }
    throw fail(model, "no answer after " + config.maxAttempts() + (config.maxAttempts() == 1 ? " attempt" : " attempts")
        + " (endpoint.max-attempts); last: " + last);
  }

  private Reply parse(String body, String model) {
    Optional<Node> n = Json.parse(body);
    if (n.isEmpty() || Json.at(n.get(), "choices", 0, "message").isEmpty()) {
      throw fail(model, "HTTP 200 but not a chat-completions reply (no choices[0].message); is base-url the API's"
          + " /v1 root?");
    }
    String content = Json.text(n.get(), "choices", 0, "message", "content").orElse("");
    return new Reply(content, Json.whole(n.get(), -1, "usage", "prompt_tokens"),
        Json.whole(n.get(), -1, "usage", "completion_tokens"), 0, 0, false);
  }

  private String refused(int status) {
    String keyFrom = apiKey.isEmpty() ? "no API key was sent (" + config.apiKeyEnv() + " is not set)"
        : "the API key from " + config.apiKeyEnv();
    return switch (status) {
      case 401 -> "HTTP 401 Unauthorized: the endpoint refused the request; " + keyFrom + "; check the key and base-url";
      case 403 -> "HTTP 403 Forbidden: " + keyFrom + " has no access to this model";
      default -> "HTTP 404 Not Found: no such model" + (config.azure() ? " deployment" : "")
          + " at this endpoint; check base-url and the model id";
    };
  }

  /** The error message an OpenAI-style error body carries, on one line, short, without the key. */
  private String serverMessage(String body) {
    Optional<String> m = Json.parse(body).flatMap(n -> Json.text(n, "error", "message"));
    return m.map(s -> {
      String one = scrub(s).replaceAll("\\s+", " ").strip();
      return ": " + (one.length() > 200 ? one.substring(0, 200) + "..." : one);
    }).orElse("");
  }

  private String scrub(String s) {
    return apiKey.isEmpty() ? s : s.replace(apiKey, "***");
  }

  private BadInputException fail(String model, String what) {
    return new BadInputException(Location.ofFile(String.format(Locale.ROOT, "endpoint %s (model %s)",
        config.displayUrl(), model)), what);
  }

  /** Azure's api-version is part of what was asked; nothing else of a query is kept. */
  private static String queryWithoutSecrets(URI url) {
    String q = url.getRawQuery();
    return q != null && q.startsWith("api-version=") && !q.contains("&") ? "?" + q : "";
  }
}
