package dev.ragft.bench.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How long to wait before the next attempt: the server's {@code Retry-After} when it sends one
 * (seconds or an HTTP date, honoured in full), else exponential backoff from {@code first},
 * doubling per retry up to {@code max}, with "equal jitter" (half the delay fixed, half random) from
 * a seeded generator, so that runs are reproducible and tests exact.
 */
final class Backoff {
  private final Duration first;
  private final Duration max;
  private final SplittableRandom random;
  private final Clock clock;

  Backoff(Duration first, Duration max, long seed, Clock clock) {
    this.first = first;
    this.max = max;
    this.random = new SplittableRandom(seed);
    this.clock = clock;
  }

  /** The wait after failed attempt number {@code attempt} (1 for the first). */
  Duration delay(int attempt, Optional<String> retryAfter) {
    Optional<Duration> server = retryAfter.flatMap(this::retryAfter);
    if (server.isPresent()) {
      return server.get();
    }
    long base = first.toMillis() << Math.min(attempt - 1, 30);
    long capped = Math.min(base < 0 ? Long.MAX_VALUE : base, max.toMillis());
    double jitter;
    synchronized (random) {
      jitter = random.nextDouble();
    }
    return Duration.ofMillis(capped / 2 + Math.round(capped / 2.0 * jitter));
  }

  /** A Retry-After value: whole or decimal seconds, or an HTTP date; empty when unreadable. */
  Optional<Duration> retryAfter(String value) {
    String v = value.strip();
    if (v.matches("\\d+(\\.\\d+)?")) {
      return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
