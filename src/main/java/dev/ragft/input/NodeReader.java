package dev.ragft.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a {@link Node} tree that collects problems instead of throwing, so that one
 * pass over a file reports everything wrong with it. Getters return a harmless value (empty
 * string, empty list, empty Optional) after recording a problem.
 */
public final class NodeReader {
  private final List<Problem> problems = new ArrayList<>();

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public void problem(Location where, String message) {
    problems.add(new Problem(where, message));
  }

  /** Throws {@link BadInputException} with every problem recorded, sorted by place. */
  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
      sorted.sort(null);
      throw new BadInputException(sorted);
    }
  }

  /** {@code node} as a mapping, or empty after a problem naming {@code what} was expected. */
  public Optional<Node.MapNode> asMap(Node node, String what) {
    if (node instanceof Node.MapNode m) {
      return Optional.of(m);
    }
    problem(node.location(), what + ": expected a mapping (key: value lines), found " + node.kind());
    return Optional.empty();
  }

  public List<Node> asList(Node node, String what) {
    if (node instanceof Node.ListNode l) {
      return l.items();
    }
    problem(node.location(), what + ": expected a list, found " + node.kind());
    return List.of();
  }

  /** Reports keys of {@code map} that are not in {@code allowed}, naming the valid keys. */
  public void onlyKeys(Node.MapNode map, String what, Collection<String> allowed) {
    for (Node.Entry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        problem(
            e.keyLocation(),
            what + ": unknown key '" + e.key() + "'; expected one of " + String.join(", ", allowed));
      }
    }
  }

  public Optional<Node> optional(Node.MapNode map, String key) {
    Node.Entry e = map.entries().get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  public Optional<Node> required(Node.MapNode map, String key, String what) {
    Optional<Node> n = optional(map, key);
    if (n.isEmpty()) {
      problem(map.location(), what + ": missing required key '" + key + "'");
    }
    return n;
  }

  /** A required non-empty string. */
  public String string(Node.MapNode map, String key, String what) {
    return required(map, key, what).flatMap(n -> text(n, what + "." + key)).orElse("");
  }

  public String optionalString(Node.MapNode map, String key, String what, String orElse) {
    return optional(map, key).flatMap(n -> text(n, what + "." + key)).orElse(orElse);
  }

  /** A scalar as text; numbers are accepted as text (a version "2026.1" reads as a number). */
  public Optional<String> text(Node node, String what) {
    if (node instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL) {
      if (s.text().isBlank()) {
        problem(node.location(), what + ": must not be blank");
        return Optional.empty();
      }
      return Optional.of(s.text());
    }
    problem(node.location(), what + ": expected text, found " + node.kind());
    return Optional.empty();
  }

  /** A whole number within [min, max]. */
  public OptionalLong integer(Node node, String what, long min, long max) {
    if (node instanceof Node.ScalarNode s && s.type() == Node.ScalarType.INTEGER) {
      try {
        long v = Long.parseLong(s.text().replace("_", ""));
        if (v < min || v > max) {
          problem(node.location(), what + ": " + v + " is out of range; expected " + range(min, max));
          return OptionalLong.empty();
        }
        return OptionalLong.of(v);
      } catch (NumberFormatException e) {
        problem(node.location(), what + ": '" + s.text() + "' is too large; expected " + range(min, max));
        return OptionalLong.empty();
      }
    }
    String found = node instanceof Node.ScalarNode s ? "'" + s.text() + "'" : node.kind();
    problem(node.location(), what + ": expected a whole number " + range(min, max) + ", found " + found);
    return OptionalLong.empty();
  }

  public OptionalLong integer(Node.MapNode map, String key, String what, long min, long max) {
    Optional<Node> n = required(map, key, what);
    return n.isEmpty() ? OptionalLong.empty() : integer(n.get(), what + "." + key, min, max);
  }

  /** A number (whole or decimal) within [min, max]. */
  public java.util.OptionalDouble decimal(Node node, String what, double min, double max) {
    if (node instanceof Node.ScalarNode s
        && (s.type() == Node.ScalarType.INTEGER || s.type() == Node.ScalarType.DECIMAL)) {
      double v = Double.parseDouble(s.text().replace("_", ""));
      if (v < min || v > max || Double.isNaN(v)) {
        String bounds = max == Double.MAX_VALUE ? min + " or more" : min + " to " + max;
        problem(node.location(), what + ": " + s.text() + " is out of range; expected " + bounds.replace(".0 ", " ")
            .replaceAll("\\.0$", ""));
        return java.util.OptionalDouble.empty();
      }
      return java.util.OptionalDouble.of(v);
    }
    String found = node instanceof Node.ScalarNode s ? "'" + s.text() + "'" : node.kind();
    problem(node.location(), what + ": expected a number, found " + found);
    return java.util.OptionalDouble.empty();
  }

  public java.util.OptionalDouble decimal(Node.MapNode map, String key, String what, double min, double max) {
    Optional<Node> n = required(map, key, what);
    return n.isEmpty() ? java.util.OptionalDouble.empty() : decimal(n.get(), what + "." + key, min, max);
  }

  /** A list of ids, each a non-blank string; also accepts a single id. */
  public List<String> idList(Node node, String what) {
    List<Node> items = node instanceof Node.ListNode l ? l.items() : List.of(node);
    List<String> ids = new ArrayList<>();
    for (Node item : items) {
      text(item, what).ifPresent(ids::add);
    }
    return ids;
  }

  /** Records a problem for each id seen before in {@code seen}; returns whether {@code id} is new. */
  public boolean unique(Set<String> seen, String id, Location where, String what) {
    if (!seen.add(id)) {
      problem(where, what + ": duplicate id '" + id + "'");
      return false;
    }
    return true;
  }

  private static String range(long min, long max) {
    if (max == Long.MAX_VALUE) {
      return min == 0 ? "(0 or more)" : "(" + min + " or more)";
    }
    return "(" + min + " to " + max + ")";
  }

  /** Sorted, comma-separated, for "expected one of" messages. */
  public static String sortedList(Collection<String> values) {
    return String.join(", ", new TreeSet<>(values));
  }
}
