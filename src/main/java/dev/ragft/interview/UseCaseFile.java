package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.YamlTree;
import dev.ragft.usecase.AnswerReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Interview answers as a use-case YAML file, in the format of {@code examples/usecases/*.yaml}:
 * written after the interview (read unchanged by {@code recommend} and {@code score}) and as a
 * draft when the interview is interrupted. A draft may lack answers; {@link #readPartial} reads
 * it back to resume.
 */
public final class UseCaseFile {
  /** The ids use-case files accept (UseCaseReader checks the same; a test pins the two together). */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private static final List<String> KEYS = List.of("id", "name", "description", "answers",
      dev.ragft.usecase.Terms.LATENCY_BUDGET, "skipped");
  /** Text YAML reads back as the same string without quotes. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/()+-]*");
  private static final Pattern YAML_WORD = Pattern.compile(
      "(?i)y|n|yes|no|on|off|true|false|null|~|[0-9][0-9._+-]*|\\.inf|\\.nan|[0-9]+[eE][0-9+-]*");

  private UseCaseFile() {}

  /**
   * A use case as the interview holds it: its answers may be incomplete (a draft), and a draft
   * names the optional questions the user left out ({@code skipped}), so that resuming it does
   * not ask them again.
   */
  public record Draft(String id, String name, String description, Answers answers, List<String> skipped) {
    public Draft {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(answers, "answers");
      skipped = List.copyOf(skipped);
    }

    public Draft(String id, String name, String description, Answers answers) {
      this(id, name, description, answers, List.of());
    }
  }

  /**
   * The YAML text: {@code comments} first (each line prefixed with '#'), then id, name,
   * description (when not empty) and the answers in the framework's question order.
   */
  public static String render(Draft d, Framework framework, List<String> comments) {
    StringBuilder b = new StringBuilder();
    for (String c : comments) {
      b.append(c.isEmpty() ? "#" : "# " + c).append('\n');
    }
    b.append("id: ").append(scalar(d.id())).append('\n');
    b.append("name: ").append(scalar(d.name())).append('\n');
    if (!d.description().isEmpty()) {
      b.append("description: ").append(scalar(d.description())).append('\n');
    }
    if (FollowUps.answers(d.answers()).values().isEmpty()) {
      b.append("answers: {}\n");
    } else {
      b.append("answers:\n");
      for (Question q : framework.questions()) {
        Optional<Answer> a = d.answers().get(q.id());
        if (a.isPresent()) {
          String v = a.get() instanceof Answer.NumberAnswer ? a.get().value() : scalar(a.get().value());
          b.append("  ").append(q.id()).append(": ").append(v).append('\n');
        }
      }
    }
    // The follow-ups are fields beside the answers (latency-budget-ms), as in any use-case file.
    java.util.OptionalLong budget = FollowUps.budget(d.answers());
    if (budget.isPresent()) {
      b.append(FollowUps.LATENCY_BUDGET.id()).append(": ").append(budget.getAsLong()).append('\n');
    }
    if (!d.skipped().isEmpty()) {
      b.append("skipped: [").append(String.join(", ", d.skipped())).append("]\n");
    }
    return b.toString();
  }

  /**
   * Reads a use-case file or a draft: id, name, description and whichever answers it has, each
   * checked against the framework. Every problem is reported, with its line and column.
   */
  public static Draft readPartial(Path file, String displayName, Framework framework) {
    Node root = YamlTree.read(file, displayName);
    NodeReader r = new NodeReader();
    Node.MapNode m = r.asMap(root, "use case").orElseThrow(() -> new BadInputException(r.problems()));
    r.onlyKeys(m, "use case", KEYS);
    String id = r.optionalString(m, "id", "use case", "");
    if (!id.isEmpty() && !ID.matcher(id).matches()) {
      r.problem(r.optional(m, "id").orElseThrow().location(),
          "id: '" + id + "' is not a valid id; use letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    String name = r.optionalString(m, "name", "use case", id);
    String description = r.optionalString(m, "description", "use case", "");
    Map<String, Answer> answers = new LinkedHashMap<>();
    Optional<Node.MapNode> given = r.optional(m, "answers").flatMap(n -> r.asMap(n, "answers"));
    AnswerReader reader = new AnswerReader(framework);
    for (Node.Entry e : given.map(g -> g.entries().values()).orElse(List.of())) {
      Optional<Question> q = framework.question(e.key());
      if (q.isEmpty()) {
        r.problem(e.keyLocation(), "unknown question '" + e.key() + "'; expected one of "
            + String.join(", ", framework.questions().stream().map(Question::id).toList()));
      } else if (e.value() instanceof Node.ScalarNode s) {
        reader.answer(q.get(), new AnswerReader.Raw(e.key(), s.text(), s.location(), e.keyLocation()), r)
            .ifPresent(a -> answers.put(e.key(), a));
      } else {
        r.problem(e.value().location(), e.key() + ": expected a single answer, found " + e.value().kind());
      }
    }
    r.optional(m, FollowUps.LATENCY_BUDGET.id()).ifPresent(n -> {
      if (n instanceof Node.ScalarNode s) {
        dev.ragft.usecase.Terms.budget(s.text(), s.location(), r)
            .ifPresent(v -> answers.put(FollowUps.LATENCY_BUDGET.id(), new Answer.NumberAnswer(v)));
      } else {
        r.problem(n.location(), FollowUps.LATENCY_BUDGET.id() + ": expected a whole number of milliseconds");
      }
    });
    List<String> skipped = new java.util.ArrayList<>();
    r.optional(m, "skipped").map(n -> r.asList(n, "skipped")).ifPresent(l -> l.forEach(n -> {
      Optional<Question> q = n instanceof Node.ScalarNode s ? (FollowUps.isFollowUp(s.text())
          ? Optional.<Question>of(FollowUps.LATENCY_BUDGET) : framework.question(s.text())) : Optional.empty();
      if (q.isEmpty() || q.get().required()) {
        r.problem(n.location(), "skipped: expected the id of an optional question, such as "
            + framework.questions().stream().filter(x -> !x.required()).map(Question::id).findFirst().orElse("volume"));
      } else {
        skipped.add(q.get().id());
      }
    }));
    r.throwIfProblems();
    return new Draft(id, name, description, new Answers(answers), skipped);
  }

  /** A string as a YAML scalar: plain when it reads back unchanged, double-quoted otherwise. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !YAML_WORD.matcher(s).matches() && !s.endsWith(" ")) {
      return s;
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
