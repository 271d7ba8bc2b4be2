package dev.ragft.bench.llm;

import dev.ragft.input.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The team's own search service as ragft's retriever ({@code --retriever http}): each question
 * goes out through the request template, and the reply's hits are read by JSON pointer, so any
 * JSON search API fits (Elasticsearch and OpenSearch {@code _search}, Vespa, a vector database
 * behind an API, a service of one's own). The hits feed the same reader, generator, citations and
 * retrieval metrics as ragft's own retrievers.
 */
public final class SearchService {
  /**
   * The settings of {@code retriever:} in ragft.yaml.
   *
   * @param service how the service is reached
   * @param hits where the list of hits is in the reply ({@code /hits/hits})
   * @param id where a hit's document id is, within the hit ({@code /_id})
   * @param text where its passage text is ({@code /_source/text})
   * @param title where its title is; empty text: no title
   * @param score where its score is; empty text: scores are the reverse rank
   */
  public record Config(ServiceConfig service, JsonPointer hits, JsonPointer id, JsonPointer text, JsonPointer title,
      JsonPointer score) {
    public Config {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(hits, "hits");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(score, "score");
    }

    /** What results depend on, for the results log's key. */
    public String key() {
      return service.key() + ";hits=" + hits.text() + ";id=" + id.text() + ";text=" + text.text() + ";title="
          + title.text() + ";score=" + score.text();
    }
  }

  /** A hit as the service ranked it. */
  public record Hit(String docId, String title, String text, float score) {
    public Hit {
      Objects.requireNonNull(docId, "docId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(text, "text");
    }
  }

  private final Config config;
  private final ServiceClient client;

  public SearchService(Config config, ServiceClient client) {
    this.config = config;
    this.client = client;
  }

  public Config config() {
    return config;
  }

  /** Whether each question's embedding goes into the request ({@code {{vector}}}). */
  public boolean usesVector() {
    return config.service().request().usesVector();
  }

  /** The service's hits for a question, best first, at most {@code k}. */
  public List<Hit> search(String question, int k, float[] vector) {
    ServiceClient.Response r = client.call(question, k, vector);
    String url = Urls.display(config.service().request().url(question, k));
    Optional<Node> list = config.hits().at(r.json());
    if (list.isEmpty() || !(list.get() instanceof Node.ListNode hits)) {
      throw client.fail(url, "the reply has no list of hits at " + config.hits() + " (retriever.hits)"
          + list.map(n -> "; found " + n.kind()).orElse(""));
    }
    List<Hit> out = new ArrayList<>();
    for (int i = 0; i < hits.items().size() && out.size() < k; i++) {
      Node h = hits.items().get(i);
      String at = "hit " + i + " of " + config.hits();
      String id = config.id().text(h).orElseThrow(() -> client.fail(url, at + " has no document id at "
          + config.id() + " (retriever.id)"));
      String text = config.text().text(h).orElseThrow(() -> client.fail(url, at + " has no text at " + config.text()
          + " (retriever.text)"));
      String title = config.title().text().isEmpty() ? "" : config.title().text(h).orElse("");
      float score = hits.items().size() - i;
      if (!config.score().text().isEmpty()) {
        String s = config.score().text(h).orElseThrow(() -> client.fail(url, at + " has no score at "
            + config.score() + " (retriever.score)"));
        try {
          score = Float.parseFloat(s);
        } catch (NumberFormatException e) {
          throw client.fail(url, at + ": the score at " + config.score() + " is not a number: '" + s + "'");
        }
      }
      out.add(new Hit(id, title, text, score));
    }
    return out;
  }
}
