package dev.ragft.bench.llm;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The real systems a bench run calls instead of an offline part: the RAG generator and the
 * fine-tuned model behind a chat endpoint (sharing one client, so one bound on concurrent requests
 * and one response cache), the team's own search service, their RAG endpoint, a fine-tuned model
 * behind an endpoint of its own. Each is present only when configured.
 */
public final class Online {
  // Each null when not configured; the accessors say so with Optional.
  private final EndpointConfig chat;
  private final Generator rag;
  private final Generator fineTune;
  private final Judge judge;
  private final SearchService search;
  private final AnswerService ragEndpoint;
  private final AnswerService fineTuneEndpoint;
  private final EndpointEmbedder embedder;

  private Online(EndpointConfig chat, Generator rag, Generator fineTune, Judge judge, SearchService search,
      AnswerService ragEndpoint, AnswerService fineTuneEndpoint, EndpointEmbedder embedder) {
    this.chat = chat;
    this.rag = rag;
    this.fineTune = fineTune;
    this.judge = judge;
    this.search = search;
    this.ragEndpoint = ragEndpoint;
    this.fineTuneEndpoint = fineTuneEndpoint;
    this.embedder = embedder;
  }

  /**
   * Loads the prompt templates (problems in them stop the run before any call) and opens the
   * clients. Keys and header values are read here, from the variables the config names, and go no
   * further than the clients' request headers.
   */
  public static Online open(BenchConfig config, Map<String, String> env, Path cwd, Optional<Path> cacheFolder,
      Sleeper sleeper, Clock clock, long seed, LongSupplier nanoTime) {
    EndpointConfig c = config.chat().orElse(null);
    Generator rag = null;
    Generator ft = null;
    Judge judge = null;
    if (c != null) {
      String key = env.getOrDefault(c.apiKeyEnv(), "").strip();
      ChatClient client = new ChatClient(c, key, cacheFolder, sleeper, clock, seed, nanoTime);
      PromptTemplate grounded = PromptTemplate.load(PromptTemplate.Kind.RAG_ANSWER, c.rag().answerPrompt(), cwd);
      rag = generator(client, c.rag(), PromptTemplate.Kind.RAG_ANSWER, cwd, grounded);
      ft = generator(client, c.fineTune(), PromptTemplate.Kind.FINE_TUNE_ANSWER, cwd, grounded);
      judge = c.judge().configured() ? new Judge(client, c.judge().model(),
          PromptTemplate.load(PromptTemplate.Kind.JUDGE, c.judge().answerPrompt(), cwd)) : null;
    }
    SearchService search = config.retriever().map(s -> new SearchService(s,
        new ServiceClient(s.service(), env, sleeper, clock, seed, nanoTime))).orElse(null);
    AnswerService ragEndpoint = config.ragEndpoint().map(s -> new AnswerService(s,
        new ServiceClient(s.service(), env, sleeper, clock, seed, nanoTime))).orElse(null);
    AnswerService ftEndpoint = config.fineTuneEndpoint().map(s -> new AnswerService(s,
        new ServiceClient(s.service(), env, sleeper, clock, seed, nanoTime))).orElse(null);
    // Embedding batches are cached beside the replies, under the cache folder's embeddings/.
    EndpointEmbedder embedder = config.embeddings().map(e -> new EndpointEmbedder(e, env,
        cacheFolder.map(f -> f.resolveSibling("embeddings")), sleeper, clock, seed, nanoTime)).orElse(null);
    return new Online(c, rag, ft, judge, search, ragEndpoint, ftEndpoint, embedder);
  }

  /** As {@link #open(EndpointConfig...)} for a chat endpoint alone. */
  public static Online open(EndpointConfig config, Map<String, String> env, Path cwd, Optional<Path> cacheFolder,
      Sleeper sleeper, Clock clock, long seed, LongSupplier nanoTime) {
    return open(new BenchConfig(config, null, null, null, null), env, cwd, cacheFolder, sleeper, clock, seed,
        nanoTime);
  }

  /**
   * The real clock, sleeper and HTTP clients when anything is configured. Kept here so that the
   * command, which only passes values through, loads none of this package unless bench runs.
   */
  public static Optional<Online> open(BenchConfig config, Map<String, String> env, Path cwd,
      Optional<Path> cacheFolder, long seed, LongSupplier nanoTime) {
    if (!config.any()) {
      return Optional.empty();
    }
    return Optional.of(open(config, env, cwd, cacheFolder, Sleeper.REAL, Clock.systemUTC(), seed, nanoTime));
  }

