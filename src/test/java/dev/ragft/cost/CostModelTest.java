package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.decision.Answer;
import dev.ragft.decision.Answers;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CostModelTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final Prices P = PriceLoader.load(Optional.empty(), Path.of(""), F).orElseThrow();

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

  /** The estimate recommend shows: the framework's floor for the task, no terms of the use case's own. */
  static CostEstimate estimate(Answers a) {
    return new CostEvidence(F, P, CostModel.Terms.of("rag", 0)).estimate(a);
  }

  static CostEstimate estimate(Answers a, OptionalLong budget, Optional<BigDecimal> value) {
    return new CostEvidence(F, P, new CostModel.Terms("rag", 0, budget, value, Measurements.NONE)).estimate(a);
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** Figures worked out by hand from prices-2026.yaml; see the comments for the sums. */
  @Nested
  class HandComputed {
    @Test
    void slaAnswersAt400ADay() {
      CostEstimate e = estimate(answers("monthly", "lookup", 0, "interactive", 400));
      // RAG on a small hosted model: 0.0001 retrieval + 0.0003 reranking + 2,500 x 0.15/M + 300 x 0.60/M.
      CostEstimate.ApproachCost rag = e.of("rag");
      assertThat(rag.perRequest()).isEqualByComparingTo(d("0.000955"));
      assertThat(rag.monthly()).isEqualByComparingTo(d("11.46")); // x 400 x 30 days
      assertThat(rag.twelveMonth()).isEqualByComparingTo(d("637.52")); // 500 setup + 12 months
      assertThat(rag.latencyMs()).isEqualTo(560); // 60 + 150 + 350
      assertThat(rag.overBudget()).isFalse(); // interactive: 1,000 ms
      // Hybrid: classifier (300 x 0.02/M + 1 x 0.02/M) beside retrieval, reranking, 1,800 x 0.30/M + 300 x 1.20/M.
      CostEstimate.ApproachCost hybrid = e.of("hybrid");
      assertThat(hybrid.perRequest()).isEqualByComparingTo(d("0.00130602"));
      assertThat(hybrid.oneTime()).isEqualByComparingTo(d("3500")); // 500 + 1,000 pairs to prepare x 0.50 + 2,500 run
      assertThat(hybrid.pairsToPrepare()).isEqualTo(1000); // lookup's floor, none yet
      assertThat(hybrid.retraining()).isEqualByComparingTo(d("10000")); // 4 pattern retrains x 2,500
      assertThat(hybrid.latencyMs()).isEqualTo(510); // max(20 + 1 ms, 60) + 150 + 300
      CostEstimate.ApproachCost ft = e.of("fine-tune");
      assertThat(ft.per1000()).isEqualByComparingTo(d("0.51"));
      assertThat(ft.retrainsPerYear()).isEqualTo(12); // it holds facts: monthly knowledge, monthly runs
      assertThat(ft.twelveMonth()).isEqualByComparingTo(d("33073.44"));
      // Hybrid costs more per request than RAG: never cheaper. Fine-tune: 32,500 extra fixed /
      // (360 x 0.000445) = 202,871.4 -> from 202,872 a day.
      assertThat(e.breakEvens()).containsExactly(
          new CostEstimate.BreakEven.Never("hybrid", "rag"), new CostEstimate.BreakEven.At("fine-tune", "rag", 202872));
    }

    @Test
    void theHybridIsFasterThanRagAloneAndRagRunsOnASmallModel() {
      CostEstimate e = estimate(answers("monthly", "mixed", 5000, "interactive", 1000));
      assertThat(e.of("hybrid").latencyMs()).isLessThan(e.of("rag").latencyMs());
      assertThat(e.of("rag").per1000()).isLessThan(d("2")); // a frontier model would be about $9.65
    }

    @Test
    void pairsAlreadyCleanedCostNothingMoreAndARunCostsTheSameAtAnySize() {
      CostEstimate e = estimate(answers("static", "drafting", 200_000, "async", 2000));
      assertThat(e.of("hybrid").pairsToPrepare()).isZero();
      assertThat(e.of("hybrid").oneTime()).isEqualByComparingTo(d("3000")); // 500 setup + one 2,500 run
      assertThat(e.of("fine-tune").oneTime()).isEqualByComparingTo(d("2500"));
      CostEstimate short1 = estimate(answers("static", "drafting", 1000, "async", 2000));
      // Drafting needs 2,000 pairs: 1,000 still to prepare at 0.50.
      assertThat(short1.of("fine-tune").pairsToPrepare()).isEqualTo(1000);
      assertThat(short1.of("fine-tune").oneTime()).isEqualByComparingTo(d("3000"));
    }

    @Test
    void anExplicitBudgetOverridesTheBandAndNamesWhatWouldFit() {
      CostEstimate e = estimate(answers("static", "classification", 5000, "realtime", 1000), OptionalLong.of(200),
          Optional.empty());
      assertThat(e.budgetMs()).isEqualTo(200);
      assertThat(e.budgetStated()).isTrue();
      CostEstimate.ApproachCost ft = e.of("fine-tune");
      assertThat(ft.overBudget()).isTrue(); // 300 ms
      assertThat(ft.remedies()).extracting(CostEstimate.Remedy::change)
          .contains("a faster generator: Distilled small model")
          .noneMatch(c -> c.contains("classifier")); // a classifier cannot stand in for a generator
      assertThat(ft.remedies()).allSatisfy(r -> assertThat(r.latencyMs()).isLessThanOrEqualTo(200));
    }

    @Test
    void paybackFromTheValueOfEachRequest() {
      // RAG: 500 one-time; value 0.05 x 400 x 30 = 600 a month, run 11.46: 500 / 588.54 = 0.85 -> 0.9 months.
      CostEstimate e = estimate(answers("monthly", "lookup", 0, "interactive", 400), OptionalLong.empty(),
          Optional.of(d("0.05")));
      assertThat(e.of("rag").payback()).isEqualTo(new CostEstimate.Payback.Months(d("0.9")));
      // Fine-tune: 30,000 of retraining a year (2,500 a month) is more than the value: never.
      assertThat(e.of("fine-tune").payback()).isEqualTo(new CostEstimate.Payback.Never());
      assertThat(estimate(answers("monthly", "lookup", 0, "interactive", 400)).of("rag").payback())
          .isEqualTo(new CostEstimate.Payback.Unknown());
    }

    @Test
    void moneyIsExactAtAnyVolume() {
      CostEstimate e = estimate(answers("monthly", "lookup", 0, "interactive", 1_000_000_000_000L));
      // 0.000955 x 10^12 x 30 = 28,650,000,000 exactly.
      assertThat(e.of("rag").monthly()).isEqualByComparingTo(d("28650000000"));
    }

    @Test
    void withoutAVolumeThereIsNoMonthlyFigure() {
      CostEstimate e = estimate(answers("monthly", "lookup", 0, "batch", -1));
      assertThat(e.volumeKnown()).isFalse();
      assertThat(e.of("rag").monthly()).isZero();
      assertThat(e.of("rag").per1000()).isEqualByComparingTo(d("0.955"));
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
        CostEstimate low = estimate(answers(freshness, "lookup", pairs, "interactive", v1));
        CostEstimate high = estimate(answers(freshness, "lookup", pairs, "interactive", v2));
        for (String a : F.approachIds()) {
          assertThat(high.of(a).monthly()).as("seed %d %s", seed, a).isGreaterThanOrEqualTo(low.of(a).monthly());
          assertThat(high.of(a).twelveMonth()).as("seed %d %s", seed, a).isGreaterThanOrEqualTo(low.of(a).twelveMonth());
        }
      }
    }

    /** A higher volume never lowers the 12-month advantage of the approach that is cheaper per call. */
    @Test
    void aHigherVolumeNeverLowersTheCheaperPerCallApproachsAdvantage() {
      for (long seed = 1; seed <= 500; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        String freshness = pick(random, "daily", "weekly", "monthly", "quarterly", "static");
        String task = pick(random, "drafting", "classification", "mixed", "lookup");
        long pairs = random.nextInt(3) == 0 ? 0 : random.nextLong(100_000);
        long v1 = random.nextLong(1_000_000);
        long v2 = v1 + 1 + random.nextLong(1_000_000);
        for (String a : F.approachIds()) {
          for (String b : F.approachIds()) {
            CostEstimate low = estimate(answers(freshness, task, pairs, "async", v1));
            if (low.of(a).perRequest().compareTo(low.of(b).perRequest()) >= 0) {
              continue;
            }
            CostEstimate high = estimate(answers(freshness, task, pairs, "async", v2));
            BigDecimal before = low.of(b).twelveMonth().subtract(low.of(a).twelveMonth());
            BigDecimal after = high.of(b).twelveMonth().subtract(high.of(a).twelveMonth());
            assertThat(after).as("seed %d: %s over %s from %d to %d a day", seed, a, b, v1, v2).isGreaterThan(before);
          }
        }
      }
    }

    @Test
    void morePairsNeverCostMore() {
      for (long seed = 1; seed <= 500; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        String task = pick(random, "drafting", "classification", "mixed", "lookup");
        long p1 = random.nextLong(10_000);
        long p2 = p1 + random.nextLong(1, 100_000);
        for (String a : F.approachIds()) {
          assertThat(estimate(answers("quarterly", task, p2, "async", 1000)).of(a).oneTime()).as("seed %d %s", seed, a)
              .isLessThanOrEqualTo(estimate(answers("quarterly", task, p1, "async", 1000)).of(a).oneTime());
        }
      }
    }

    @Test
    void breakEvenIsWhereTheTwelveMonthTotalsCross() {
      for (long seed = 1; seed <= 500; seed++) {
        SplittableRandom random = new SplittableRandom(seed);
        String freshness = pick(random, "daily", "weekly", "monthly", "quarterly", "static");
        long pairs = random.nextInt(3) == 0 ? 0 : random.nextLong(100_000);
        CostEstimate e = estimate(answers(freshness, "drafting", pairs, "async", 10));
        for (CostEstimate.BreakEven b : e.breakEvens()) {
          if (!(b instanceof CostEstimate.BreakEven.At at)) {
            assertThat(e.of(b.approach()).perRequest()).isGreaterThanOrEqualTo(e.of(b.versus()).perRequest());
            continue;
          }
          long v = at.requestsPerDay();
          CostEstimate atV = estimate(answers(freshness, "drafting", pairs, "async", v));
          assertThat(atV.of(at.approach()).twelveMonth()).as("seed %d at %d", seed, v).isLessThan(atV.of("rag").twelveMonth());
          if (v > 0) {
            CostEstimate below = estimate(answers(freshness, "drafting", pairs, "async", v - 1));
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
