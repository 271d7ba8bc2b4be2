package dev.ragft.bench.export;

import dev.ragft.bench.dataset.Task;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judgement behind a fine-tuning export, read from {@code finetune-export.yaml}: how tokens
 * are estimated, the longest example kept, the fewest examples a format's trainer accepts, and the
 * Alpaca instruction per task.
 */
public record ExportRules(
    int charsPerToken, long maxExampleTokens, Map<String, Long> minimumExamples, Map<Task, String> instructions) {
  static final String RESOURCE = "finetune-export.yaml";

  public ExportRules {
    if (charsPerToken < 1) {
      throw new IllegalArgumentException("charsPerToken: must be at least 1, was " + charsPerToken);
    }
    if (maxExampleTokens < 1) {
      throw new IllegalArgumentException("maxExampleTokens: must be at least 1, was " + maxExampleTokens);
    }
    minimumExamples = Map.copyOf(minimumExamples);
    instructions = Map.copyOf(instructions);
    for (Task t : Task.all()) {
      Objects.requireNonNull(instructions.get(t), "instructions." + t.id());
    }
  }

  /** The estimated token count of {@code chars} characters, rounded up. */
  public long tokens(long chars) {
    return (chars + charsPerToken - 1) / charsPerToken;
  }

  /** The fewest examples a training file of {@code format} should hold; 0 when its trainer sets none. */
  public long minimumExamples(ExportFormat format) {
    return minimumExamples.getOrDefault(format.id(), 0L);
  }

  public String instruction(Task task) {
    return instructions.get(task);
  }

  /** The rules that ship with ragft. */
  public static ExportRules builtIn() {
    try (InputStream in = ExportRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads rules from YAML text; every problem is reported with its place. */
  static ExportRules parse(String yaml, String name) {
    NodeReader r = new NodeReader();
    Node.MapNode m = r.asMap(YamlTree.parse(yaml, name), name).orElseThrow(() -> new BadInputException(r.problems()));
    r.onlyKeys(m, name, List.of("chars-per-token", "max-example-tokens", "minimum-examples", "instructions"));
    long chars = r.required(m, "chars-per-token", name).flatMap(n -> boxed(r.integer(n, name + ".chars-per-token", 1, 100)))
        .orElse(1L);
    long max = r.required(m, "max-example-tokens", name)
        .flatMap(n -> boxed(r.integer(n, name + ".max-example-tokens", 1, Long.MAX_VALUE))).orElse(1L);
    Map<String, Long> minimum = new java.util.TreeMap<>();
    List<String> formats = java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList();
    r.optional(m, "minimum-examples").flatMap(n -> r.asMap(n, name + ".minimum-examples")).ifPresent(mm -> {
      r.onlyKeys(mm, name + ".minimum-examples", formats);
      for (Node.Entry e : mm.entries().values()) {
        r.integer(e.value(), name + ".minimum-examples." + e.key(), 0, Long.MAX_VALUE)
            .ifPresent(v -> minimum.put(e.key(), v));
      }
    });
    Map<Task, String> instructions = new EnumMap<>(Task.class);
    r.required(m, "instructions", name).flatMap(n -> r.asMap(n, name + ".instructions")).ifPresent(im -> {
      r.onlyKeys(im, name + ".instructions", Task.all().stream().map(Task::id).toList());
      for (Task t : Task.all()) {
        instructions.put(t, r.string(im, t.id(), name + ".instructions"));
      }
    });
    r.throwIfProblems();
    return new ExportRules((int) chars, max, minimum, instructions);
  }

  private static java.util.Optional<Long> boxed(java.util.OptionalLong v) {
    return v.isPresent() ? java.util.Optional.of(v.getAsLong()) : java.util.Optional.empty();
  }
}
