package dev.ragft.bench.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatClientTest {
  static final String KEY = "sk-test-SENTINEL-0123456789";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
  static final List<Message> ASK = List.of(new Message("system", "Be brief."), new Message("user", "Price of Pro?"));

  final FakeChatServer server;
  final List<Duration> slept = new ArrayList<>();
  @TempDir Path tmp;

  ChatClientTest() throws Exception {
    server = new FakeChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  EndpointConfig config(String azureVersion, int attempts, Duration timeout, int concurrency) {
    return new EndpointConfig("test", server.baseUrl(), "OPENAI_API_KEY", azureVersion, concurrency, timeout, attempts,
        Duration.ofMillis(100), Duration.ofSeconds(2), 0, 256,
        new EndpointConfig.ModelConfig("gpt-test", "", "", ""), EndpointConfig.ModelConfig.NONE);
  }

  ChatClient client(EndpointConfig c, Optional<Path> cache) {
    return new ChatClient(c, KEY, cache, slept::add, CLOCK, 7, System::nanoTime);
  }

  ChatClient client(int attempts) {
    return client(config("", attempts, Duration.ofSeconds(5), 1), Optional.empty());
  }

  @Nested
  class RequestShape {
    @Test
    void postsModelMessagesAndSettingsWithABearerKey() {
      Reply r = client(1).complete("gpt-test", ASK);
      FakeChatServer.Seen s = server.seen().get(0);
      assertThat(s.method()).isEqualTo("POST");
      assertThat(s.path()).isEqualTo("/v1/chat/completions");
      assertThat(s.header("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(s.header("Content-Type")).isEqualTo("application/json");
      assertThat(s.body()).isEqualTo("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"system\",\"content\":"
          + "\"Be brief.\"},{\"role\":\"user\",\"content\":\"Price of Pro?\"}],\"temperature\":0.0,\"max_tokens\":256}");
      assertThat(r.content()).isEqualTo("It is $12 per user per month");
      assertThat(r.promptTokens()).isEqualTo(s.body().length() / 4);
      assertThat(r.completionTokens()).isEqualTo(7);
      assertThat(r.cached()).isFalse();
    }

    @Test
    void azurePutsTheDeploymentInThePathTheVersionInTheQueryAndTheKeyInApiKey() {
      client(config("2024-10-21", 1, Duration.ofSeconds(5), 1), Optional.empty()).complete("my-deployment", ASK);
      FakeChatServer.Seen s = server.seen().get(0);
      assertThat(s.path()).isEqualTo("/v1/my-deployment/chat/completions");
      assertThat(s.query()).isEqualTo("api-version=2024-10-21");
      assertThat(s.header("api-key")).isEqualTo(KEY);
      assertThat(s.header("Authorization")).isEmpty();
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() {
      new ChatClient(config("", 1, Duration.ofSeconds(5), 1), "", Optional.empty(), slept::add, CLOCK, 7,
          System::nanoTime).complete("gpt-test", ASK);
      assertThat(server.seen().get(0).header("Authorization")).isEmpty();
    }
  }

  @Nested
  class Retries {
    @Test
    void honoursRetryAfterInSecondsAndAsAnHttpDateOn429And503() {
      server.then(429, Map.of("Retry-After", "2"), FakeChatServer.error("rate limited"))
          .then(503, Map.of("Retry-After", "Fri, 27 Nov 2026 12:00:05 GMT"), "")
          .then(200, Map.of(), FakeChatServer.reply("ok", 10, 1));
      Reply r = client(5).complete("gpt-test", ASK);
      assertThat(r.content()).isEqualTo("ok");
      assertThat(server.seen()).hasSize(3);
      assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void backsOffExponentiallyWithSeededJitterOn5xx() {
      server.then(500, Map.of(), "").then(502, Map.of(), "").then(500, Map.of(), "")
          .then(200, Map.of(), FakeChatServer.reply("ok", 10, 1));
      client(5).complete("gpt-test", ASK);
      // 100, 200, 400 ms, each half fixed and half jitter from seed 7: pinned, the same every run.
      assertThat(slept).hasSize(3);
      assertThat(slept.get(0).toMillis()).isBetween(50L, 100L);
      assertThat(slept.get(1).toMillis()).isBetween(100L, 200L);
      assertThat(slept.get(2).toMillis()).isBetween(200L, 400L);
      List<Duration> first = List.copyOf(slept);
      slept.clear();
      server.then(500, Map.of(), "").then(502, Map.of(), "").then(500, Map.of(), "")
          .then(200, Map.of(), FakeChatServer.reply("ok", 10, 1));
      client(5).complete("gpt-test", List.of(new Message("user", "another question")));
      assertThat(slept).isEqualTo(first);
    }

    @Test
    void waitsNoLongerThanMaxBackoffWithoutRetryAfter() {
      for (int i = 0; i < 6; i++) {
        server.then(503, Map.of(), "");
      }
      client(7).complete("gpt-test", ASK);
      assertThat(slept).hasSize(6).allMatch(d -> d.compareTo(Duration.ofSeconds(2)) <= 0);
    }

    @Test
    void givesUpAfterMaxAttemptsWithOneLine() {
      server.then(503, Map.of(), FakeChatServer.error("overloaded")).then(503, Map.of(), "").then(503, Map.of(), "");
      assertThatThrownBy(() -> client(3).complete("gpt-test", ASK)).isInstanceOf(BadInputException.class)
          .hasMessage("endpoint " + server.baseUrl() + " (model gpt-test): no answer after 3 attempts"
              + " (endpoint.max-attempts); last: HTTP 503");
      assertThat(server.seen()).hasSize(3);
    }

    @Test
    void aTimeoutIsRetriedThenReported() {
      server.hang();
      EndpointConfig c = config("", 2, Duration.ofMillis(300), 1);
      assertThatThrownBy(() -> client(c, Optional.empty()).complete("gpt-test", ASK))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("no answer after 2 attempts (endpoint.max-attempts); last: no reply within 0.3 s");
      assertThat(server.seen()).hasSize(2);
    }
  }

  @Nested
  class Refusals {
    @Test
    void a401StopsAtOnceNamingEndpointAndModelButNotTheKey() {
      server.then(401, Map.of(), FakeChatServer.error("Incorrect API key provided: " + KEY));
      assertThatThrownBy(() -> client(5).complete("gpt-test", ASK)).isInstanceOf(BadInputException.class)
          .hasMessage("endpoint " + server.baseUrl() + " (model gpt-test): HTTP 401 Unauthorized: the endpoint refused"
              + " the request; the API key from OPENAI_API_KEY; check the key and base-url")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("\n"));
      assertThat(server.seen()).hasSize(1);
      assertThat(slept).isEmpty();
    }

    @Test
    void a403And404SayWhatIsWrong() {
      server.then(403, Map.of(), "").then(404, Map.of(), "");
      assertThatThrownBy(() -> client(5).complete("gpt-test", ASK))
          .hasMessageEndingWith("HTTP 403 Forbidden: the API key from OPENAI_API_KEY has no access to this model");
      assertThatThrownBy(() -> client(5).complete("gpt-test", ASK))
          .hasMessageEndingWith("HTTP 404 Not Found: no such model at this endpoint; check base-url and the model id");
    }

    @Test
    void anotherClientErrorQuotesTheServerWithoutTheKey() {
      server.then(400, Map.of(), FakeChatServer.error("bad value near " + KEY));
      assertThatThrownBy(() -> client(5).complete("gpt-test", ASK))
          .hasMessageEndingWith("HTTP 400: bad value near ***");
    }
  }

  @Nested
  class Cache {
    @Test
    void aRepeatedRequestIsAnsweredFromDiskWithItsOriginalLatency() {
      ChatClient c = client(config("", 1, Duration.ofSeconds(5), 1), Optional.of(tmp));
      Reply first = c.complete("gpt-test", ASK);
      Reply again = client(config("", 1, Duration.ofSeconds(5), 1), Optional.of(tmp)).complete("gpt-test", ASK);
      assertThat(server.seen()).hasSize(1);
      assertThat(again.cached()).isTrue();
      assertThat(again.content()).isEqualTo(first.content());
      assertThat(again.promptTokens()).isEqualTo(first.promptTokens());
      assertThat(again.modelMicros()).isEqualTo(first.modelMicros());
      assertThat(again.waitedMicros()).isZero();
      c.complete("other-model", ASK);
      assertThat(server.seen()).hasSize(2);
    }

    @Test
    void errorsAreNotCachedAndTheKeyIsNeverWritten() throws Exception {
      server.then(500, Map.of(), FakeChatServer.error("boom"));
      ChatClient c = client(config("", 1, Duration.ofSeconds(5), 1), Optional.of(tmp));
      assertThatThrownBy(() -> c.complete("gpt-test", ASK)).isInstanceOf(BadInputException.class);
      try (var files = Files.list(tmp)) {
        assertThat(files.toList()).isEmpty();
      }
      c.complete("gpt-test", ASK);
      assertThat(server.seen()).hasSize(2);
      try (var files = Files.walk(tmp)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(f)).doesNotContain(KEY).contains("\"model\":\"gpt-test\"");
        }
      }
    }
  }

  @Test
  void keepsAtMostConcurrencyRequestsInFlight() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Object gate = new Object();
    server.otherwise(s -> {
      int now = inFlight.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      synchronized (gate) {
        gate.notifyAll();
        long until = System.nanoTime() + 2_000_000_000L;
        while (inFlight.get() < 2 && System.nanoTime() < until) {
          try {
            gate.wait(50); // hold the first request until a second one arrives, so overlap is certain
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      inFlight.decrementAndGet();
      return new FakeChatServer.Canned(200, Map.of(), FakeChatServer.reply("ok", 1, 1));
    });
    ChatClient c = client(config("", 1, Duration.ofSeconds(5), 2), Optional.empty());
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Reply>> calls = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
          () -> c.complete("gpt-test", List.of(new Message("user", "q" + i))), callers)).toList();
      calls.forEach(CompletableFuture::join);
    } finally {
      callers.shutdownNow();
    }
    assertThat(server.seen()).hasSize(6);
    assertThat(most.get()).isEqualTo(2);
  }
}
