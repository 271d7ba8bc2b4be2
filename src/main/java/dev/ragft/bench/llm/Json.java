package dev.ragft.bench.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The chat-completions JSON: request bodies written in a fixed key order, replies read as a tree. */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** The request body; the same request always gives the same bytes, so it can key the cache. */
  static String body(String model, List<Message> messages, double temperature, int maxTokens) {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("model", model);
      g.writeArrayFieldStart("messages");
      for (Message m : messages) {
        g.writeStartObject();
        g.writeStringField("role", m.role());
        g.writeStringField("content", m.content());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("temperature", temperature);
      if (maxTokens > 0) {
        g.writeNumberField("max_tokens", maxTokens);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /** A JSON document as a tree, or empty when it is not JSON. */
  static Optional<Node> parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        return Optional.empty();
      }
      return Optional.of(YamlTree.tree(p, loc -> Location.ofFile("reply")));
    } catch (IOException | BadInputException e) {
      return Optional.empty();
    }
  }

  /** The node at a path of keys and list indexes, e.g. {@code "choices", 0, "message", "content"}. */
  static Optional<Node> at(Node n, Object... path) {
    Node here = n;
    for (Object step : path) {
      if (step instanceof String key && here instanceof Node.MapNode m && m.entries().containsKey(key)) {
        here = m.entries().get(key).value();
      } else if (step instanceof Integer i && here instanceof Node.ListNode l && i < l.items().size()) {
        here = l.items().get(i);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(here);
  }

  static Optional<String> text(Node n, Object... path) {
    return at(n, path).filter(x -> x instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL)
        .map(x -> ((Node.ScalarNode) x).text());
  }

  static long whole(Node n, long orElse, Object... path) {
    return text(n, path).map(t -> {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        return orElse;
      }
    }).orElse(orElse);
  }

  /** A flat object of strings and numbers, written in the given order. */
  static String flat(List<String[]> fields) {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(s)) {
      g.writeStartObject();
      for (String[] f : fields) {
        g.writeStringField(f[0], f[1]);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s + "\n";
  }
}
