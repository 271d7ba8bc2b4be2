package dev.ragft.bench.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * An OpenAI-compatible embeddings endpoint ({@code {base-url}/embeddings}: OpenAI, vLLM, Ollama,
 * text-embeddings-inference), from {@code embeddings:} in ragft.yaml. Holds the NAME of the
 * variable with the API key, never the key.
 *
 * @param baseUrl the endpoint's base URL (default: endpoint.base-url)
 * @param model the embedding model's id, sent with every request and part of every cache key
 * @param apiKeyEnv the environment variable holding the key (default: endpoint.api-key-env)
 * @param batchSize texts per request
 * @param concurrency requests in flight at most
 * @param timeout the longest one request may take
 * @param maxAttempts attempts per request, the first included
 * @param backoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 * @param tier the price tier {@code --dry-run} costs its tokens at; empty: not costed
 */
public record EmbeddingsConfig(String baseUrl, String model, String apiKeyEnv, int batchSize, int concurrency,
    Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff, String tier) {
  public EmbeddingsConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(tier, "tier");
    if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batch-size, concurrency and max-attempts must be 1 or more");
    }
  }

  /** {@code {base-url}/embeddings}, as reports show it. */
  public String displayUrl() {
    return Urls.display(url());
  }

  String url() {
    return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/embeddings";
  }
}
