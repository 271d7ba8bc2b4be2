package dev.ragft.bench.llm;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt users can edit, in a plain text file. Lines starting with {@code #} before the first
 * other line are comments. A line holding only {@code ---} splits the system message (above) from
 * the user message (below); without it the whole text is the user message. Placeholders are
 * {@code {{name}}}; each kind of prompt allows its own names, and a name it does not know, or a
 * required one missing, is an error naming the file, line and column.
 */
public final class PromptTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_-]*)\\s*}}");

  /** What a prompt is for, and the placeholders it takes. */
  public enum Kind {
    /** The RAG generator: the question and the retrieved passages. */
    RAG_ANSWER("rag-answer.txt", Set.of("question", "passages"), Set.of("question", "passages")),
    /** The fine-tuned model: the question alone. */
    FINE_TUNE_ANSWER("fine-tune-answer.txt", Set.of("question"), Set.of("question")),
    /** A label for a classification case: the text, the label set, optional labelled examples. */
    LABEL("label.txt", Set.of("question", "labels"), Set.of("question", "labels", "examples")),
    /** The judge: the question, the gold answers, the answer graded and the passages it was read from. */
    JUDGE("judge.txt", Set.of("question", "expected", "answer"), Set.of("question", "expected", "answer", "passages"));

    private final String builtIn;
    private final Set<String> required;
    private final Set<String> allowed;

    Kind(String builtIn, Set<String> required, Set<String> allowed) {
      this.builtIn = builtIn;
      this.required = required;
      this.allowed = allowed;
    }

    public String builtIn() {
      return "prompts/" + builtIn;
    }
  }

  private final String name;
  private final String system;
  private final String user;

  private PromptTemplate(String name, String system, String user) {
    this.name = name;
    this.system = system;
    this.user = user;
  }

  /** The file {@code path} (as the user named it, resolved against {@code cwd}), or the built-in one when empty. */
  public static PromptTemplate load(Kind kind, String path, Path cwd) {
    if (path.isEmpty()) {
      try (InputStream in = PromptTemplate.class.getResourceAsStream("/" + kind.builtIn())) {
        if (in == null) {
          throw new IllegalStateException("built-in prompt missing from the jar: " + kind.builtIn());
        }
        return parse(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + kind.builtIn());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return parse(kind, Files.readString(cwd.resolve(path), StandardCharsets.UTF_8), path);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Location.ofFile(path), "prompt file not found");
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(path), "cannot read the prompt file: " + e.getMessage());
    }
  }

  static PromptTemplate parse(Kind kind, String text, String name) {
    List<String> lines = text.replace("\r\n", "\n").lines().toList();
    int first = 0;
    while (first < lines.size() && lines.get(first).startsWith("#")) {
      first++;
    }
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new java.util.TreeSet<>();
    for (int i = first; i < lines.size(); i++) {
      Matcher m = PLACEHOLDER.matcher(lines.get(i));
      while (m.find()) {
        if (!kind.allowed.contains(m.group(1))) {
          problems.add(new Problem(new Location(name, i + 1, m.start() + 1), "unknown placeholder {{" + m.group(1)
              + "}}; expected one of " + String.join(", ", kind.allowed.stream().sorted().map(p -> "{{" + p + "}}")
              .toList())));
        }
        seen.add(m.group(1));
      }
    }
    for (String r : kind.required.stream().sorted().toList()) {
      if (!seen.contains(r)) {
        problems.add(new Problem(Location.ofFile(name), "the prompt must contain {{" + r + "}}"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    int split = lines.subList(first, lines.size()).indexOf("---");
    List<String> body = lines.subList(first, lines.size());
    String system = split < 0 ? "" : String.join("\n", body.subList(0, split)).strip();
    String user = (split < 0 ? String.join("\n", body) : String.join("\n", body.subList(split + 1, body.size()))).strip();
    return new PromptTemplate(name, system, user);
  }

  public String name() {
    return name;
  }

  /** The template's name and a hash of its text: an edited prompt is a different experiment. */
  public String fingerprint() {
    return name + "#" + Integer.toHexString((system + "\u0000" + user).hashCode());
  }

  /** The messages for one case: the system message when the template has one, then the user message. */
  public List<Message> render(Map<String, String> values) {
    List<Message> out = new ArrayList<>();
    if (!system.isEmpty()) {
      out.add(new Message("system", fill(system, values)));
    }
    out.add(new Message("user", fill(user, values)));
    return out;
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(b);
    return b.toString();
  }
}
