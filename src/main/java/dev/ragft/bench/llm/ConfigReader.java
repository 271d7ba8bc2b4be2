package dev.ragft.bench.llm;

import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.Problem;
import dev.ragft.input.YamlTree;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code ragft.yaml} (the one given, or the one in the working folder) and the environment
 * variables that override it. No file and no {@code RAGFT_BASE_URL}: empty, and bench stays
 * offline. An API key written in the file is an error: the key comes only from the environment
 * variable the file names.
 */
public final class ConfigReader {
  public static final String FILE = "ragft.yaml";
  private static final Set<String> SECRET_KEYS = Set.of("api-key", "api_key", "apikey", "apiKey", "key", "token",
      "secret", "password", "authorization");
  private static final List<String> TOP = List.of("endpoint", "rag", "fine-tune", "judge", "retriever", "embeddings");
  private static final List<String> ENDPOINT = List.of("base-url", "api-key-env", "azure-api-version", "concurrency",
      "timeout-seconds", "max-attempts", "backoff-ms", "max-backoff-ms", "temperature", "max-tokens");
  private static final List<String> MODEL = List.of("model", "tier", "prompt", "label-prompt", "endpoint");
  private static final List<String> EMBEDDINGS = List.of("base-url", "model", "api-key-env", "batch-size",
      "concurrency", "timeout-seconds", "max-attempts", "backoff-ms", "max-backoff-ms", "tier");
  private static final String ENV = "environment";

  private ConfigReader() {}

  /**
   * The endpoint settings: from {@code given} (a path as the user typed it, relative to {@code cwd})
   * or else {@code ragft.yaml} in {@code cwd} when it exists, then the environment.
   */
  public static Optional<EndpointConfig> read(Optional<String> given, Path cwd, Map<String, String> env) {
    return readAll(given, cwd, env).chat();
  }

