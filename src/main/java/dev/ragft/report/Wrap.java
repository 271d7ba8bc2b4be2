package dev.ragft.report;

import java.util.ArrayList;
import java.util.List;

/** Word-wrapping and truncation for the terminal reports, which keep within a fixed width. */
final class Wrap {
  private Wrap() {}

  /**
   * {@code text} word-wrapped to {@code width} columns; the first line starts with {@code first},
   * the others with {@code rest}. Prefixes may hold colour codes, which take no columns.
   */
  static List<String> lines(String first, String rest, String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder(first);
    int used = visibleLength(first);
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && used + 1 + word.length() > width) {
        out.add(current.toString());
        current = new StringBuilder(rest);
        used = visibleLength(rest);
        empty = true;
      }
      if (!empty) {
        current.append(' ');
        used++;
      }
      current.append(word);
      used += word.length();
      empty = false;
    }
    out.add(current.toString());
    return out;
  }

  /** {@code s} cut to {@code width} characters, ending in an ellipsis when cut. */
  static String truncate(String s, int width, boolean unicode) {
    if (s.length() <= width) {
      return s;
    }
    String ellipsis = unicode ? "\u2026" : "...";
    return width <= ellipsis.length() ? s.substring(0, width) : s.substring(0, width - ellipsis.length()).stripTrailing() + ellipsis;
  }

  static int visibleLength(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
  }
}
