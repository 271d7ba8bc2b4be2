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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Calls one of the team's own JSON services on the JDK's HttpClient: at most {@code concurrency}
 * requests in flight, a timeout per request; 429, 5xx, timeouts and broken connections are retried
 * with backoff (a Retry-After header honoured) up to {@code max-attempts}; any other status, a reply
 * that is not JSON, and (for the caller) a missing pointer path stop the run with one line naming
 * the service and its URL without the query. Header values come from environment variables, are
 * sent and nothing else: they are cut out of every message, and no cache key or report holds them.
 */
public final class ServiceClient {
  /** A reply: its JSON, and how long the request took. */
  public record Response(Node json, long micros) {}

  private final ServiceConfig config;
  private final Map<String, String> headers;
  private final List<String> secrets;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final LongSupplier nanoTime;
  private final Semaphore slots;
  private final HttpClient http;

  /**
   * Opens a client; each header's value is read here from its environment variable.
   *
   * @throws BadInputException when a header's variable is not set
   */
  public ServiceClient(ServiceConfig config, Map<String, String> env, Sleeper sleeper, Clock clock, long seed,
      LongSupplier nanoTime) {
    this.config = config;
    Map<String, String> h = new LinkedHashMap<>();
    List<String> s = new ArrayList<>();
    for (ServiceConfig.EnvHeader e : config.headers()) {
      String value = env.getOrDefault(e.env(), "").strip();
      if (value.isEmpty()) {
        throw new BadInputException(Location.ofFile("environment " + e.env()), "not set, but " + config.section()
            + ".headers." + e.name() + " takes its value from it; export " + e.env() + " (the value never goes in"
            + " " + ConfigReader.FILE + ")");
      }
      h.put(e.name(), e.prefix() + value);
      s.add(value);
    }
    this.headers = Map.copyOf(h);
    this.secrets = List.copyOf(s);
    this.sleeper = sleeper;
    this.backoff = new Backoff(config.backoff(), config.maxBackoff(), seed, clock);
    this.nanoTime = nanoTime;
    this.slots = new Semaphore(config.concurrency(), true);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build();
  }

  public ServiceConfig config() {
    return config;
  }

  /** The service's JSON reply for one question. */
  public Response call(String question, int k, float[] vector) {
    String url = config.request().url(question, k);
    String body = config.request().body(question, k, vector);
    return send(url, body);
  }

  /** Sends {@code body} (empty: none) to {@code url}, with the configured method and headers. */
  public Response send(String url, String body) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw fail(Urls.display(url), "the URL is not valid once the question is filled in: " + scrub(e.getMessage()));
    }
    String shown = Urls.display(url);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Accept", "application/json");
    if (config.method().equals("GET") && body.isEmpty()) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json").method(config.method(),
          HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    headers.forEach(b::header);
    HttpRequest request = b.build();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a free request slot", e);
    }
    try {
      return attempts(request, shown);
    } finally {
      slots.release();
    }
  }

  private Response attempts(HttpRequest request, String shown) {
    String last = "";
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      Optional<String> retryAfter = Optional.empty();
      long start = nanoTime.getAsLong();
      try {
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long micros = (nanoTime.getAsLong() - start) / 1000;
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
          Optional<Node> json = Json.parse(resp.body());
          if (json.isEmpty()) {
            throw fail(shown, "HTTP " + status + " but the reply is not JSON: " + clip(resp.body()));
          }
          return new Response(json.get(), micros);
        }
        if (status != 429 && status < 500) {
          throw fail(shown, "HTTP " + status + serverMessage(resp.body()) + hint(status));
        }
        last = "HTTP " + status + serverMessage(resp.body());
        retryAfter = resp.headers().firstValue("Retry-After");
      } catch (HttpTimeoutException e) {
        last = String.format(Locale.ROOT, "no reply within %.1f s (%s.timeout-seconds)",
            config.timeout().toMillis() / 1000.0, config.section());
      } catch (ConnectException e) {
        last = "cannot connect";
      } catch (IOException e) {
        last = "connection failed: " + scrub(String.valueOf(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + config.section(), e);
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
    throw fail(shown, "no answer after " + config.maxAttempts() + (config.maxAttempts() == 1 ? " attempt" : " attempts")
        + " (" + config.section() + ".max-attempts); last: " + last);
  }

  private String hint(int status) {
    return switch (status) {
      case 401 -> "; the service refused the credentials" + (config.headers().isEmpty() ? " (no header is configured)"
          : " from " + String.join(", ", config.headers().stream().map(ServiceConfig.EnvHeader::env).toList()));
      case 403 -> "; the credentials have no access to this";
      case 404 -> "; check " + config.section() + ".url";
      default -> "";
    };
  }

  /** A problem with a reply, named as every failure of this service is named. */
  public BadInputException fail(String shownUrl, String what) {
    return new BadInputException(Location.ofFile(config.section() + " " + shownUrl), scrub(what));
  }

  /** The message an error body carries (Elasticsearch's error.reason, OpenAI's error.message, ...), short. */
  private String serverMessage(String body) {
    Optional<Node> n = Json.parse(body);
    if (n.isEmpty()) {
      return body.isBlank() ? "" : ": " + clip(body);
    }
    for (String p : List.of("/error/root_cause/0/reason", "/error/reason", "/error/message", "/error", "/message",
        "/detail")) {
      Optional<String> m = JsonPointer.parse(p).text(n.get());
      if (m.isPresent()) {
        return ": " + clip(m.get());
      }
    }
    return "";
  }

  private String clip(String s) {
    String one = scrub(s).replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  private String scrub(String s) {
    String out = s;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }
}