  /**
   * Everything the file and the environment configure: the chat endpoint and its models, the
   * retriever, the RAG and fine-tune endpoints, the embeddings endpoint.
   */
  public static BenchConfig readAll(Optional<String> given, Path cwd, Map<String, String> env) {
    Optional<Path> file = given.map(cwd::resolve).or(() -> Optional.of(cwd.resolve(FILE)).filter(Files::isRegularFile));
    String display = given.orElse(FILE);
    NodeReader r = new NodeReader();
    Node.MapNode root = file.map(f -> YamlTree.read(f, display)).flatMap(n -> r.asMap(n, display))
        .orElse(new Node.MapNode(Location.ofFile(ENV), Map.of()));
    r.throwIfProblems();
    Path folder = file.map(f -> f.toAbsolutePath().getParent()).orElse(cwd.toAbsolutePath());
    known(root, display, TOP, r);
    Node.MapNode ep = section(root, "endpoint", r);
    known(ep, "endpoint", ENDPOINT, r);
    List<Problem> envProblems = new ArrayList<>();
    String baseUrl = env.getOrDefault("RAGFT_BASE_URL", text(ep, "endpoint", "base-url", r));
    String givenKeyEnv = env.getOrDefault("RAGFT_API_KEY_ENV", text(ep, "endpoint", "api-key-env", r));
    String keyEnv = givenKeyEnv.isEmpty() ? EndpointConfig.DEFAULT_KEY_ENV : givenKeyEnv;
    String azure = env.getOrDefault("RAGFT_AZURE_API_VERSION", text(ep, "endpoint", "azure-api-version", r));
    int concurrency = (int) number(ep, "concurrency", "RAGFT_CONCURRENCY", 4, 1, 64, env, r, envProblems);
    long timeout = number(ep, "timeout-seconds", "RAGFT_TIMEOUT_SECONDS", 60, 1, 3600, env, r, envProblems);
    int attempts = (int) number(ep, "max-attempts", "RAGFT_MAX_ATTEMPTS", 5, 1, 20, env, r, envProblems);
    long backoff = number(ep, "backoff-ms", "", 500, 0, 600_000, env, r, envProblems);
    long maxBackoff = number(ep, "max-backoff-ms", "", 30_000, 0, 3_600_000, env, r, envProblems);
    int maxTokens = (int) number(ep, "max-tokens", "", 512, 0, 1_000_000, env, r, envProblems);
    OptionalDouble temperature = r.optional(ep, "temperature").map(n -> r.decimal(n, "endpoint.temperature", 0, 2))
        .orElse(OptionalDouble.of(0));
    EndpointConfig.ModelConfig rag = model(root, "rag", "RAGFT_RAG_MODEL", env, r, folder, cwd);
    EndpointConfig.ModelConfig ft = model(root, "fine-tune", "RAGFT_FT_MODEL", env, r, folder, cwd);
    EndpointConfig.ModelConfig judge = model(root, "judge", "RAGFT_JUDGE_MODEL", env, r, folder, cwd);
    if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      where(ep, "api-key-env", env.containsKey("RAGFT_API_KEY_ENV") ? "RAGFT_API_KEY_ENV" : "", r, display).ifPresent(
          at -> r.problem(at, "api-key-env: the value is not an environment variable name; name the variable"
              + " that holds the key (the key itself never goes in " + FILE + ")"));
    }
    Optional<Location> urlAt = where(ep, "base-url", env.containsKey("RAGFT_BASE_URL") ? "RAGFT_BASE_URL" : "", r,
        display);
    if (!baseUrl.isEmpty() && !httpUrl(baseUrl)) {
      r.problem(urlAt.orElse(Location.ofFile(display)), "base-url: '" + Urls.display(baseUrl)
          + "' is not an http or https URL such as https://api.openai.com/v1 or http://localhost:11434/v1");
    }
    SearchService.Config search = ServiceConfigReader.map(root, "retriever", "retriever", r)
        .map(m -> ServiceConfigReader.search(m, r)).orElse(null);
    AnswerService.Config ragEndpoint = endpoint(root, "rag", r);
    AnswerService.Config ftEndpoint = endpoint(root, "fine-tune", r);
    for (Object[] both : new Object[][] {{"rag", rag, ragEndpoint}, {"fine-tune", ft, ftEndpoint}}) {
      if (both[2] != null && ((EndpointConfig.ModelConfig) both[1]).configured()) {
        r.problem(section(root, (String) both[0], r).location(), both[0] + ": model and endpoint exclude each other;"
            + " keep model (a chat-completions model) or endpoint (a service of your own)");
      }
    }
    EmbeddingsConfig embeddings = ServiceConfigReader.map(root, "embeddings", "embeddings", r)
        .map(m -> embeddings(m, baseUrl, keyEnv, r, display, envProblems, env)).orElse(null);
    if (baseUrl.isEmpty() && (rag.configured() || ft.configured() || judge.configured())) {
      r.problem(file.isPresent() ? root.location() : Location.ofFile(ENV), "a model is configured but no endpoint:"
          + " set endpoint.base-url in " + FILE + " or RAGFT_BASE_URL");
    }
    if (!baseUrl.isEmpty() && !rag.configured() && !ft.configured() && !judge.configured() && embeddings == null) {
      r.problem(urlAt.orElse(Location.ofFile(display)), "an endpoint is configured but no model: set rag.model,"
          + " fine-tune.model and/or judge.model in " + FILE + ", or RAGFT_RAG_MODEL / RAGFT_FT_MODEL /"
          + " RAGFT_JUDGE_MODEL");
    }
    envProblems.forEach(p -> r.problem(p.location(), p.message()));
    r.throwIfProblems();
    String source = file.isPresent() ? display + " and the environment" : ENV;
    EndpointConfig chat = baseUrl.isEmpty() || !(rag.configured() || ft.configured() || judge.configured()) ? null
        : new EndpointConfig(source, baseUrl, keyEnv, azure, concurrency, Duration.ofSeconds(timeout), attempts,
            Duration.ofMillis(backoff), Duration.ofMillis(maxBackoff), temperature.orElse(0), maxTokens, rag, ft, judge);
    return new BenchConfig(chat, search, ragEndpoint, ftEndpoint, embeddings);
  }

  private static AnswerService.Config endpoint(Node.MapNode root, String approach, NodeReader r) {
    Node.MapNode m = section(root, approach, r);
    return ServiceConfigReader.map(m, "endpoint", approach + ".endpoint", r)
        .map(e -> ServiceConfigReader.answer(e, approach + ".endpoint", r)).orElse(null);
  }

  private static EmbeddingsConfig embeddings(Node.MapNode m, String chatUrl, String chatKeyEnv, NodeReader r,
      String display, List<Problem> envProblems, Map<String, String> env) {
    known(m, "embeddings", EMBEDDINGS, r);
    String url = text(m, "embeddings", "base-url", r);
    String base = url.isEmpty() ? chatUrl : url;
    if (base.isEmpty()) {
      r.problem(m.location(), "embeddings: no base-url, and no endpoint.base-url to take it from");
    } else if (!httpUrl(base)) {
      r.problem(r.optional(m, "base-url").map(Node::location).orElse(m.location()), "embeddings.base-url: '"
          + Urls.display(base) + "' is not an http or https URL such as http://localhost:11434/v1");
    }
    String model = r.string(m, "model", "embeddings");
    String keyEnv = text(m, "embeddings", "api-key-env", r);
    if (!keyEnv.isEmpty() && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      r.problem(r.optional(m, "api-key-env").orElseThrow().location(), "embeddings.api-key-env: the value is not an"
          + " environment variable name; name the variable that holds the key");
    }
    int batch = (int) number("embeddings", m, "batch-size", "", 64, 1, 2048, env, r, envProblems);
    int concurrency = (int) number("embeddings", m, "concurrency", "", 4, 1, 64, env, r, envProblems);
    long timeout = number("embeddings", m, "timeout-seconds", "", 60, 1, 3600, env, r, envProblems);
    int attempts = (int) number("embeddings", m, "max-attempts", "", 5, 1, 20, env, r, envProblems);
    long backoff = number("embeddings", m, "backoff-ms", "", 500, 0, 600_000, env, r, envProblems);
    long maxBackoff = number("embeddings", m, "max-backoff-ms", "", 30_000, 0, 3_600_000, env, r, envProblems);
    return new EmbeddingsConfig(base, model, keyEnv.isEmpty() ? chatKeyEnv : keyEnv, batch, concurrency,
        Duration.ofSeconds(timeout), attempts, Duration.ofMillis(backoff), Duration.ofMillis(maxBackoff),
        text(m, "embeddings", "tier", r));
  }

  private static EndpointConfig.ModelConfig model(Node.MapNode root, String name, String envName,
      Map<String, String> env, NodeReader r, Path folder, Path cwd) {
    Node.MapNode m = section(root, name, r);
    known(m, name, MODEL, r);
    String model = env.getOrDefault(envName, text(m, name, "model", r));
    return new EndpointConfig.ModelConfig(model, text(m, name, "tier", r), path(text(m, name, "prompt", r), folder, cwd),
        path(text(m, name, "label-prompt", r), folder, cwd));
  }

  /** A prompt file named in the config, relative to the config's folder, shown relative to the working folder. */
  private static String path(String given, Path folder, Path cwd) {
    if (given.isEmpty()) {
      return "";
    }
    Path p = folder.resolve(given).normalize();
    Path base = cwd.toAbsolutePath().normalize();
    return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
  }

  private static Node.MapNode section(Node.MapNode root, String key, NodeReader r) {
    return r.optional(root, key).flatMap(n -> r.asMap(n, key)).orElse(new Node.MapNode(root.location(), Map.of()));
  }

  /** Reports a key that would hold a secret (saying where the key goes instead) and any other unknown key. */
  private static void known(Node.MapNode m, String what, List<String> allowed, NodeReader r) {
    Map<String, Node.Entry> rest = new java.util.LinkedHashMap<>();
    for (Node.Entry e : m.entries().values()) {
      if (SECRET_KEYS.contains(e.key())) {
        r.problem(e.keyLocation(), e.key() + ": an API key never goes in " + FILE + "; put it in the environment"
            + " variable named by endpoint.api-key-env (default " + EndpointConfig.DEFAULT_KEY_ENV + ")");
      } else {
        rest.put(e.key(), e);
      }
    }
    r.onlyKeys(new Node.MapNode(m.location(), rest), what, allowed);
  }

  private static String text(Node.MapNode m, String section, String key, NodeReader r) {
    return r.optionalString(m, key, section, "");
  }

  private static long number(Node.MapNode m, String key, String envName, long orElse, long min, long max,
      Map<String, String> env, NodeReader r, List<Problem> envProblems) {
    return number("endpoint", m, key, envName, orElse, min, max, env, r, envProblems);
  }

  private static long number(String section, Node.MapNode m, String key, String envName, long orElse, long min,
      long max, Map<String, String> env, NodeReader r, List<Problem> envProblems) {
    if (!envName.isEmpty() && env.containsKey(envName)) {
      try {
        long v = Long.parseLong(env.get(envName).strip());
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      envProblems.add(new Problem(Location.ofFile(ENV + " " + envName), "'" + env.get(envName)
          + "' is not a whole number from " + min + " to " + max));
      return orElse;
    }
    Optional<Node> n = r.optional(m, key);
    if (n.isEmpty()) {
      return orElse;
    }
    OptionalLong v = r.integer(n.get(), section + "." + key, min, max);
    return v.orElse(orElse);
  }

  private static Optional<Location> where(Node.MapNode m, String key, String envName, NodeReader r, String display) {
    if (!envName.isEmpty()) {
      return Optional.of(Location.ofFile(ENV + " " + envName));
    }
    return r.optional(m, key).map(Node::location).or(() -> Optional.of(Location.ofFile(display)));
  }

  private static boolean httpUrl(String url) {
    try {
      URI u = new URI(url);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

}
