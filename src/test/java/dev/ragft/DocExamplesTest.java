package dev.ragft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example output in README.md and docs/ is what the real command prints, so none can go
 * stale. In a {@code ```text} block, a line {@code $ scripts/ragft ARGS} (continued with a
 * trailing backslash) is run through the CLI from the project root, and the lines up to the next
 * {@code $} line must be its output (stdout, then stderr). A line {@code ...} elides: then each
 * part between elisions must appear in the output, in order. {@code -Ddocs.update=true} rewrites
 * the blocks that elide nothing with what the commands print now, for review. Commands that read
 * a terminal or the clock ({@code interview}, {@code bench}) are not run.
 */
class DocExamplesTest {
  private static final boolean UPDATE = Boolean.getBoolean("docs.update");
  private static final String PROMPT = "$ scripts/ragft ";

  static Stream<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out.stream();
  }

  /** One command of a block and the output the document shows for it. */
  record Example(int line, List<String> args, List<String> shown) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void everyExampleOutputIsWhatTheCommandPrints(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<String> rewritten = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      rewritten.add(line);
      i++;
      if (!line.equals("```text")) {
        continue;
      }
      int end = i;
      while (end < lines.size() && !lines.get(end).equals("```")) {
        end++;
      }
      List<String> block = lines.subList(i, end);
      rewritten.addAll(check(doc, i + 1, block, failures));
      i = end;
    }
    if (UPDATE) {
      Files.writeString(doc, String.join("\n", rewritten) + "\n", StandardCharsets.UTF_8);
    }
    assertThat(failures).as("%s: examples that differ from the command's output (rerun with -Ddocs.update=true to"
        + " rewrite the blocks without '...', then review)", doc).isEmpty();
  }

  /** Checks a block's examples; returns the block as it should read (rewritten where nothing is elided). */
  private static List<String> check(Path doc, int firstLine, List<String> block, List<String> failures) {
    List<Example> examples = examples(firstLine, block);
    if (examples.isEmpty() || examples.stream().anyMatch(e -> skipped(e.args()))) {
      return block;
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    for (Example e : examples) {
      while (i < block.size() && !block.get(i).startsWith(PROMPT)) {
        out.add(block.get(i++));
      }
      while (i < block.size() && block.get(i).endsWith("\\")) {
        out.add(block.get(i++));
      }
      out.add(block.get(i++));
      Cli r = Cli.run(e.args().toArray(String[]::new));
      List<String> actual = new ArrayList<>((r.out() + r.err()).lines().toList());
      boolean elided = e.shown().contains("...");
      if (elided) {
        String text = String.join("\n", actual);
        int from = 0;
        for (String part : parts(e.shown())) {
          int at = text.indexOf(part, from);
          if (at < 0) {
            failures.add(doc + ":" + e.line() + ": " + String.join(" ", e.args()) + ": no\n" + part + "\nin\n" + text);
            break;
          }
          from = at + part.length();
        }
        out.addAll(e.shown());
      } else {
        if (!actual.equals(e.shown())) {
          failures.add(doc + ":" + e.line() + ": " + String.join(" ", e.args()) + ": shows\n" + String.join("\n", e.shown())
              + "\nbut prints\n" + String.join("\n", actual));
        }
        out.addAll(UPDATE ? actual : e.shown());
      }
      i += e.shown().size();
    }
    while (i < block.size()) {
      out.add(block.get(i++));
    }
    return out;
  }

  /**
   * Not run: commands that read a terminal or the clock, pipes and redirections, and examples about
   * a file the reader makes first (an edited result, a file of their own), which is not in the
   * repository.
   */
  private static boolean skipped(List<String> args) {
    if (args.isEmpty() || args.get(0).equals("interview") || args.get(0).equals("bench") || args.contains("|")
        || args.contains(">")) {
      return true;
    }
    for (String a : args) {
      if (a.matches("[^-][^ ]*\\.(ya?ml|json|csv)") && !Files.exists(Path.of(a))) {
        return true;
      }
    }
    return false;
  }

  private static List<Example> examples(int firstLine, List<String> block) {
    List<Example> out = new ArrayList<>();
    int i = 0;
    while (i < block.size()) {
      if (!block.get(i).startsWith(PROMPT)) {
        i++;
        continue;
      }
      int line = firstLine + i;
      StringBuilder command = new StringBuilder(block.get(i).substring(PROMPT.length()));
      while (command.toString().endsWith("\\") && i + 1 < block.size()) {
        command.setLength(command.length() - 1);
        command.append(' ').append(block.get(++i).strip());
      }
      i++;
      List<String> shown = new ArrayList<>();
      while (i < block.size() && !block.get(i).startsWith("$ ")) {
        shown.add(block.get(i++));
      }
      out.add(new Example(line, words(command.toString()), shown));
    }
    return out;
  }

  /** The parts of a shown output between lines of "...", each as one string. */
  private static List<String> parts(List<String> shown) {
    List<String> parts = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String l : shown) {
      if (l.equals("...")) {
        if (!current.isEmpty()) {
          parts.add(String.join("\n", current));
        }
        current = new ArrayList<>();
      } else {
        current.add(l);
      }
    }
    if (!current.isEmpty()) {
      parts.add(String.join("\n", current));
    }
    return parts;
  }

  /** Splits a command line as a shell would for these examples: spaces, single and double quotes. */
  static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (w.length() > 0 || any) {
          out.add(w.toString());
          w.setLength(0);
          any = false;
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0 || any) {
      out.add(w.toString());
    }
    return out;
  }
}
