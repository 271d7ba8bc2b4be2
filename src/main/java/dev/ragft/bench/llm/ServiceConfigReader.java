package dev.ragft.bench.llm;

import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the sections of {@code ragft.yaml} that describe the team's own services: {@code retriever},
 * {@code rag.endpoint} and {@code fine-tune.endpoint}. Every problem is collected with file, line
 * and column. A header's value in the file is an error: headers name the environment variable
 * their value comes from.
 */
final class ServiceConfigReader {
  static final List<String> SERVICE = List.of("url", "method", "body", "headers", "concurrency", "timeout-seconds",
      "max-attempts", "backoff-ms", "max-backoff-ms");
  static final List<String> SEARCH = List.of("hits", "id", "text", "title", "score");
  static final List<String> ANSWER = List.of("answer", "citations", "citation-id", "retrieved", "retrieved-id");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT");

  private ServiceConfigReader() {}

  static SearchService.Config search(Node.MapNode m, NodeReader r) {
    List<String> allowed = new ArrayList<>(SERVICE);
    allowed.addAll(SEARCH);
    r.onlyKeys(m, "retriever", allowed);
    ServiceConfig service = service(m, "retriever", r);
    return new SearchService.Config(service, pointer(m, "retriever", "hits", true, r),
        pointer(m, "retriever", "id", true, r), pointer(m, "retriever", "text", true, r),
        pointer(m, "retriever", "title", false, r), pointer(m, "retriever", "score", false, r));
  }

  static AnswerService.Config answer(Node.MapNode m, String section, NodeReader r) {
    List<String> allowed = new ArrayList<>(SERVICE);
    allowed.addAll(ANSWER);
    r.onlyKeys(m, section, allowed);
    ServiceConfig service = service(m, section, r);
    if (service.request().usesVector()) {
      r.problem(m.location(), section + ": {{vector}} is for retriever requests only");
    }
    return new AnswerService.Config(service, pointer(m, section, "answer", true, r),
        pointer(m, section, "citations", false, r), pointer(m, section, "citation-id", false, r),
        pointer(m, section, "retrieved", false, r), pointer(m, section, "retrieved-id", false, r));
  }

