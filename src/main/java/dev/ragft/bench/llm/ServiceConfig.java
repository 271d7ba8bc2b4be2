package dev.ragft.bench.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How ragft reaches one of the team's own HTTP services (a search service, a RAG endpoint, an
 * embeddings endpoint), read from a section of {@code ragft.yaml}. Header values are never here:
 * only the NAMES of the environment variables that hold them.
 *
 * @param section the section of ragft.yaml, for messages ("retriever", "rag.endpoint")
 * @param method GET or POST
 * @param request the URL and body templates
 * @param headers headers whose values come from environment variables
 * @param concurrency requests in flight at most
 * @param timeout the longest one request may take
 * @param maxAttempts attempts per request, the first included
 * @param backoff the wait before the first retry; it doubles each retry, with jitter
 * @param maxBackoff the longest wait between two attempts
 */
public record ServiceConfig(String section, String method, RequestTemplate request, List<EnvHeader> headers,
    int concurrency, Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff) {
  public ServiceConfig {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    headers = List.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (concurrency < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("concurrency and max-attempts must be 1 or more");
    }
  }

  /** The URL as reports show it: no user info, no query, no placeholder filled in. */
  public String displayUrl() {
    return Urls.display(request.url().replaceAll("\\{\\{[^}]*}}", "_"));
  }

  /**
   * What results depend on, for the results log's key: never a header's value, only its
   * variable's name; of the URL's query only the parameter names, since a query may carry a token.
   */
  public String key() {
    String url = request.url();
    int q = url.indexOf('?');
    String params = q < 0 ? "" : "?" + String.join("&", java.util.Arrays.stream(url.substring(q + 1).split("&"))
        .map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) : p).toList());
    StringBuilder b = new StringBuilder(method).append(' ').append(q < 0 ? url : url.substring(0, q)).append(params)
        .append(' ').append(request.body());
    headers.forEach(h -> b.append(";header=").append(h.name()).append("<-").append(h.env()));
    return b.toString();
  }

  /**
   * A header sent with every request: its value is {@code prefix} followed by the value of the
   * environment variable {@code env} ({@code Authorization: ApiKey $ES_API_KEY}).
   */
  public record EnvHeader(String name, String env, String prefix) {
    public EnvHeader {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(env, "env");
      Objects.requireNonNull(prefix, "prefix");
    }
  }
}
