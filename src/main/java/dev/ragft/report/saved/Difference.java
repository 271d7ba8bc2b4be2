package dev.ragft.report.saved;

import dev.ragft.input.Location;
import dev.ragft.input.Node;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The first place where a saved result and the same result recomputed disagree, found by walking
 * both trees in the saved file's order. Numbers compare by value ({@code 0.50} equals {@code 0.5}),
 * objects by their keys whatever the order, so a file merely reformatted (by jq, say) still matches.
 *
 * @param path where, as {@code scores.rag} or {@code [3].drivers[0].reason}
 * @param location where in the saved file
 * @param saved what the file holds there, shortened for a one-line message
 * @param recomputed what recomputing gives there
 */
public record Difference(String path, Location location, String saved, String recomputed) {
  private static final int SHOWN = 60;

  /**
   * The version of ragft that wrote the file: provenance, not part of the result, so a file an
   * earlier ragft wrote (or one written before the field existed) still renders.
   */
  private static final String MADE_BY = "ragftVersion";

  public Difference {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
  }

  /** The first difference, or empty when the two trees hold the same values. */
  public static Optional<Difference> first(Node saved, Node recomputed) {
    return walk("", saved, recomputed);
  }

  private static Optional<Difference> walk(String path, Node a, Node b) {
    if (a instanceof Node.MapNode ma && b instanceof Node.MapNode mb) {
      for (Node.Entry e : ma.entries().values()) {
        if (e.key().equals(MADE_BY)) {
          continue;
        }
        String p = path.isEmpty() ? e.key() : path + "." + e.key();
        Node.Entry other = mb.entries().get(e.key());
        if (other == null) {
          return Optional.of(new Difference(p, e.keyLocation(), show(e.value()), "(no such field)"));
        }
        Optional<Difference> d = walk(p, e.value(), other.value());
        if (d.isPresent()) {
          return d;
        }
      }
      for (Node.Entry e : mb.entries().values()) {
        if (!ma.entries().containsKey(e.key()) && !e.key().equals(MADE_BY)) {
          return Optional.of(new Difference(path.isEmpty() ? e.key() : path + "." + e.key(), ma.location(), "(missing)",
              show(e.value())));
        }
      }
      return Optional.empty();
    }
    if (a instanceof Node.ListNode la && b instanceof Node.ListNode lb) {
      for (int i = 0; i < Math.min(la.items().size(), lb.items().size()); i++) {
        Optional<Difference> d = walk(path + "[" + i + "]", la.items().get(i), lb.items().get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      if (la.items().size() != lb.items().size()) {
        return Optional.of(new Difference(path, la.location(), la.items().size() + " items", lb.items().size() + " items"));
      }
      return Optional.empty();
    }
    if (a instanceof Node.ScalarNode sa && b instanceof Node.ScalarNode sb && same(sa, sb)) {
      return Optional.empty();
    }
    return Optional.of(new Difference(path, a.location(), show(a), show(b)));
  }

  private static boolean same(Node.ScalarNode a, Node.ScalarNode b) {
    boolean an = a.type() == Node.ScalarType.INTEGER || a.type() == Node.ScalarType.DECIMAL;
    boolean bn = b.type() == Node.ScalarType.INTEGER || b.type() == Node.ScalarType.DECIMAL;
    if (an && bn) {
      return new BigDecimal(a.text()).compareTo(new BigDecimal(b.text())) == 0;
    }
    return a.type() == b.type() && a.text().equals(b.text());
  }

  private static String show(Node n) {
    if (n instanceof Node.ScalarNode s) {
      String t = s.type() == Node.ScalarType.STRING ? "'" + s.text() + "'" : s.type() == Node.ScalarType.NULL ? "null" : s.text();
      return t.length() <= SHOWN ? t : t.substring(0, SHOWN - 3) + "...'";
    }
    return n.kind();
  }
}
