package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.framework.EvidenceWeights;
import dev.ragft.framework.FrameworkLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What a bench run measured moves the recommendation, only where it holds beyond noise (issue 14, point 3). */
class MeasuredEvidenceTest {
  private static final String USE_CASE = "examples/usecases/support-reply-drafting.yaml";
  private static final String SUMMARY = "src/test/resources/evidence/measured-summary.json";
  private static final EvidenceWeights WEIGHTS = FrameworkLoader.loadBuiltIn("b2b-2026").evidence();

  private static JsonNode json(String... args) throws IOException {
    Cli r = Cli.run(args);
    assertThat(r.exit()).as(r.describe()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> rules(JsonNode j) {
    List<String> out = new ArrayList<>();
    j.get("drivers").forEach(d -> out.add(d.get("rule").asText()));
    return out;
  }

  @Test
  void significantWinsBecomeDriversAndTiesWithinNoiseCountNothing() throws IOException {
    JsonNode without = json("recommend", USE_CASE, "--format", "json");
    JsonNode with = json("recommend", USE_CASE, "--evidence", SUMMARY, "--format", "json");
    assertThat(rules(without)).noneMatch(r -> r.startsWith("evidence."));
    // all: hybrid by 0.12 [0.07, 0.17] -> 12 x 0.5 = 6 points; changed-after-training: rag by 0.20,
    // weight 0.5 -> 5 points; long-tail's interval holds 0 and classification is a tie: nothing.
    assertThat(rules(with)).contains("evidence.all", "evidence.changed-after-training")
        .doesNotContain("evidence.long-tail", "evidence.classification");
    JsonNode measured = with.get("arithmetic").get("fromEvidence");
    assertThat(measured.get("hybrid").asInt()).isEqualTo(6);
    assertThat(measured.get("rag").asInt()).isEqualTo(5);
    assertThat(measured.get("fine-tune").asInt()).isZero();
    assertThat(with.get("scores").get("hybrid").asInt()).isEqualTo(Math.min(100, without.get("scores").get("hybrid").asInt() + 6));
  }

  @Test
  void explainShowsEachMeasuredDriverWithItsIntervalAndHowMuchCameFromMeasurements() {
    Cli r = Cli.run("recommend", USE_CASE, "--evidence", SUMMARY, "--explain");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).contains("evidence.all", "hybrid score by 0.1200, 95% interval [0.0700, 0.1700]",
        "of which measured (evidence.*)", "of which answers and rules");
  }

  @Test
  void aProxysWinWeighsLessAndNothingMovesWithoutSignificance() {
    assertThat(WEIGHTS.points("all", 0.12, true, false)).isEqualTo(6);
    assertThat(WEIGHTS.points("all", 0.12, true, true)).isEqualTo(3);
    assertThat(WEIGHTS.points("all", 0.12, false, false)).isZero();
    assertThat(WEIGHTS.points("some-user-tag", 0.12, true, false)).isZero();
    assertThat(WEIGHTS.points("all", 5.0, true, false)).isEqualTo(10); // capped
  }

  @Test
  void aLargerSignificantMarginNeverLowersTheMeasuredApproachsPoints() {
    for (long seed = 1; seed <= 2000; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      String slice = List.of("all", "changed-after-training", "long-tail").get(random.nextInt(3));
      double m = random.nextDouble(0, 0.5);
      double more = m + random.nextDouble(0, 0.5);
      boolean proxy = random.nextBoolean();
      assertThat(WEIGHTS.points(slice, more, true, proxy)).as("seed %d", seed)
          .isGreaterThanOrEqualTo(WEIGHTS.points(slice, m, true, proxy));
    }
  }

  @Test
  void scoreWeighsASummaryForTheUseCaseItNames() throws IOException {
    JsonNode all = json("score", "examples/usecases", "--evidence", "support-reply-drafting=" + SUMMARY, "--format", "json");
    for (JsonNode u : all) {
      boolean named = u.get("id").asText().equals("support-reply-drafting");
      assertThat(rules(u)).as(u.get("id").asText()).matches(r -> r.contains("evidence.all") == named);
    }
    Cli twice = Cli.run("score", "examples/usecases", "--evidence", SUMMARY, "--evidence", SUMMARY);
    assertThat(twice.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(twice.err()).contains("a summary for every use case already has one");
  }
}
