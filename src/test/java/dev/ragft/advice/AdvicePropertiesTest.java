package dev.ragft.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.cost.PriceLoader;
import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.WhatIf;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.framework.Question;
import dev.ragft.input.Location;
import dev.ragft.usecase.UseCase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of the whole advice, with the cost model's evidence the engine weighs (what
 * recommend and score run): the seed is in every failure message, so a failure can be replayed.
 */
class AdvicePropertiesTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final Advisor ADVISOR = new Advisor(F, PriceLoader.load(Optional.empty(), Path.of(""), F));

  private static String pick(SplittableRandom random, String question) {
    List<String> ids = ((Question.ChoiceQuestion) F.question(question).orElseThrow()).choiceIds();
    return ids.get(random.nextInt(ids.size()));
  }

  /** Numbers that favour the edges: the task floors and their multiples, band edges, 0. */
  private static long number(SplittableRandom random, long[] edges) {
    return random.nextInt(3) == 0 ? random.nextLong(200_000) : edges[random.nextInt(edges.length)];
  }

  private static final long[] PAIRS = {0, 1, 499, 500, 999, 1000, 1999, 2000, 4999, 5000, 9999, 10000, 40000, 1_000_000};
  private static final long[] VOLUMES = {-1, 0, 1, 5, 999, 1000, 49999, 50000, 400_000};

  private static Answers answers(SplittableRandom random) {
    Map<String, Answer> m = new LinkedHashMap<>();
    for (String q : List.of("freshness", "task", "auditability")) {
      m.put(q, new Answer.ChoiceAnswer(pick(random, q)));
    }
    m.put("training-pairs", new Answer.NumberAnswer(number(random, PAIRS)));
    m.put("latency", new Answer.ChoiceAnswer(pick(random, "latency")));
    long volume = number(random, VOLUMES);
    if (volume >= 0) {
      m.put("volume", new Answer.NumberAnswer(volume));
    }
    return new Answers(m);
  }

  private static Assessment assess(Answers a, boolean whatIf) {
    return ADVISOR.advise(new UseCase("x", "X", "", a, Location.ofFile("test")), whatIf).recommendation().assessment();
  }

  @Test
  void morePairsNeverLowerTheFineTuneScore() {
    for (long seed = 1; seed <= 600; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Answers a = answers(random);
      long pairs = number(random, PAIRS);
      long more = pairs + 1 + number(random, PAIRS);
      int fewer = assess(a.with("training-pairs", new Answer.NumberAnswer(pairs)), false).score("fine-tune");
      int plenty = assess(a.with("training-pairs", new Answer.NumberAnswer(more)), false).score("fine-tune");
      assertThat(plenty).as("seed %d: %d -> %d pairs, %s", seed, pairs, more, a).isGreaterThanOrEqualTo(fewer);
    }
  }

  @Test
  void fresherKnowledgeNeverRaisesTheFineTuneScore() {
    List<String> freshestFirst = ((Question.ChoiceQuestion) F.question("freshness").orElseThrow()).choiceIds();
    for (long seed = 1; seed <= 300; seed++) {
      Answers a = answers(new SplittableRandom(seed));
      int previous = Integer.MIN_VALUE;
      for (String freshness : freshestFirst) {
        int score = assess(a.with("freshness", new Answer.ChoiceAnswer(freshness)), false).score("fine-tune");
        assertThat(score).as("seed %d at %s: %s", seed, freshness, a).isGreaterThanOrEqualTo(previous);
        previous = score;
      }
    }
  }

  @Test
  void everyWhatIfStillChangesTheRecommendationWhenApplied() {
    int checked = 0;
    for (long seed = 1; seed <= 120; seed++) {
      Answers a = answers(new SplittableRandom(seed));
      Assessment now = assess(a, true);
      for (WhatIf w : now.whatIf()) {
        Answers changed = a;
        for (WhatIf.Change c : w.changes()) {
          Question q = F.question(c.question()).orElseThrow();
          changed = changed.with(c.question(), q instanceof Question.NumberQuestion
              ? new Answer.NumberAnswer(Long.parseLong(c.to())) : new Answer.ChoiceAnswer(c.to()));
        }
        Assessment after = assess(changed, false);
        assertThat(after.approach()).as("seed %d: %s", seed, w.summary()).isEqualTo(w.approach())
            .isNotEqualTo(now.approach());
        checked++;
      }
    }
    assertThat(checked).as("what-ifs checked").isGreaterThan(120);
  }

  @Test
  void confidenceNeverExceedsWhatTheSignalAllows() {
    for (long seed = 1; seed <= 600; seed++) {
      Assessment a = assess(answers(new SplittableRandom(seed)), false);
      double cap = Math.min(1, a.signal() / (double) F.scoring().signal().full());
      assertThat(a.confidence()).as("seed %d", seed).isLessThanOrEqualTo(cap + 0.005);
      if (a.signal() < F.scoring().signal().minimum()) {
        assertThat(a.approach()).as("seed %d: weak signal falls back to the foundation", seed)
            .isEqualTo(F.scoring().foundation());
      }
    }
  }
}
