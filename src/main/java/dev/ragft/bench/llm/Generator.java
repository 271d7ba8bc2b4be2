package dev.ragft.bench.llm;

import java.util.Map;
import java.util.Objects;

/**
 * One model behind the endpoint, with its prompts: the RAG generator or the user's fine-tuned model.
 * {@code grounded} is the prompt that shows it retrieved passages: the RAG generator's answer
 * prompt, and for the fine-tuned model the RAG prompt too, when the hybrid makes it the generator.
 */
public record Generator(ChatClient client, String model, String tier, PromptTemplate answer, PromptTemplate label,
    PromptTemplate grounded) {
  public Generator {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(grounded, "grounded");
  }

  /** The answer from retrieved passages, citing them. */
  public Reply grounded(Map<String, String> values) {
    return client.complete(model, grounded.render(values));
  }

  public Reply answer(Map<String, String> values) {
    return client.complete(model, answer.render(values));
  }

  public Reply label(Map<String, String> values) {
    return client.complete(model, label.render(values));
  }

  /** "gpt-4o-mini at https://api.openai.com/v1", for reports; never the key. */
  public String where() {
    return model + " at " + client.config().displayUrl();
  }
}
