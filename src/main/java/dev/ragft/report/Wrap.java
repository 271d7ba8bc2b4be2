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

  /**
   * The columns {@code s} takes: its length without colour codes (ESC [ digits and ; m). A scan,
   * not String.replaceAll, which compiles its regular expression at every call.
   */
  static int visibleLength(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
        int j = i + 2;
        while (j < s.length() && (s.charAt(j) >= '0' && s.charAt(j) <= '9' || s.charAt(j) == ';')) {
          j++;
        }
        if (j < s.length() && s.charAt(j) == 'm') {
          i = j;
          continue;
        }
      }
      length++;
    }
    return length;
  }
}
