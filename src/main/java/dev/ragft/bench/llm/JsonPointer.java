package dev.ragft.bench.llm;

import dev.ragft.input.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON Pointer (RFC 6901): {@code /hits/hits}, {@code /_source/text}, {@code /data/0/embedding}.
 * Each {@code /}-separated token names a key of an object or, when it is a whole number, an index
 * of an array; {@code ~1} stands for {@code /} and {@code ~0} for {@code ~}. The empty pointer is
 * the whole document.
 *
 * @param text the pointer as written, for messages
 * @param tokens its reference tokens, unescaped
 */
public record JsonPointer(String text, List<String> tokens) {
  public static final JsonPointer WHOLE = new JsonPointer("", List.of());

  public JsonPointer {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
  }

  /**
   * The pointer {@code text} means.
   *
   * @throws IllegalArgumentException when it is not a pointer, with a message saying why
   */
  public static JsonPointer parse(String text) {
    if (text.isEmpty()) {
      return WHOLE;
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("'" + text + "' is not a JSON pointer; it starts with '/', as /hits/hits"
          + " or /_source/text");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      if (raw.matches(".*~([^01]|$).*")) {
        throw new IllegalArgumentException("'" + text + "': '~' must be followed by 0 (for ~) or 1 (for /)");
      }
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointer(text, tokens);
  }

  /** The value this pointer names in {@code root}; empty when a step is missing. */
  public Optional<Node> at(Node root) {
    Node here = root;
    for (String t : tokens) {
      if (here instanceof Node.MapNode m && m.entries().containsKey(t)) {
        here = m.entries().get(t).value();
      } else if (here instanceof Node.ListNode l && t.matches("0|[1-9][0-9]{0,8}")
          && Integer.parseInt(t) < l.items().size()) {
        here = l.items().get(Integer.parseInt(t));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(here);
  }

  /** The scalar this pointer names, as text (numbers as written); empty when missing, null or not a scalar. */
  public Optional<String> text(Node root) {
    return at(root).filter(n -> n instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL)
        .map(n -> ((Node.ScalarNode) n).text());
  }

  @Override
  public String toString() {
    return text.isEmpty() ? "(the whole value)" : text;
  }
}
