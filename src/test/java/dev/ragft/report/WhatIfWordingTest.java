package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A what-if reads as one sentence: the answer now is never in parentheses around a label's own (the engine's wording, in every format). */
class WhatIfWordingTest {
  /** The deepest nesting of parentheses in {@code s}. */
  private static int depth(String s) {
    int depth = 0;
    int deepest = 0;
    for (char c : s.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }

  @Test
  void noWhatIfOfAnExampleNestsParentheses() throws Exception {
    int seen = 0;
    try (var files = Files.list(Path.of("examples/usecases"))) {
      for (Path example : files.sorted().toList()) {
        Cli r = Cli.run("recommend", example.toString(), "--what-if", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (JsonNode w : json.get("whatIf")) {
          String summary = w.get("summary").asText();
          assertThat(depth(summary)).as(example + ": " + summary).isLessThanOrEqualTo(1);
          seen++;
        }
        Cli text = Cli.run("recommend", example.toString(), "--what-if");
        String whatIfs = text.out().substring(text.out().indexOf("What would change the recommendation"));
        assertThat(whatIfs).doesNotContain("(now ");
      }
    }
    assertThat(seen).isGreaterThan(20);
  }

  @Test
  void theAnswerNowFollowsInsteadOf() {
    Cli r = Cli.run("recommend", "examples/usecases/voice-agent-order-status.yaml", "--what-if", "--format", "markdown");
    java.util.List<String> whatIfs = r.out().lines().filter(l -> l.startsWith("- If ")).toList();
    assertThat(whatIfs).isNotEmpty().allSatisfy(l -> assertThat(l).contains(" instead of ")
        .containsPattern(", the recommendation would be [A-Za-z-]+\\.$").doesNotContain("(now"));
  }
}
