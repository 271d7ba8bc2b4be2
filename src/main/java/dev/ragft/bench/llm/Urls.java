package dev.ragft.bench.llm;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs as ragft shows and hashes them: without user info or query, where secrets may hide. */
final class Urls {
  private Urls() {}

  static String display(String url) {
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return "(unreadable URL)";
      }
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
    } catch (URISyntaxException e) {
      return "(unreadable URL)";
    }
  }

  /** The chat-completions URL: Azure puts the deployment in the path and the api-version in the query. */
  static URI chatCompletions(EndpointConfig c, String model) {
    String base = c.baseUrl().endsWith("/") ? c.baseUrl().substring(0, c.baseUrl().length() - 1) : c.baseUrl();
    String url = c.azure()
        ? base + "/" + java.net.URLEncoder.encode(model, java.nio.charset.StandardCharsets.UTF_8)
            + "/chat/completions?api-version="
            + java.net.URLEncoder.encode(c.azureApiVersion(), java.nio.charset.StandardCharsets.UTF_8)
        : base + "/chat/completions";
    return URI.create(url);
  }
}
