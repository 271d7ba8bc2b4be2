package dev.ragft.bench.llm;

import dev.ragft.input.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The team's own answering service as an approach: {@code rag.endpoint} (their RAG system) or
 * {@code fine-tune.endpoint} (a fine-tuned model served behind something other than chat
 * completions). Each question goes out through the request template; the answer, the documents it
 * cites and, when the service says, the documents it retrieved are read by JSON pointer.
 */
public final class AnswerService {
  /**
   * The settings of {@code rag.endpoint:} or {@code fine-tune.endpoint:}.
   *
   * @param service how the service is reached
   * @param answer where the answer text is ({@code /answer})
   * @param citations where the list of cited documents is; empty text: read {@code [doc-id]} markers
   *     in the answer
   * @param citationId where an item of that list holds the document id; empty text: the item is the id
   * @param retrieved where the list of retrieved documents is, best first; empty text: the service
   *     does not say, and no retrieval metric is measured for it
   * @param retrievedId where an item of that list holds the document id; empty text: the item is the id
   */
  public record Config(ServiceConfig service, JsonPointer answer, JsonPointer citations, JsonPointer citationId,
      JsonPointer retrieved, JsonPointer retrievedId) {
    public Config {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(citations, "citations");
      Objects.requireNonNull(citationId, "citationId");
      Objects.requireNonNull(retrieved, "retrieved");
      Objects.requireNonNull(retrievedId, "retrievedId");
    }

    public boolean saysRetrieved() {
      return !retrieved.text().isEmpty();
    }

    public String key() {
      return service.key() + ";answer=" + answer.text() + ";citations=" + citations.text() + ";citation-id="
          + citationId.text() + ";retrieved=" + retrieved.text() + ";retrieved-id=" + retrievedId.text();
    }
  }

  /**
   * What the service answered: the text (citation markers taken out when they were read from it),
   * the documents cited in order, the documents retrieved (empty when the service does not say) and
   * how long the request took.
   */
  public record Answer(String text, List<String> cited, List<String> retrieved, long micros) {
    public Answer {
      Objects.requireNonNull(text, "text");
      cited = List.copyOf(cited);
      retrieved = List.copyOf(retrieved);
    }
  }

  private final Config config;
  private final ServiceClient client;

  public AnswerService(Config config, ServiceClient client) {
    this.config = config;
    this.client = client;
  }

  public Config config() {
    return config;
  }

  /** The service's answer to {@code question}; {@code k} fills the template's {@code {{k}}}. */
  public Answer ask(String question, int k) {
    ServiceClient.Response r = client.call(question, k, new float[0]);
    String url = Urls.display(config.service().request().url(question, k));
    String section = config.service().section();
    String text = config.answer().text(r.json()).orElseThrow(() -> client.fail(url, "the reply has no answer at "
        + config.answer() + " (" + section + ".answer)"));
    List<String> retrieved = config.saysRetrieved()
        ? ids(r.json(), config.retrieved(), config.retrievedId(), url, section + ".retrieved") : List.of();
    if (config.citations().text().isEmpty()) {
      Citations.Cited c = Citations.parse(text, new java.util.HashSet<>(markers(text)));
      return new Answer(c.answer(), c.documents(), retrieved, r.micros());
    }
    return new Answer(text.strip(), ids(r.json(), config.citations(), config.citationId(), url, section + ".citations"),
        retrieved, r.micros());
  }

  private List<String> ids(Node json, JsonPointer list, JsonPointer id, String url, String key) {
    Optional<Node> n = list.at(json);
    if (n.isEmpty() || !(n.get() instanceof Node.ListNode items)) {
      throw client.fail(url, "the reply has no list at " + list + " (" + key + ")" + n.map(x -> "; found " + x.kind())
          .orElse(""));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.items().size(); i++) {
      int at = i;
      String doc = id.text(items.items().get(i)).orElseThrow(() -> client.fail(url, "item " + at + " of " + list
          + " has no document id at " + id + " (" + key + "-id)"));
      if (!out.contains(doc)) {
        out.add(doc);
      }
    }
    return out;
  }

  /** Every bracketed id in {@code text}: with no list of shown passages, any {@code [id]} counts. */
  private static List<String> markers(String text) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\[\\]\\n]{1,200})]").matcher(text);
    while (m.find()) {
      for (String id : m.group(1).split("[,;]")) {
        out.add(id.strip());
      }
    }
    return out;
  }
}
