package dev.ragft.bench.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model that grades answers behind the endpoint (LLM-as-a-judge: Zheng et al., "Judging
 * LLM-as-a-Judge with MT-Bench and Chatbot Arena", NeurIPS 2023): the correctness of an answer
 * against the gold answers and its faithfulness to the passages it was read from, each 0 to 1.
 * Calls go through the shared client, so they are cached (a rerun or a resumed run asks nothing
 * twice) and bounded like every other call.
 */
public record Judge(ChatClient client, String model, PromptTemplate prompt) {
  /** "correctness: 0.8" anywhere in the reply (the prompt asks for one per line; a model may run them together). */
  private static final Pattern CORRECTNESS = Pattern.compile("(?i)\\bcorrectness\\s*:\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)");
  private static final Pattern FAITHFULNESS = Pattern.compile("(?i)\\bfaithfulness\\s*:\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)");

  public Judge {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
  }

  /**
   * A grade: correctness and faithfulness as the judge gave them (empty when its reply held none,
   * or a value above 1), and the reply itself for a note.
   */
  public record Grade(OptionalDouble correctness, OptionalDouble faithfulness, String reply) {
    public Grade {
      Objects.requireNonNull(correctness, "correctness");
      Objects.requireNonNull(faithfulness, "faithfulness");
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * Grades {@code answer} to {@code question}.
   *
   * @param passages the texts the answer was read from; empty when the approach did not retrieve
   */
  public Grade grade(String question, List<String> expected, String answer, List<String> passages) {
    Reply r = client.complete(model, prompt.render(Map.of("question", question, "expected", String.join("\n", expected),
        "answer", answer.isBlank() ? "(no answer)" : answer,
        "passages", passages.isEmpty() ? "(none)" : String.join("\n", passages))));
    return parse(r.content());
  }

  static Grade parse(String reply) {
    return new Grade(value(CORRECTNESS, reply), value(FAITHFULNESS, reply), reply);
  }

  private static OptionalDouble value(Pattern p, String reply) {
    Matcher m = p.matcher(reply);
    if (!m.find()) {
      return OptionalDouble.empty();
    }
    double v = Double.parseDouble(m.group(1));
    return v <= 1 ? OptionalDouble.of(v) : OptionalDouble.empty();
  }

  /** "gpt-4o-mini at https://api.openai.com/v1", for reports; never the key. */
  public String where() {
    return model + " at " + client.config().displayUrl();
  }

  /** What cached grades depend on: the model and the prompt. */
  public String key() {
    return model + "/" + prompt.fingerprint();
  }
}