  private static ServiceConfig service(Node.MapNode m, String section, NodeReader r) {
    String url = r.string(m, "url", section);
    String method = r.optionalString(m, "method", section, "POST").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      r.optional(m, "method").ifPresent(n -> r.problem(n.location(), section + ".method: unknown method '" + method
          + "'; expected one of GET, POST, PUT"));
    }
    String body = r.optional(m, "body").map(n -> n instanceof Node.ScalarNode s ? s.text() : "").orElse("");
    r.optional(m, "body").filter(n -> !(n instanceof Node.ScalarNode)).ifPresent(n -> r.problem(n.location(), section
        + ".body: expected the JSON body as text (a YAML block: 'body: |' and the JSON on the lines below), found "
        + n.kind()));
    if (method.equals("POST") && body.isBlank() && !url.isEmpty()) {
      r.problem(m.location(), section + ": a POST needs a body; write 'body: |' with the JSON the service expects,"
          + " using {{question}} and {{k}}");
    }
    for (String[] part : new String[][] {{"url", url}, {"body", body}}) {
      Set<String> unknown = RequestTemplate.unknown(part[1]);
      if (!unknown.isEmpty()) {
        r.optional(m, part[0]).ifPresent(n -> r.problem(n.location(), section + "." + part[0] + ": unknown placeholder"
            + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown.stream().map(u -> "{{" + u + "}}")
            .toList()) + "; expected {{question}}, {{k}}" + (section.equals("retriever") ? " or {{vector}}" : "")));
      }
    }
    if (!url.isEmpty() && !RequestTemplate.uses(url, "question") && !RequestTemplate.uses(body, "question")
        && !RequestTemplate.uses(body, "vector")) {
      r.problem(m.location(), section + ": neither url nor body uses {{question}}; the service would never see it");
    }
    if (RequestTemplate.uses(url, "vector")) {
      r.optional(m, "url").ifPresent(n -> r.problem(n.location(), section + ".url: {{vector}} belongs in the body"));
    }
    RequestTemplate t = new RequestTemplate(url, body);
    if (!url.isEmpty() && !httpUrl(t.url("q", 5))) {
      r.optional(m, "url").ifPresent(n -> r.problem(n.location(), section + ".url: '" + Urls.display(url.replaceAll("\\{\\{[^}]*}}", "_"))
          + "' is not an http or https URL such as http://localhost:9200/docs/_search"));
    }
    if (!body.isBlank() && Json.parse(t.body("a question", 5, new float[] {0.5f, -0.5f})).isEmpty()) {
      r.optional(m, "body").ifPresent(n -> r.problem(n.location(), section + ".body: not JSON once {{question}}"
          + " (a JSON string, quotes included: do not quote it), {{k}} and {{vector}} are filled in"));
    }
    List<ServiceConfig.EnvHeader> headers = headers(m, section, r);
    int concurrency = (int) number(m, "concurrency", section, 4, 1, 64, r);
    long timeout = number(m, "timeout-seconds", section, 30, 1, 3600, r);
    int attempts = (int) number(m, "max-attempts", section, 3, 1, 20, r);
    long backoff = number(m, "backoff-ms", section, 500, 0, 600_000, r);
    long maxBackoff = number(m, "max-backoff-ms", section, 30_000, 0, 3_600_000, r);
    return new ServiceConfig(section, METHODS.contains(method) ? method : "POST", t, headers, concurrency,
        Duration.ofSeconds(timeout), attempts, Duration.ofMillis(backoff), Duration.ofMillis(maxBackoff));
  }

  /** {@code headers: {Authorization: {env: ES_API_KEY, prefix: "ApiKey "}}}: values only from the environment. */
  private static List<ServiceConfig.EnvHeader> headers(Node.MapNode m, String section, NodeReader r) {
    List<ServiceConfig.EnvHeader> out = new ArrayList<>();
    Optional<Node.MapNode> hs = r.optional(m, "headers").flatMap(n -> r.asMap(n, section + ".headers"));
    for (Node.Entry e : hs.map(h -> h.entries().values()).orElse(List.of())) {
      String what = section + ".headers." + e.key();
      if (!e.key().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        r.problem(e.keyLocation(), what + ": not a header name");
      }
      if (!(e.value() instanceof Node.MapNode h)) {
        r.problem(e.value().location(), what + ": a header's value never goes in " + ConfigReader.FILE + "; write"
            + " {env: VARIABLE, prefix: \"...\"} and export the value in that environment variable");
        continue;
      }
      r.onlyKeys(h, what, List.of("env", "prefix"));
      String env = r.string(h, "env", what);
      if (!env.isEmpty() && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        r.optional(h, "env").ifPresent(n -> r.problem(n.location(), what + ".env: '" + env + "' is not an environment"
            + " variable name; name the variable that holds the value"));
      }
      String prefix = r.optional(h, "prefix").map(n -> n instanceof Node.ScalarNode s ? s.text() : "").orElse("");
      out.add(new ServiceConfig.EnvHeader(e.key(), env, prefix));
    }
    return out;
  }

  private static JsonPointer pointer(Node.MapNode m, String section, String key, boolean required, NodeReader r) {
    Optional<Node> n = required ? r.required(m, key, section) : r.optional(m, key);
    if (n.isEmpty()) {
      return JsonPointer.WHOLE;
    }
    if (!(n.get() instanceof Node.ScalarNode s) || s.type() == Node.ScalarType.NULL) {
      r.problem(n.get().location(), section + "." + key + ": expected a JSON pointer such as /hits/hits, found "
          + n.get().kind());
      return JsonPointer.WHOLE;
    }
    try {
      return JsonPointer.parse(s.text());
    } catch (IllegalArgumentException e) {
      r.problem(s.location(), section + "." + key + ": " + e.getMessage());
      return JsonPointer.WHOLE;
    }
  }

  private static long number(Node.MapNode m, String key, String section, long orElse, long min, long max,
      NodeReader r) {
    Optional<Node> n = r.optional(m, key);
    if (n.isEmpty()) {
      return orElse;
    }
    OptionalLong v = r.integer(n.get(), section + "." + key, min, max);
    return v.orElse(orElse);
  }

  static boolean httpUrl(String url) {
    try {
      URI u = new URI(url);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** The mapping under {@code key}, if there is one (anything else is reported as not a mapping). */
  static Optional<Node.MapNode> map(Node.MapNode parent, String key, String what, NodeReader r) {
    return r.optional(parent, key).flatMap(n -> r.asMap(n, what));
  }
}
