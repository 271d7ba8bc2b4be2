package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CostModelTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final Prices P = PriceLoader.load(Optional.empty(), Path.of(""), F).orElseThrow();
  private static final CostModel MODEL = new CostModel(P);

  static Answers answers(String freshness, String task, long pairs, String latency, long volume) {
    Map<String, Answer> m = new LinkedHashMap<>();
    m.put("freshness", new Answer.ChoiceAnswer(freshness));
    m.put("task", new Answer.ChoiceAnswer(task));
    m.put("auditability", new Answer.ChoiceAnswer("medium"));
    m.put("training-pairs", new Answer.NumberAnswer(pairs));
    m.put("latency", new Answer.ChoiceAnswer(latency));
    if (volume >= 0) {
      m.put("volume", new Answer.NumberAnswer(volume));
    }
    return new Answers(m);
  }

  /** Figures worked out by hand from prices-2026.yaml; see the comments for the sums. */
  @Nested
  class HandComputed {
    @Test
    void slaAnswersAt400ADay() {
      CostEstimate e = MODEL.estimate(answers("monthly", "lookup", 0, "interactive", 400), "rag");
      // RAG: 0.0001 retrieval + 0.0003 reranking + 2,500 x 2.50/M + 300 x 10.00/M = 0.00965 a request.
      CostEstimate.ApproachCost rag = e.of("rag");
      assertThat(rag.per1000()).isCloseTo(9.65, within(1e-9));
      assertThat(rag.monthly()).isCloseTo(115.80, within(1e-9)); // x 400 x 30 days
      assertThat(rag.twelveMonth()).isCloseTo(1889.60, within(1e-9)); // 500 setup + 12 months
      assertThat(rag.latencyMs()).isEqualTo(810); // 60 + 150 + 600
      assertThat(rag.overBudget()).isFalse(); // interactive: 2,000 ms
      // Hybrid: router 300 x 0.30/M + 5 x 1.20/M, retrieval, reranking, 2,000 x 0.30/M + 300 x 1.20/M.
      CostEstimate.ApproachCost hybrid = e.of("hybrid");
      assertThat(hybrid.perRequest()).isCloseTo(0.001456, within(1e-12));
      assertThat(hybrid.oneTime()).isCloseTo(3500, within(1e-9)); // 500 + 1,000 minimum pairs x 0.50 + 2,500 run
      assertThat(hybrid.retraining()).isCloseTo(10000, within(1e-9)); // 4 pattern retrains x 2,500
      assertThat(hybrid.latencyMs()).isEqualTo(852); // 300 + 5 tokens at 120/s (42) + 60 + 150 + 300
      // Fine-tune holds facts: monthly knowledge means 12 retrains.
      CostEstimate.ApproachCost ft = e.of("fine-tune");
      assertThat(ft.per1000()).isCloseTo(0.51, within(1e-9));
      assertThat(ft.retrainsPerYear()).isEqualTo(12);
      assertThat(ft.twelveMonth()).isCloseTo(33073.44, within(1e-6));
      // Break-even: 13,000 extra fixed / (360 x 0.008194) = 4,407.02 -> 4,408 a day; fine-tune 9,877.2 -> 9,878.
      assertThat(e.breakEvens()).containsExactly(
          new CostEstimate.BreakEven.At("hybrid", "rag", 4408), new CostEstimate.BreakEven.At("fine-tune", "rag", 9878));
    }

    @Test
    void followUpEmailsAt2000ADayWith12000Pairs() {
      CostEstimate e = MODEL.estimate(answers("static", "drafting", 12000, "async", 2000), "rag");
      assertThat(e.of("rag").twelveMonth()).isCloseTo(7448.00, within(1e-6));
      assertThat(e.of("hybrid").oneTime()).isCloseTo(9000, within(1e-9)); // 500 + 12,000 x 0.50 + 2,500
      assertThat(e.of("hybrid").twelveMonth()).isCloseTo(20048.32, within(1e-6));
      assertThat(e.of("fine-tune").retrainsPerYear()).isEqualTo(1); // static knowledge
      assertThat(e.of("fine-tune").twelveMonth()).isCloseTo(11367.20, within(1e-6));
    }

    @Test
    void ticketRoutingAt80000ADayInRealTime() {
      CostEstimate e = MODEL.estimate(answers("weekly", "classification", 60000, "realtime", 80000), "rag");
      assertThat(e.of("rag").monthly()).isCloseTo(23160.00, within(1e-6));
      assertThat(e.of("rag").overBudget()).isTrue(); // 810 ms > 800 ms
      assertThat(e.of("hybrid").twelveMonth()).isCloseTo(84932.80, within(1e-6));
      assertThat(e.of("fine-tune").retraining()).isCloseTo(65000, within(1e-9)); // weekly: 26 runs
      assertThat(e.of("fine-tune").twelveMonth()).isCloseTo(112188.00, within(1e-6));
      assertThat(e.of("fine-tune").overBudget()).isFalse();
    }

    @Test
    void withoutAVolumeThereIsNoMonthlyFigure() {
      CostEstimate e = MODEL.estimate(answers("monthly", "lookup", 0, "batch", -1), "rag");
      assertThat(e.volumeKnown()).isFalse();
      assertThat(e.of("rag").monthly()).isZero();
      assertThat(e.of("rag").per1000()).isCloseTo(9.65, within(1e-9));
    }
  }

  @Nested
  class Properties {
    @Test
    void costNeverFallsAsVolumeRises() {
      for (long seed = 1; seed <= 500; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        String freshness = pick(random, "daily", "weekly", "monthly", "quarterly", "static");
        long pairs = random.nextInt(3) == 0 ? 0 : random.nextLong(100_000);
        long v1 = random.nextInt(4) == 0 ? 0 : random.nextLong(1_000_000);
        long v2 = v1 + (random.nextBoolean() ? 1 : random.nextLong(1_000_000));
        CostEstimate low = MODEL.estimate(answers(freshness, "lookup", pairs, "interactive", v1), "rag");
        CostEstimate high = MODEL.estimate(answers(freshness, "lookup", pairs, "interactive", v2), "rag");
        for (String a : F.approachIds()) {
          assertThat(high.of(a).monthly()).as("seed %d %s", seed, a).isGreaterThanOrEqualTo(low.of(a).monthly());
          assertThat(high.of(a).twelveMonth()).as("seed %d %s", seed, a).isGreaterThanOrEqualTo(low.of(a).twelveMonth());
        }
      }
    }

    @Test
    void breakEvenIsWhereTheTwelveMonthTotalsCross() {
      for (long seed = 1; seed <= 500; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        String freshness = pick(random, "daily", "weekly", "monthly", "quarterly", "static");
        long pairs = random.nextInt(3) == 0 ? 0 : random.nextLong(100_000);
        CostEstimate e = MODEL.estimate(answers(freshness, "drafting", pairs, "async", 10), "rag");
        for (CostEstimate.BreakEven b : e.breakEvens()) {
          CostEstimate.BreakEven.At at = (CostEstimate.BreakEven.At) b; // prices-2026: trained approaches are cheaper per request
          long v = at.requestsPerDay();
          CostEstimate atV = MODEL.estimate(answers(freshness, "drafting", pairs, "async", v), "rag");
          assertThat(atV.of(at.approach()).twelveMonth()).as("seed %d at %d", seed, v).isLessThan(atV.of("rag").twelveMonth());
          if (v > 0) {
            CostEstimate below = MODEL.estimate(answers(freshness, "drafting", pairs, "async", v - 1), "rag");
            assertThat(below.of(at.approach()).twelveMonth()).as("seed %d at %d", seed, v - 1)
                .isGreaterThanOrEqualTo(below.of("rag").twelveMonth());
          }
        }
      }
    }

    private String pick(SplittableRandom random, String... values) {
      return values[random.nextInt(values.length)];
    }
  }
}
