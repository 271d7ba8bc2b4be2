package dev.ragft.decision;

import static dev.ragft.decision.Scenarios.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkReader;
import dev.ragft.input.YamlTree;
import dev.ragft.report.JsonReport;
import dev.ragft.report.Recommendation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of the engine, checked over every combination of answers to the default framework
 * and over seeded random frameworks and answers. Every failure message carries the seed or the
 * answers, so a failure can be replayed.
 */
class DecisionEnginePropertiesTest {
  private static final List<Answers> ALL = Scenarios.allCombinations(DEFAULT);
  private final DecisionEngine engine = new DecisionEngine(DEFAULT);

  /** One pass over every combination (it is the slow part), checking both whole-assessment properties. */
  @Test
  void everyValidAnswerSetGivesOneApproachNoGateExcludesAndScoresThatAddUp() {
    assertThat(ALL).hasSizeGreaterThan(5000);
    for (Answers answers : ALL) {
      Assessment a = engine.assess(answers);
      assertThat(DEFAULT.approachIds()).as(answers.toString()).contains(a.approach());
      assertThat(a.gates()).as(answers.toString()).noneMatch(g -> g.excludes().contains(a.approach()));
      assertThat(engine.approach(answers, Evidence.NONE)).as("what-if's fast path, " + answers).isEqualTo(a.approach());
      assertThat(a.confidence()).as(answers.toString()).isBetween(0.0, 1.0);
      assertThat(a.stack()).as(answers.toString()).isNotEmpty();
      assertThat(a.rollout()).as(answers.toString()).isNotEmpty();
      for (String id : DEFAULT.approachIds()) {
        int sum = a.baseline().get(id) + a.drivers().stream().mapToInt(d -> d.on(id)).sum();
        assertThat(a.sums().get(id)).as(answers + " " + id).isEqualTo(sum);
        assertThat(a.score(id)).as(answers + " " + id).isEqualTo(Math.max(0, Math.min(100, sum)));
      }
    }
  }

  @Test
  void sameInputGivesTheSameBytes() {
    SplittableRandom random = new SplittableRandom(20261127L);
    for (int i = 0; i < 300; i++) {
      Answers answers = ALL.get(random.nextInt(ALL.size()));
      String first = JsonReport.render(new Recommendation("x", "X", "", DEFAULT, new DecisionEngine(DEFAULT).assess(answers)), "test");
      String second = JsonReport.render(new Recommendation("x", "X", "", DEFAULT, new DecisionEngine(DEFAULT).assess(answers)), "test");
      assertThat(second).as(answers.toString()).isEqualTo(first);
    }
  }

  @Test
  void fresherKnowledgeNeverRaisesTheFineTuneScore() {
    List<String> freshestFirst = Scenarios.choices(DEFAULT, "freshness");
    for (Answers answers : ALL) {
      int previous = Integer.MIN_VALUE;
      // Walk from the freshest to the most static: the fine-tune score may only stay or rise.
      for (String freshness : freshestFirst) {
        int score = engine.scores(answers.with("freshness", new Answer.ChoiceAnswer(freshness))).get("fine-tune");
        assertThat(score).as(answers + " at " + freshness).isGreaterThanOrEqualTo(previous);
        previous = score;
      }
    }
  }

  @Test
  void morePairsNeverLowerTheFineTuneScore() {
    for (long seed = 1; seed <= 2000; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Answers answers = ALL.get(random.nextInt(ALL.size()));
      long pairs = edgeFavouringNumber(random);
      long more = pairs + edgeFavouringNumber(random);
      int fewer = engine.scores(answers.with("training-pairs", new Answer.NumberAnswer(pairs))).get("fine-tune");
      int plenty = engine.scores(answers.with("training-pairs", new Answer.NumberAnswer(more))).get("fine-tune");
      assertThat(plenty).as("seed " + seed + ": " + pairs + " -> " + more + " pairs, " + answers).isGreaterThanOrEqualTo(fewer);
    }
  }

  @Test
  void anyFrameworkThatValidatesNeverMakesTheEngineThrow() throws IOException {
    String text = Files.readString(Path.of("frameworks/b2b-2026.yaml"));
    for (long seed = 1; seed <= 60; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Framework f = FrameworkReader.read(YamlTree.parse(mutate(text, random), "random-" + seed + ".yaml"));
      DecisionEngine randomEngine = new DecisionEngine(f);
      for (int i = 0; i < 40; i++) {
        Answers answers = ALL.get(random.nextInt(ALL.size()));
        long s = seed;
        assertThatCode(() -> {
          Assessment a = randomEngine.assess(answers);
          assertThat(f.approachIds()).contains(a.approach());
        }).as("seed " + s + ", " + answers).doesNotThrowAnyException();
      }
    }
  }

  /** Numbers that favour the edges where bands meet (0, 99, 100, 999, 1000, ...). */
  private static long edgeFavouringNumber(SplittableRandom random) {
    long[] edges = {0, 1, 99, 100, 999, 1000, 9999, 10000, 49999, 50000, 1_000_000};
    return random.nextInt(3) == 0 ? random.nextLong(2_000_000) : edges[random.nextInt(edges.length)];
  }

  private static final Pattern EFFECT = Pattern.compile("(rag|hybrid|fine-tune): (-?\\d+)");
  private static final Pattern MARGIN = Pattern.compile("fullConfidenceMargin: \\d+");

  /** The default framework with every weight and the confidence margin replaced by random values in range. */
  private static String mutate(String text, SplittableRandom random) {
    Matcher m = EFFECT.matcher(text);
    StringBuilder out = new StringBuilder();
    List<Integer> edges = new ArrayList<>(List.of(-100, 100, 1, -1));
    while (m.find()) {
      // Never 0: a rule whose only effect became 0 would do nothing, and rightly fail validation.
      int v = random.nextInt(4) == 0 ? edges.get(random.nextInt(edges.size())) : random.nextInt(1, 101) * (random.nextBoolean() ? 1 : -1);
      // Baselines must stay within 0..100; effects may be negative.
      boolean baseline = text.startsWith("  baseline:", text.lastIndexOf('\n', m.start()) + 1);
      m.appendReplacement(out, m.group(1) + ": " + (baseline ? Math.abs(v) : v));
    }
    m.appendTail(out);
    return MARGIN.matcher(out).replaceAll("fullConfidenceMargin: " + random.nextInt(1, 101));
  }
}
