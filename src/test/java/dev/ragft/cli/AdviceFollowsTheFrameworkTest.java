package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advice a leader stakes a budget on, end to end through recommend and score: prices, budgets,
 * cliffs, plans and costs as the framework's own reasoning (DESIGN §1) has them. One nested class
 * per point of the review that found them.
 */
class AdviceFollowsTheFrameworkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> flags(String freshness, String task, String audit, long pairs, String latency, long volume,
      String... more) {
    List<String> args = new ArrayList<>(List.of("recommend", "--freshness", freshness, "--task", task, "--auditability", audit,
        "--training-pairs", Long.toString(pairs), "--latency", latency));
    if (volume >= 0) {
      args.addAll(List.of("--volume", Long.toString(volume)));
    }
    args.addAll(List.of(more));
    return args;
  }

  private static JsonNode json(List<String> args) throws IOException {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--format", "json"));
    Cli r = Cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isZero();
    return JSON.readTree(r.out());
  }

  private static Cli run(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    Cli r = Cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isZero();
    return r;
  }

  private static List<String> warningIds(JsonNode j) {
    List<String> ids = new ArrayList<>();
    j.get("warnings").forEach(w -> ids.add(w.get("id").asText()));
    return ids;
  }

  @Nested
  class ThePriceModelFollowsTheFramework {
    @Test
    void ragRunsOnASmallModelAndTheHybridIsFasterThanRagAlone() throws IOException {
      JsonNode cost = json(flags("monthly", "mixed", "medium", 5000, "interactive", 1000)).get("cost").get("approaches");
      assertThat(cost.get("rag").get("per1000").decimalValue()).isLessThan(new java.math.BigDecimal("2"));
      assertThat(cost.get("hybrid").get("latencyMs").asLong()).isLessThan(cost.get("rag").get("latencyMs").asLong());
      assertThat(cost.get("fine-tune").get("latencyMs").asLong()).isLessThan(cost.get("hybrid").get("latencyMs").asLong());
    }

    @Test
    void pairsTheUserAlreadyHasAreNotPreparedAgain() throws IOException {
      JsonNode cost = json(flags("static", "drafting", "low", 200_000, "async", 2000)).get("cost").get("approaches");
      // A few thousand dollars (DESIGN), not 200,000 x 0.50 of preparation.
      assertThat(cost.get("hybrid").get("oneTime").decimalValue()).isLessThanOrEqualTo(new java.math.BigDecimal("5000"));
      assertThat(cost.get("fine-tune").get("pairsToPrepare").asLong()).isZero();
    }

    @Test
    void volumeWeighsThroughThePriceFileNotThroughPointsOfItsOwn() throws IOException {
      JsonNode low = json(flags("quarterly", "classification", "low", 20000, "batch", 100));
      JsonNode high = json(flags("quarterly", "classification", "low", 20000, "batch", 400_000));
      List<String> lowRules = new ArrayList<>();
      low.get("drivers").forEach(d -> lowRules.add(d.get("rule").asText()));
      List<String> highRules = new ArrayList<>();
      high.get("drivers").forEach(d -> highRules.add(d.get("rule").asText()));
      assertThat(lowRules).contains("rules.cheapest-over-12-months-rag");
      assertThat(highRules).contains("rules.cheapest-over-12-months-fine-tune");
      high.get("drivers").forEach(d -> {
        if (d.get("rule").asText().startsWith("questions.volume")) {
          d.get("effects").forEach(e -> assertThat(e.asInt()).as("volume band points").isZero());
        }
      });
    }
  }

  @Nested
  class LatencyBudgets {
    @Test
    void interactiveAllowsASecondNotTwo() throws IOException {
      assertThat(json(flags("monthly", "lookup", "high", 0, "interactive", 400)).get("cost").get("latencyBudgetMs").asLong())
          .isEqualTo(1000);
    }

    @Test
    void anExplicitBudgetOverridesTheBandInEveryFormat() throws IOException {
      List<String> args = flags("static", "classification", "low", 20000, "realtime", 1000, "--latency-budget-ms", "200");
      JsonNode j = json(args);
      assertThat(j.get("cost").get("latencyBudgetMs").asLong()).isEqualTo(200);
      assertThat(j.get("cost").get("latencyBudgetFrom").asText()).isEqualTo("latency-budget-ms");
      assertThat(j.get("terms").get("latency-budget-ms").asLong()).isEqualTo(200);
      assertThat(j.get("cost").get("approaches").get("fine-tune").get("overBudget").asBoolean()).isTrue();
      // Over budget, recommended anyway: a warning says so and names what would fit.
      assertThat(warningIds(j)).contains("over-latency-budget");
      for (String format : List.of("text", "markdown", "html")) {
        String out = run(args, "--format", format).out().replaceAll("\\s+", " ");
        assertThat(out).as(format).contains("200 ms budget (latency-budget-ms)")
            .contains("Distilled small model");
      }
    }

    @Test
    void aUseCaseFileAndACsvColumnStateTheirOwnBudget(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("u.yaml"), """
          id: autocomplete
          answers: {freshness: static, task: classification, auditability: low, training-pairs: 20000, latency: realtime, volume: 1000}
          latency-budget-ms: 200
          value-per-request: 0.02
          """);
      Cli yaml = Cli.run(dir, Map.of(), "", "recommend", "u.yaml", "--format", "json");
      assertThat(yaml.exit()).as(yaml.describe()).isZero();
      assertThat(JSON.readTree(yaml.out()).get("cost").get("latencyBudgetMs").asLong()).isEqualTo(200);
      Files.writeString(dir.resolve("u.csv"), "id,freshness,task,auditability,training-pairs,latency,volume,latency-budget-ms\n"
          + "autocomplete,static,classification,low,20000,realtime,1000,200\n");
      Cli csv = Cli.run(dir, Map.of(), "", "score", "u.csv", "--format", "json");
      assertThat(csv.exit()).as(csv.describe()).isZero();
      assertThat(JSON.readTree(csv.out()).get(0).get("cost").get("latencyBudgetMs").asLong()).isEqualTo(200);
      Cli bad = Cli.run(dir, Map.of(), "", "recommend", "u.yaml", "--latency-budget-ms", "fast");
      assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(bad.err()).isEqualTo("ragft: command line: latency-budget-ms: 'fast' is not a budget; expected a whole"
          + " number of milliseconds, 1 or more (such as 300 or 1,200)\n");
    }
  }

  @Nested
  class NoCliffsAndNoOverconfidence {
    @Test
    void brandVoiceReachesTheHybridBeforeAStandAloneFineTune() throws IOException {
      // Drafting needs 2,000 pairs (a few thousand for voice): one pair below is RAG, at the floor
      // the hybrid; fine-tune only pulls ahead with several times the floor.
      assertThat(json(flags("quarterly", "drafting", "low", 1999, "async", 2000)).get("approach").asText()).isEqualTo("rag");
      assertThat(json(flags("quarterly", "drafting", "low", 2000, "async", 2000)).get("approach").asText()).isEqualTo("hybrid");
      assertThat(json(flags("quarterly", "drafting", "low", 50000, "async", 2000)).get("approach").asText())
          .isEqualTo("fine-tune");
    }

    @Test
    void middleAnswersSayLittleAndFallBackToRagFirst() throws IOException {
      JsonNode j = json(flags("monthly", "mixed", "medium", 5000, "interactive", 5000));
      assertThat(j.get("approach").asText()).isEqualTo("rag");
      assertThat(j.get("highestScoring").asText()).isEqualTo("hybrid");
      assertThat(j.get("confidence").asDouble()).isLessThan(0.5);
      assertThat(warningIds(j)).contains("weak-signal");
      Cli text = run(flags("monthly", "mixed", "medium", 5000, "interactive", 5000));
      assertThat(text.out()).contains("the answers say too little to follow the scores", "Weak signal");
    }

    @Test
    void aClassifierWithNothingToGroundIsAFineTuneWithoutAGroundingLayer() throws IOException {
      JsonNode j = json(flags("monthly", "classification", "medium", 15000, "batch", 40000));
      assertThat(j.get("approach").asText()).isEqualTo("fine-tune");
      List<String> layers = new ArrayList<>();
      j.get("stack").get("layers").forEach(l -> layers.add(l.get("id").asText()));
      assertThat(layers).doesNotContain("grounding");
    }

    @Test
    void aCloseCallIsReportedAsOneInEveryFormatWithWhatWouldDecideIt() throws IOException {
      List<String> args = flags("quarterly", "drafting", "low", 6000, "async", 2000);
      JsonNode j = json(args);
      assertThat(j.get("closeCall")).isNotEmpty();
      assertThat(warningIds(j)).contains("close-call");
      for (String format : List.of("text", "markdown", "html")) {
        assertThat(run(args, "--format", format).out()).as(format).contains("Close call").contains("ragft bench");
      }
    }

    @Test
    void publicFacingOutputCountsAsHighStakes() {
      Cli r = run(List.of("framework", "show", "b2b-2026", "--source"));
      assertThat(r.out()).contains("or customers and the public see it as the company's word")
          .doesNotContain("help: Customers see it, but nobody audits it line by line.");
    }
  }

  @Nested
  class PlansFollowTheSequencingRule {
    @Test
    void aFineTuneIsMeasuredAgainstAPromptedBaselineBuiltFirstInItsOwnPlan() throws IOException {
      JsonNode j = json(flags("static", "classification", "low", 40000, "batch", 20000));
      assertThat(j.get("approach").asText()).isEqualTo("fine-tune");
      List<String> phases = new ArrayList<>();
      j.get("rollout").forEach(p -> phases.add(p.get("id").asText()));
      assertThat(phases).containsSubsequence("baseline", "train");
      j.get("rollout").forEach(p -> assertThat(p.get("goal").asText() + p.get("exitCriteria").asText())
          .as("no RAG baseline in a plan without RAG").doesNotContain("RAG"));
    }

    @Test
    void collectingTheMissingPairsTakesAsLongAsTheVolumeNeeds() throws IOException {
      int slow = collectionWeeks(json(flags("quarterly", "classification", "low", 500, "batch", 20)));
      int fast = collectionWeeks(json(flags("quarterly", "classification", "low", 500, "batch", 5000)));
      // 500 pairs at 10% approval: 20 a day need 250 days (36 weeks), 5,000 a day one week; plus 4 to train.
      assertThat(slow).isEqualTo(4 + 36);
      assertThat(fast).isEqualTo(4 + 1);
    }

    private int collectionWeeks(JsonNode j) {
      for (JsonNode p : j.get("rollout")) {
        if (p.get("id").asText().equals("add-fine-tuned-components")) {
          return p.get("weeks").asInt();
        }
      }
      throw new AssertionError("no collection phase in " + j.get("rollout"));
    }
  }

  @Nested
  class CostTheLeaderSees {
    @Test
    void aRecommendationThatCostsMoreSaysSoWithTheBreakEven() throws IOException {
      JsonNode j = json(flags("static", "classification", "low", 40000, "batch", 5));
      assertThat(j.get("approach").asText()).isEqualTo("fine-tune");
      JsonNode costsMore = null;
      for (JsonNode w : j.get("warnings")) {
        if (w.get("id").asText().equals("costs-more")) {
          costsMore = w;
        }
      }
      assertThat(costsMore).isNotNull();
      assertThat(costsMore.get("message").asText()).contains("times RAG's", "it costs less only from", "requests a day");
    }

    @Test
    void paybackFromTheValueOfARequestAndAWarningBeyondTheHorizon() throws IOException {
      JsonNode j = json(flags("static", "classification", "low", 40000, "batch", 5, "--value-per-request", "0.50"));
      JsonNode approaches = j.get("cost").get("approaches");
      // 5 requests a day at 0.50 is 75 a month: RAG pays back its 500 in 6.7 months; fine-tune's
      // retraining alone costs more than that, so it never does.
      assertThat(approaches.get("rag").get("paybackMonths").decimalValue()).isEqualByComparingTo("6.7");
      assertThat(approaches.get("fine-tune").get("paybackMonths").isNull()).isTrue();
      assertThat(approaches.get("fine-tune").get("paysBack").asBoolean()).isFalse();
      assertThat(warningIds(j)).contains("slow-payback");
      assertThat(run(flags("static", "classification", "low", 40000, "batch", 5, "--value-per-request", "0.50")).out())
          .contains("payback", "months");
    }

    @Test
    void smallMonthlyAmountsShowCents() {
      assertThat(run(flags("monthly", "lookup", "high", 0, "interactive", 5)).out()).contains("$0.14");
    }

    @Test
    void implausibleNumbersAreNamedAndMoneyStaysExact() throws IOException {
      JsonNode j = json(flags("monthly", "lookup", "high", 0, "interactive", 1_000_000_000_000L));
      assertThat(warningIds(j)).contains("implausible-volume");
      assertThat(j.get("cost").get("approaches").get("rag").get("monthly").decimalValue())
          .isEqualByComparingTo(new java.math.BigDecimal("28650000000.00"));
    }

    @Test
    void thePortfolioHeadlineShowsOneTimeAndTwelveMonthTotals() {
      Cli r = Cli.run("score", "examples/usecases");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.out()).containsPattern("Recommended approaches: one-time \\$[\\d,]+, run \\$[\\d,.]+ a month, \\$[\\d,]+"
          + " over 12 months");
    }
  }

  @Nested
  class TheWaitingList {
    @Test
    void aUseCaseThatBecomesHybridOnlyAtMorePairsWaitsWithItsOwnGap(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("u.csv"), "id,freshness,task,auditability,training-pairs,latency,volume\n"
          + "replies,quarterly,mixed,medium,300,async,2000\n");
      Cli r = Cli.run(dir, Map.of(), "", "score", "u.csv", "--format", "json");
      assertThat(r.exit()).as(r.describe()).isZero();
      JsonNode wave = JSON.readTree(r.out()).get(0).get("wave");
      assertThat(wave.get("target").asText()).isEqualTo("hybrid");
      // Not the 1,700 to drafting's floor: at this freshness the hybrid needs more than the floor.
      assertThat(wave.get("pairsNeeded").asLong()).isGreaterThan(1700);
    }
  }
}
