package dev.ragft.bench.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citation syntax the RAG prompt asks for: a passage's document id in square brackets,
 * {@code [doc-id]}, several as {@code [a][b]} or {@code [a, b]}. Only ids of passages the model was
 * shown count as citations; the markers are taken out of the answer before it is scored.
 */
public final class Citations {
  private static final Pattern MARK = Pattern.compile("\\s*\\[([^\\[\\]\\n]{1,200})]");

  private Citations() {}

  /** An answer without its citation markers, and the shown documents it cites, in order of first mention. */
  public record Cited(String answer, List<String> documents) {
    public Cited {
      Objects.requireNonNull(answer, "answer");
      documents = List.copyOf(documents);
    }

    /** The first cited document, or empty when none. */
    public String first() {
      return documents.isEmpty() ? "" : documents.get(0);
    }
  }

  public static Cited parse(String reply, Set<String> shown) {
    Matcher m = MARK.matcher(reply);
    StringBuilder answer = new StringBuilder();
    List<String> cited = new ArrayList<>();
    while (m.find()) {
      List<String> ids = List.of(m.group(1).split("[,;]"));
      boolean all = !ids.isEmpty() && ids.stream().map(String::strip).allMatch(shown::contains);
      if (all) {
        ids.stream().map(String::strip).filter(id -> !cited.contains(id)).forEach(cited::add);
        m.appendReplacement(answer, "");
      } else {
        m.appendReplacement(answer, Matcher.quoteReplacement(m.group()));
      }
    }
    m.appendTail(answer);
    return new Cited(answer.toString().replaceAll("\\s+([.,;:!?])", "$1").strip(), cited);
  }
}
