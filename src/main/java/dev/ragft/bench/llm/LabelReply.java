package dev.ragft.bench.llm;

import java.util.List;
import java.util.Optional;

/**
 * Reads a label from a model's reply, strictly: the whole reply must be one of the labels, after
 * trimming white space, one pair of surrounding quotes or backticks, and one final full stop; a
 * difference in case only is accepted when it matches exactly one label. Anything else (a
 * sentence, two labels, an unknown label) is unparseable and counts as a wrong answer.
 */
public final class LabelReply {
  private LabelReply() {}

  public static Optional<String> parse(String reply, List<String> labels) {
    String s = reply.strip();
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.length() >= 2 && "\"'`".indexOf(s.charAt(0)) >= 0 && s.charAt(s.length() - 1) == s.charAt(0)) {
      s = s.substring(1, s.length() - 1).strip();
    }
    String label = s;
    if (labels.contains(label)) {
      return Optional.of(label);
    }
    List<String> folded = labels.stream().filter(l -> l.equalsIgnoreCase(label)).toList();
    return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
  }
}
