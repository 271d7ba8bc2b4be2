package dev.ragft.usecase;

import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.Problem;
import dev.ragft.input.YamlTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads use cases from YAML: one use case per file, or a list of them. A bad use case in a list
 * is reported and skipped; the others are still read.
 */
public final class UseCaseReader {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final List<String> KEYS = List.of("id", "name", "description", "answers", Terms.LATENCY_BUDGET, Terms.VALUE);

  private final AnswerReader answers;

  public UseCaseReader(Framework framework) {
    this.answers = new AnswerReader(framework);
  }

  /** What a file held: the valid use cases, and a problem for each invalid one. */
  public record Result(List<UseCase> useCases, List<Problem> problems) {
    public Result {
      useCases = List.copyOf(useCases);
      problems = List.copyOf(problems);
    }
  }

  /** Reads a YAML file; a file that cannot be parsed at all becomes a single problem. */
  public Result readYaml(Path file, String displayName) {
    return read(parse(file, displayName));
  }

  /**
   * A YAML file's tree, or the problem that kept it from parsing. Parsing needs no framework, so
   * a caller can parse while the framework is still being read (recommend does).
   */
  public record Parsed(Optional<Node> root, List<Problem> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  public static Parsed parse(Path file, String displayName) {
    try {
      return new Parsed(Optional.of(YamlTree.read(file, displayName)), List.of());
    } catch (BadInputException e) {
      return new Parsed(Optional.empty(), e.problems());
    }
  }

  public Result read(Parsed parsed) {
    return parsed.root().isPresent() ? read(parsed.root().get()) : new Result(List.of(), parsed.problems());
  }

  public Result read(Node root) {
    List<UseCase> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Node> items = root instanceof Node.ListNode l ? l.items() : List.of(root);
    if (items.isEmpty()) {
      problems.add(new Problem(root.location(), "the list holds no use cases"));
    }
    for (Node item : items) {
      NodeReader r = new NodeReader();
      Optional<UseCase> u = useCase(item, r);
      if (u.isPresent()) {
        out.add(u.get());
      }
      problems.addAll(r.problems());
    }
    return new Result(out, problems);
  }

  private Optional<UseCase> useCase(Node node, NodeReader r) {
    Optional<Node.MapNode> maybe = r.asMap(node, "use case");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Node.MapNode m = maybe.get();
    r.onlyKeys(m, "use case", KEYS);
    String id = r.string(m, "id", "use case");
    if (!id.isEmpty()) {
      idProblem(id).ifPresent(message -> r.problem(r.optional(m, "id").orElseThrow().location(), message));
    }
    String name = r.optionalString(m, "name", "use case", id);
    String description = r.optionalString(m, "description", "use case", "");
    Optional<Answers> a = r.required(m, "answers", "use case " + id)
        .flatMap(n -> r.asMap(n, "answers"))
        .flatMap(am -> answers.read(raw(am, r), am.location(), r));
    java.util.OptionalLong budget = scalar(m, Terms.LATENCY_BUDGET, r)
        .map(s -> Terms.budget(s.text(), s.location(), r)).orElse(java.util.OptionalLong.empty());
    Optional<java.math.BigDecimal> value = scalar(m, Terms.VALUE, r).flatMap(s -> Terms.value(s.text(), s.location(), r));
    if (r.hasProblems() || a.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UseCase(id, name, description, a.get(), budget, value, m.location()));
  }

  private static Optional<Node.ScalarNode> scalar(Node.MapNode m, String key, NodeReader r) {
    Optional<Node> n = r.optional(m, key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof Node.ScalarNode s) {
      return Optional.of(s);
    }
    r.problem(n.get().location(), key + ": expected a single value, found " + n.get().kind());
    return Optional.empty();
  }

  /** Why {@code id} cannot name a use case, if it cannot; one message for every source. */
  static Optional<String> idProblem(String id) {
    if (ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of("id: '" + id + "' is not a valid id; use letters, digits, '.', '_' and '-', starting with a letter or digit");
  }

  private static List<AnswerReader.Raw> raw(Node.MapNode answers, NodeReader r) {
    List<AnswerReader.Raw> raw = new ArrayList<>();
    for (Node.Entry e : answers.entries().values()) {
      if (e.value() instanceof Node.ScalarNode s) {
        raw.add(new AnswerReader.Raw(e.key(), s.text(), s.location(), e.keyLocation()));
      } else {
        r.problem(e.value().location(), e.key() + ": expected a single answer, found " + e.value().kind());
      }
    }
    return raw;
  }
}
