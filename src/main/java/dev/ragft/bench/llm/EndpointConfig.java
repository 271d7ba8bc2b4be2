package dev.ragft.bench.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How bench reaches an OpenAI-compatible chat-completions endpoint, read from {@code ragft.yaml}
 * and the environment ({@link ConfigReader}). Holds the NAME of the variable with the API key,
 * never the key itself, so printing or logging a config cannot leak it.
 *
 * @param source where the settings came from, for messages ("ragft.yaml", "environment")
 * @param baseUrl the endpoint's base URL; {@code {baseUrl}/chat/completions} is called
 * @param apiKeyEnv the environment variable holding the API key
 * @param azureApiVersion Azure OpenAI's api-version; empty for every other endpoint
 * @param concurrency requests in flight at most
 * @param timeout the longest one request may take
 * @param maxAttempts attempts per request, the first included
 * @param backoff the wait before the first retry; it doubles each retry, with jitter
 * @param maxBackoff the longest wait between two attempts (a Retry-After header is honoured in full)
 * @param temperature sampling temperature sent with every request
 * @param maxTokens the most tokens a reply may have; 0 sends no limit
 * @param rag the RAG generator
 * @param fineTune the user's fine-tuned model
 * @param judge the model that grades answers (judge-correctness, judge-faithfulness); its {@code answerPrompt} is
 *     the judge's prompt
 */
public record EndpointConfig(
    String source, String baseUrl, String apiKeyEnv, String azureApiVersion, int concurrency, Duration timeout,
    int maxAttempts, Duration backoff, Duration maxBackoff, double temperature, int maxTokens, ModelConfig rag,
    ModelConfig fineTune, ModelConfig judge) {
  public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";

  public EndpointConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    Objects.requireNonNull(azureApiVersion, "azureApiVersion");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(rag, "rag");
    Objects.requireNonNull(fineTune, "fineTune");
    Objects.requireNonNull(judge, "judge");
    if (concurrency < 1 || maxAttempts < 1 || maxTokens < 0) {
      throw new IllegalArgumentException("concurrency and max-attempts must be 1 or more, max-tokens 0 or more");
    }
  }

  /** A config without a judge. */
  public EndpointConfig(
      String source, String baseUrl, String apiKeyEnv, String azureApiVersion, int concurrency, Duration timeout,
      int maxAttempts, Duration backoff, Duration maxBackoff, double temperature, int maxTokens, ModelConfig rag,
      ModelConfig fineTune) {
    this(source, baseUrl, apiKeyEnv, azureApiVersion, concurrency, timeout, maxAttempts, backoff, maxBackoff,
        temperature, maxTokens, rag, fineTune, ModelConfig.NONE);
  }

  public boolean azure() {
    return !azureApiVersion.isEmpty();
  }

  /** The base URL as reports show it: no user info, no query. */
  public String displayUrl() {
    return Urls.display(baseUrl);
  }

  /**
   * One approach's model: its id (for Azure, the deployment name), the price tier its tokens are
   * costed at (empty: the price file's tier for the approach), and its prompt templates (empty:
   * the built-in ones).
   */
  public record ModelConfig(String model, String tier, String answerPrompt, String labelPrompt) {
    public static final ModelConfig NONE = new ModelConfig("", "", "", "");

    public ModelConfig {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(answerPrompt, "answerPrompt");
      Objects.requireNonNull(labelPrompt, "labelPrompt");
    }

    public boolean configured() {
      return !model.isEmpty();
    }
  }
}
