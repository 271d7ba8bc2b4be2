package dev.ragft.bench.llm;

import java.util.Objects;

/**
 * What the endpoint answered: the text, the tokens it counted ({@code -1} when the reply had no
 * {@code usage}), how long the request took when it was made ({@code modelMicros}, kept in the
 * cache so a rerun reports the same latency), how long this run waited for it ({@code 0} on a
 * cache hit), and whether it came from the cache.
 */
public record Reply(String content, long promptTokens, long completionTokens, long modelMicros, long waitedMicros,
    boolean cached) {
  public Reply {
    Objects.requireNonNull(content, "content");
  }
}