  /** One line for stderr saying what calls what, and where replies are cached; empty offline. */
  public static String banner(Optional<Online> online, String cacheDisplay) {
    return online.map(o -> {
      List<String> parts = new ArrayList<>();
      o.search().ifPresent(s -> parts.add("retriever " + s.config().service().displayUrl()));
      o.embedder().ifPresent(e -> parts.add("embeddings " + e.config().model() + " at " + e.config().displayUrl()));
      o.ragEndpoint().ifPresentOrElse(e -> parts.add("rag is your system at " + e.config().service().displayUrl()),
          () -> parts.add(o.rag().map(g -> "rag calls " + g.model()).orElse("rag offline")));
      o.fineTuneEndpoint().ifPresentOrElse(e -> parts.add("fine-tune is your model at "
          + e.config().service().displayUrl()), () -> parts.add(o.fineTune().map(g -> "fine-tune calls " + g.model())
          .orElse("fine-tune offline (proxy)")));
      o.judge().ifPresent(j -> parts.add("answers graded by " + j.model()));
      String head = o.chat().map(c -> "endpoint " + c.displayUrl() + " " + origin(c) + ": ").orElse("");
      return head + String.join(", ", parts) + (o.chat().isEmpty() ? "" : cacheDisplay.isEmpty()
          ? "; response cache off (--no-cache)" : "; replies cached in " + cacheDisplay);
    }).orElse("");
  }

  /**
   * Where the endpoint settings came from, so that a ragft.yaml left in the folder never switches
   * a run to real models unnoticed: "(from ragft.yaml and the environment; --offline ignores it)".
   */
  public static String origin(EndpointConfig config) {
    return "(from " + config.source() + "; --offline ignores it)";
  }

  private static Generator generator(ChatClient client, EndpointConfig.ModelConfig m, PromptTemplate.Kind answer,
      Path cwd, PromptTemplate grounded) {
    if (!m.configured()) {
      return null;
    }
    PromptTemplate own = PromptTemplate.load(answer, m.answerPrompt(), cwd);
    return new Generator(client, m.model(), m.tier(), own,
        PromptTemplate.load(PromptTemplate.Kind.LABEL, m.labelPrompt(), cwd),
        answer == PromptTemplate.Kind.RAG_ANSWER ? own : grounded);
  }

  public Optional<EndpointConfig> chat() {
    return Optional.ofNullable(chat);
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

  public Optional<SearchService> search() {
    return Optional.ofNullable(search);
  }

  public Optional<AnswerService> ragEndpoint() {
    return Optional.ofNullable(ragEndpoint);
  }

  public Optional<AnswerService> fineTuneEndpoint() {
    return Optional.ofNullable(fineTuneEndpoint);
  }

  /** The embeddings endpoint, when configured: it replaces the in-process model everywhere. */
  public Optional<EndpointEmbedder> embedder() {
    return Optional.ofNullable(embedder);
  }

  /** Requests in flight at most over every service that answers cases: the size of the runner's pool. */
  public int concurrency() {
    int n = chat == null ? 1 : chat.concurrency();
    for (Optional<AnswerService> a : List.of(ragEndpoint(), fineTuneEndpoint())) {
      n = Math.max(n, a.map(x -> x.config().service().concurrency()).orElse(1));
    }
    return n;
  }

  /** What results depend on besides the dataset and settings: results for other systems are not resumed. */
  public String resultKey() {
    StringBuilder b = new StringBuilder();
    if (chat != null) {
      b.append("endpoint=").append(chat.displayUrl()).append(";rag=").append(rag().map(Online::key).orElse(""))
          .append(";fine-tune=").append(fineTune().map(Online::key).orElse("")).append(";temperature=")
          .append(chat.temperature()).append(";maxTokens=").append(chat.maxTokens());
    }
    judge().ifPresent(j -> b.append(";judge=").append(j.key()));
    search().ifPresent(s -> b.append(";retriever=").append(s.config().key()));
    ragEndpoint().ifPresent(e -> b.append(";rag.endpoint=").append(e.config().key()));
    fineTuneEndpoint().ifPresent(e -> b.append(";fine-tune.endpoint=").append(e.config().key()));
    embedder().ifPresent(e -> b.append(";embeddings=").append(e.config().displayUrl()).append(' ')
        .append(e.config().model()));
    return b.toString();
  }

  private static String key(Generator g) {
    return g.model() + "/" + g.answer().fingerprint() + "/" + g.label().fingerprint()
        + (g.grounded() == g.answer() ? "" : "/" + g.grounded().fingerprint());
  }
}
