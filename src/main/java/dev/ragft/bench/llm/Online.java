package dev.ragft.bench.llm;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The models a bench run calls instead of an offline approach: the RAG generator and the
 * fine-tuned model, each present only when configured, sharing one client (and so one bound on
 * concurrent requests and one response cache).
 */
public final class Online {
  private final EndpointConfig config;
  private final Generator rag;
  private final Generator fineTune;
  private final Judge judge;

  private Online(EndpointConfig config, Generator rag, Generator fineTune, Judge judge) {
    this.config = config;
    this.rag = rag;
    this.fineTune = fineTune;
    this.judge = judge;
  }

  /**
   * Loads the prompt templates (problems in them stop the run before any call) and opens the
   * client. The API key is read here, from the variable the config names, and goes no further than
   * the client's request headers.
   */
  public static Online open(EndpointConfig config, Map<String, String> env, Path cwd, Optional<Path> cacheFolder,
      Sleeper sleeper, Clock clock, long seed, LongSupplier nanoTime) {
    String key = env.getOrDefault(config.apiKeyEnv(), "").strip();
    ChatClient client = new ChatClient(config, key, cacheFolder, sleeper, clock, seed, nanoTime);
    return new Online(config, generator(client, config.rag(), PromptTemplate.Kind.RAG_ANSWER, cwd),
        generator(client, config.fineTune(), PromptTemplate.Kind.FINE_TUNE_ANSWER, cwd),
        config.judge().configured() ? new Judge(client, config.judge().model(),
            PromptTemplate.load(PromptTemplate.Kind.JUDGE, config.judge().answerPrompt(), cwd)) : null);
  }

  /**
   * The real clock, sleeper and HTTP client when {@code config} is present. Kept here so that the
   * command, which only passes values through, loads none of this package unless bench runs.
   */
  public static Optional<Online> open(Optional<EndpointConfig> config, Map<String, String> env, Path cwd,
      Optional<Path> cacheFolder, long seed, LongSupplier nanoTime) {
    return config.map(c -> open(c, env, cwd, cacheFolder, Sleeper.REAL, Clock.systemUTC(), seed, nanoTime));
  }

  /** One line for stderr saying which approach calls which model, and where replies are cached; empty offline. */
  public static String banner(Optional<Online> online, String cacheDisplay) {
    return online.map(o -> "endpoint " + o.config.displayUrl() + " " + origin(o.config) + ": "
        + o.rag().map(g -> "rag calls " + g.model()).orElse("rag offline") + ", "
        + o.fineTune().map(g -> "fine-tune calls " + g.model()).orElse("fine-tune offline (proxy)")
        + o.judge().map(j -> ", answers graded by " + j.model()).orElse("")
        + (cacheDisplay.isEmpty() ? "; response cache off (--no-cache)" : "; replies cached in " + cacheDisplay))
        .orElse("");
  }

  /**
   * Where the endpoint settings came from, so that a ragft.yaml left in the folder never switches
   * a run to real models unnoticed: "(from ragft.yaml and the environment; --offline ignores it)".
   */
  public static String origin(EndpointConfig config) {
    return "(from " + config.source() + "; --offline ignores it)";
  }

  private static Generator generator(ChatClient client, EndpointConfig.ModelConfig m, PromptTemplate.Kind answer,
      Path cwd) {
    if (!m.configured()) {
      return null;
    }
    return new Generator(client, m.model(), m.tier(), PromptTemplate.load(answer, m.answerPrompt(), cwd),
        PromptTemplate.load(PromptTemplate.Kind.LABEL, m.labelPrompt(), cwd));
  }

  public EndpointConfig config() {
    return config;
  }

  public Optional<Generator> rag() {
    return Optional.ofNullable(rag);
  }

  public Optional<Generator> fineTune() {
    return Optional.ofNullable(fineTune);
  }

  /** The judge, when one is configured. */
  public Optional<Judge> judge() {
    return Optional.ofNullable(judge);
  }

  /** What results depend on besides the dataset and settings: results for other models are not resumed. */
  public String resultKey() {
    return "endpoint=" + config.displayUrl() + ";rag=" + rag().map(Online::key).orElse("") + ";fine-tune="
        + fineTune().map(Online::key).orElse("") + ";temperature=" + config.temperature() + ";maxTokens="
        + config.maxTokens() + judge().map(j -> ";judge=" + j.key()).orElse("");
  }

  private static String key(Generator g) {
    return g.model() + "/" + g.answer().fingerprint() + "/" + g.label().fingerprint();
  }
}
