package dev.ragft.report.saved;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.usecase.AnswerReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A result ragft wrote as JSON earlier, recognised by its shape, for {@code report render}: the
 * object {@code recommend --format json} prints, the array {@code score --format json} prints, or
 * a bench {@code summary.json}. Each kind says which formats it renders to. A kind is recognised
 * here and rendered by the command; adding one is a record in {@code permits}, a test in
 * {@link #of} and a branch where it is rendered.
 */
public sealed interface SavedResult permits SavedResult.Recommendation, SavedResult.Portfolio, SavedResult.BenchSummary {
  /** What report render accepts, for every message that turns a file down. */
  String ACCEPTED = "report render accepts the JSON of 'ragft recommend --format json' (one object: text, markdown, html,"
      + " json), of 'ragft score --format json' (an array: text, markdown, html, json, csv, junit) and a bench"
      + " summary.json (text, markdown, html, json, csv, junit)";

  /** The formats this kind renders to, in the order help lists them. */
  List<String> formats();

  /** One use case, as {@code recommend --format json} wrote it. */
  record Recommendation(SavedUseCase useCase) implements SavedResult {
    public Recommendation {
      Objects.requireNonNull(useCase, "useCase");
    }

    @Override
    public List<String> formats() {
      return List.of("text", "markdown", "html", "json");
    }
  }

  /** A portfolio, as {@code score --format json} wrote it, in its order. */
  record Portfolio(Location location, List<SavedUseCase> useCases) implements SavedResult {
    public Portfolio {
      Objects.requireNonNull(location, "location");
      useCases = List.copyOf(useCases);
    }

    @Override
    public List<String> formats() {
      return List.of("text", "markdown", "html", "json", "csv", "junit");
    }
  }

  /**
   * A bench {@code summary.json} (its {@code schema} is {@code ragft-bench-summary/...}), rendered
   * by the bench's own report layer with the results log beside it.
   */
  record BenchSummary(Location location, String schema) implements SavedResult {
    @Override
    public List<String> formats() {
      return List.of("text", "markdown", "html", "json", "csv", "junit");
    }
  }

  /**
   * Recognises {@code root}; a use case's fields are read with every problem located.
   *
   * @throws BadInputException for JSON that is none of the kinds, or a result with missing or mistyped fields
   */
  static SavedResult of(Node root) {
    if (root instanceof Node.MapNode m) {
      if (m.entries().containsKey("schema") && m.entries().get("schema").value() instanceof Node.ScalarNode s
          && s.text().startsWith("ragft-bench-summary/")) {
        return new BenchSummary(m.location(), s.text());
      }
      if (m.entries().containsKey("approach") && m.entries().containsKey("answers")) {
        NodeReader r = new NodeReader();
        SavedUseCase u = SavedUseCase.read(m, r);
        r.throwIfProblems();
        return new Recommendation(u);
      }
    }
    if (root instanceof Node.ListNode l && !l.items().isEmpty() && l.items().stream().allMatch(i -> i instanceof Node.MapNode m
        && m.entries().containsKey("answers") && m.entries().containsKey("wave"))) {
      NodeReader r = new NodeReader();
      List<SavedUseCase> all = new ArrayList<>();
      for (Node item : l.items()) {
        all.add(SavedUseCase.read((Node.MapNode) item, r));
      }
      r.throwIfProblems();
      return new Portfolio(l.location(), all);
    }
    String what = root instanceof Node.MapNode m && m.entries().containsKey("schema")
        && m.entries().get("schema").value() instanceof Node.ScalarNode s ? "JSON with schema '" + s.text() + "'"
        : root instanceof Node.ListNode l && l.items().isEmpty() ? "an empty array" : root.kind() + " of unknown shape";
    throw new BadInputException(root.location(), "not a ragft result: " + what + "; " + ACCEPTED);
  }

  /**
   * The inputs of one saved recommendation: who it is about, the framework and prices it was
   * made with, and the answers, from which render recomputes everything else.
   *
   * @param node the saved object, compared with the recomputed one before anything is rendered
   */
  record SavedUseCase(Node.MapNode node, String id, String name, String description, String frameworkId,
      String frameworkVersion, Location frameworkAt, List<AnswerReader.Raw> answers, Location answersAt,
      Optional<String> pricesId, List<AnswerReader.Raw> terms) {
    public SavedUseCase {
      terms = List.copyOf(terms);
      Objects.requireNonNull(node, "node");
      answers = List.copyOf(answers);
    }

    static SavedUseCase read(Node.MapNode m, NodeReader r) {
      String what = "saved result";
      String id = r.string(m, "id", what);
      String name = r.string(m, "name", what);
      // recommend writes "" for a use case without a description, which text() would call blank.
      String description = r.optional(m, "description").map(n -> n instanceof Node.ScalarNode s
          && s.type() == Node.ScalarType.STRING && s.text().isEmpty() ? "" : r.text(n, what + ".description").orElse(""))
          .orElse("");
      Optional<Node.MapNode> fw = r.required(m, "framework", what).flatMap(n -> r.asMap(n, "framework"));
      String frameworkId = fw.map(f -> r.string(f, "id", "framework")).orElse("");
      String frameworkVersion = fw.map(f -> r.string(f, "version", "framework")).orElse("");
      List<AnswerReader.Raw> answers = new ArrayList<>();
      Optional<Node.MapNode> am = r.required(m, "answers", what).flatMap(n -> r.asMap(n, "answers"));
      am.ifPresent(a -> a.entries().values().forEach(e -> {
        if (e.value() instanceof Node.ScalarNode s) {
          answers.add(new AnswerReader.Raw(e.key(), s.text(), s.location(), e.keyLocation()));
        } else {
          r.problem(e.value().location(), "answers." + e.key() + ": expected a choice id or a number, got " + e.value().kind());
        }
      }));
      Optional<String> prices = r.optional(m, "cost").flatMap(n -> r.asMap(n, "cost"))
          .flatMap(c -> r.required(c, "prices", "cost")).flatMap(n -> r.asMap(n, "cost.prices"))
          .map(p -> r.string(p, "id", "cost.prices"));
      // The use case's own terms (latency-budget-ms, value-per-request), null when not stated.
      List<AnswerReader.Raw> terms = new ArrayList<>();
      r.optional(m, "terms").flatMap(n -> r.asMap(n, "terms")).ifPresent(t -> t.entries().values().forEach(e -> {
        if (e.value() instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL) {
          terms.add(new AnswerReader.Raw(e.key(), s.text(), s.location(), e.keyLocation()));
        }
      }));
      return new SavedUseCase(m, id, name, description, frameworkId, frameworkVersion,
          fw.map(Node::location).orElse(m.location()), answers, am.map(Node::location).orElse(m.location()), prices, terms);
    }
  }
}
