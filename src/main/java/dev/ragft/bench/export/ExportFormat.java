package dev.ragft.bench.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ragft.bench.dataset.TrainExample;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The fine-tuning file formats. Each example becomes one compact JSON object on its own line, in
 * the dataset's order, so outputs diff line by line and are byte-identical on reruns.
 *
 * <ul>
 *   <li>{@code openai}: OpenAI chat fine-tuning JSONL, {@code {"messages":[...]}} with roles
 *       {@code system} (only with a system prompt), {@code user} (the pair's input) and
 *       {@code assistant} (its output).
 *   <li>{@code alpaca}: a JSON array of {@code {"instruction","input","output"}} as in Stanford
 *       Alpaca's {@code alpaca_data.json}; the instruction is the system prompt, or else the
 *       task's instruction from {@code finetune-export.yaml}; input and output are the pair's.
 *   <li>{@code sharegpt}: JSONL of {@code {"conversations":[...]}} with turns {@code from}
 *       {@code system} (only with a system prompt), {@code human} and {@code gpt}, each with a
 *       {@code value}, as FastChat and Axolotl read it.
 * </ul>
 */
public enum ExportFormat {
  OPENAI("openai") {
    @Override
    void example(JsonGenerator g, TrainExample e, Optional<String> system, ExportRules rules) throws IOException {
      conversation(g, e, system, "messages", "role", "content", "system", "user", "assistant");
    }
  },
  ALPACA("alpaca") {
    @Override
    void example(JsonGenerator g, TrainExample e, Optional<String> system, ExportRules rules) throws IOException {
      g.writeStartObject();
      g.writeStringField("instruction", system.orElse(rules.instruction(e.task())));
      g.writeStringField("input", e.input());
      g.writeStringField("output", e.output());
      g.writeEndObject();
    }

    @Override
    public String render(List<TrainExample> examples, Optional<String> system, ExportRules rules) {
      // One JSON array (what Alpaca loaders expect), still one example per line.
      if (examples.isEmpty()) {
        return "[]\n";
      }
      StringBuilder b = new StringBuilder("[\n");
      for (int i = 0; i < examples.size(); i++) {
        b.append("  ").append(line(examples.get(i), system, rules)).append(i + 1 < examples.size() ? ",\n" : "\n");
      }
      return b.append("]\n").toString();
    }
  },
  SHAREGPT("sharegpt") {
    @Override
    void example(JsonGenerator g, TrainExample e, Optional<String> system, ExportRules rules) throws IOException {
      conversation(g, e, system, "conversations", "from", "value", "system", "human", "gpt");
    }
  };

  private static final JsonFactory JSON = new JsonFactory();

  private final String id;

  ExportFormat(String id) {
    this.id = id;
  }

  /** The id used by {@code --format}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }

  /** The whole file: JSON Lines (one object per line, "\n" after each) unless the format says otherwise. */
  public String render(List<TrainExample> examples, Optional<String> system, ExportRules rules) {
    StringBuilder b = new StringBuilder();
    for (TrainExample e : examples) {
      b.append(line(e, system, rules)).append('\n');
    }
    return b.toString();
  }

  abstract void example(JsonGenerator g, TrainExample e, Optional<String> system, ExportRules rules) throws IOException;

  String line(TrainExample e, Optional<String> system, ExportRules rules) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      example(g, e, system, rules);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return w.toString();
  }

  /**
   * A chat-shaped example (OpenAI and ShareGPT differ only in names): an array of turns, each an
   * object naming who speaks and what is said; the system turn only when there is a prompt.
   */
  private static void conversation(JsonGenerator g, TrainExample e, Optional<String> system, String array, String who,
      String text, String systemRole, String userRole, String assistantRole) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart(array);
    if (system.isPresent()) {
      turn(g, who, systemRole, text, system.get());
    }
    turn(g, who, userRole, text, e.input());
    turn(g, who, assistantRole, text, e.output());
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void turn(JsonGenerator g, String who, String whoValue, String text, String textValue)
      throws IOException {
    g.writeStartObject();
    g.writeStringField(who, whoValue);
    g.writeStringField(text, textValue);
    g.writeEndObject();
  }
}
