package dev.ragft.bench.llm;

import java.util.Optional;

/**
 * Everything {@code ragft.yaml} (and the environment) says about real systems: the chat endpoint and
 * its models, the team's own search service, their RAG endpoint, a fine-tuned model behind an
 * endpoint of its own, and an embeddings endpoint. Each part is absent when not configured; all
 * absent is the offline bench.
 */
public final class BenchConfig {
  public static final BenchConfig OFFLINE = new BenchConfig(null, null, null, null, null);

  // Null when not configured; the accessors say so with Optional.
  private final EndpointConfig chat;
  private final SearchService.Config retriever;
  private final AnswerService.Config ragEndpoint;
  private final AnswerService.Config fineTuneEndpoint;
  private final EmbeddingsConfig embeddings;

  BenchConfig(EndpointConfig chat, SearchService.Config retriever, AnswerService.Config ragEndpoint,
      AnswerService.Config fineTuneEndpoint, EmbeddingsConfig embeddings) {
    this.chat = chat;
    this.retriever = retriever;
    this.ragEndpoint = ragEndpoint;
    this.fineTuneEndpoint = fineTuneEndpoint;
    this.embeddings = embeddings;
  }

  /** A chat endpoint alone. */
  public static BenchConfig of(EndpointConfig chat) {
    return new BenchConfig(chat, null, null, null, null);
  }

  public Optional<EndpointConfig> chat() {
    return Optional.ofNullable(chat);
  }

  public Optional<SearchService.Config> retriever() {
    return Optional.ofNullable(retriever);
  }

  public Optional<AnswerService.Config> ragEndpoint() {
    return Optional.ofNullable(ragEndpoint);
  }

  public Optional<AnswerService.Config> fineTuneEndpoint() {
    return Optional.ofNullable(fineTuneEndpoint);
  }

  public Optional<EmbeddingsConfig> embeddings() {
    return Optional.ofNullable(embeddings);
  }

  /** This config without the search service: it is used only with {@code --retriever http}. */
  public BenchConfig withoutRetriever() {
    return new BenchConfig(chat, null, ragEndpoint, fineTuneEndpoint, embeddings);
  }

  /** Whether anything calls out of the process. */
  public boolean any() {
    return chat != null || retriever != null || ragEndpoint != null || fineTuneEndpoint != null || embeddings != null;
  }
}
