package dev.ragft.input;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where every value came from, so that readers can
 * report every problem with file, line and column rather than the first one only.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {
  Location location();

  /** What kind of value this is, as a message would say it ("a mapping", "a list", ...). */
  String kind();

  /** A mapping; keys keep their order and their own locations. */
  record MapNode(Location location, Map<String, Entry> entries) implements Node {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** A key of a mapping with its location, and its value. */
  record Entry(String key, Location keyLocation, Node value) {}

  record ListNode(Location location, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** The type the YAML parser gave a scalar. */
  enum ScalarType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  /** A scalar, kept as its text with the type the parser saw. */
  record ScalarNode(Location location, String text, ScalarType type) implements Node {
    @Override
    public String kind() {
      return switch (type) {
        case STRING -> "a string";
        case INTEGER -> "a whole number";
        case DECIMAL -> "a decimal number";
        case BOOLEAN -> "true/false";
        case NULL -> "an empty value";
      };
    }
  }
}
