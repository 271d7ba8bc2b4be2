package dev.ragft.bench.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits prose into sentences: after . ! or ? followed by space, and at line breaks. */
public final class Sentences {
  private static final Pattern LINES = Pattern.compile("\\R+");
  private static final Pattern ENDS = Pattern.compile("(?<=[.!?])[\"')\\]]?\\s+(?=[\\p{Lu}\\p{N}\"'(\\[$€£])");

  private Sentences() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String line : LINES.split(text)) {
      for (String s : ENDS.split(line)) {
        String t = s.strip();
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return out;
  }
}
