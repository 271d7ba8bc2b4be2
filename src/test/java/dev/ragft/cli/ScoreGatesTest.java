package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.report.JunitSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score --gate} and {@code --junit}: what fails, what exits 1, and the JUnit XML a CI dashboard reads. */
class ScoreGatesTest {
  private static final String MIXED = Path.of("src/test/resources/portfolio/mixed").toAbsolutePath().toString();
  private static final String BAD = Path.of("src/test/resources/portfolio/bad").toAbsolutePath().toString();
  private static final String PORTFOLIO = Path.of("examples/portfolio/usecases").toAbsolutePath().toString();

  @TempDir Path dir;

  private Cli score(String... args) {
    List<String> all = new ArrayList<>(List.of("score"));
    all.addAll(List.of(args));
    return Cli.run(dir, Map.of(), "", all.toArray(String[]::new));
  }

  private String junit() throws Exception {
    String xml = Files.readString(dir.resolve("score.xml"), StandardCharsets.UTF_8);
    JunitSchema.validate(xml);
    return xml;
  }

  private static int count(String xml, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(xml);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Nested
  class Gates {
    @Test
    void gatesThatEveryUseCasePassesExitZeroAndSaySo() {
      Cli r = score(MIXED, "--gate", "confidence>=0", "--gate", "score.rag>=0");
      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(r.err()).contains("ragft: gates: 0 failed, 0 unknown, ");
    }

    @Test
    void aFailedGateIsListedOnStderrAndExitsOne() {
      Cli r = score(PORTFOLIO, "--gate", "approach!=fine-tune");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(r.err()).contains("ragft: gate failed: churn-risk-scoring: approach!=fine-tune: approach = fine-tune")
          .contains("ragft: gates: 4 failed, 0 unknown, 24 passed (1 gate x 28 use cases)");
      assertThat(r.out()).as("the report is still written whole").contains("churn-risk-scoring");
    }

    @Test
    void confidenceIsComparedAsPrinted() {
      // release-notes-drafting prints confidence 0.18: it passes >=0.18 and fails >0.18.
      Cli ge = score(PORTFOLIO, "--gate", "confidence>=0.18");
      Cli gt = score(PORTFOLIO, "--gate", "confidence>0.18");
      assertThat(ge.err()).doesNotContain("release-notes-drafting: confidence");
      assertThat(gt.err()).contains("release-notes-drafting: confidence>0.18: confidence = 0.18, expected > 0.18");
    }

    @Test
    void everyFormChecksWhatItSays() {
      assertThat(score(PORTFOLIO, "--gate", "within-latency-budget").err())
          // Its own latency-budget-ms of 250 (a CSV column), which nothing in the price file meets.
          .contains("quote-configuration-json: within-latency-budget: hybrid first token 510 ms, budget 250 ms")
          .contains("gates: 1 failed, 0 unknown, 27 passed");
      assertThat(score(PORTFOLIO, "--gate", "wave<=2").err()).contains("call-summary-to-crm: wave<=2: wave = 4, expected <= 2");
      assertThat(score(PORTFOLIO, "--gate", "score.rag>=50").err())
          .contains("ticket-priority-triage: score.rag>=50: score.rag = 30, expected >= 50");
      assertThat(score(PORTFOLIO, "--gate", "no-warning=retraining-cadence").err())
          .contains("macro-suggestions: no-warning=retraining-cadence: warned: retraining-cadence (The knowledge changes weekly")
          .contains("gates: 3 failed, 0 unknown, 25 passed");
      assertThat(score(PORTFOLIO, "--gate", "approach=rag,hybrid").err()).contains("gates: 4 failed, 0 unknown, 24 passed");
      // 900 reviewed merge decisions: fine-tune scores highest, but classification needs 1,000 pairs.
      assertThat(score(PORTFOLIO, "--gate", "ungated").err())
          .contains("crm-duplicate-classification: ungated: starts on rag although fine-tune scores highest")
          .contains("gates: 1 failed, 0 unknown, 27 passed");
    }

    @Test
    void ungatedFailsWhereAFrameworkGateHoldsTheHighestScoringApproachBack() throws Exception {
      Files.writeString(dir.resolve("lead.yaml"), """
          id: lead-routing
          name: Lead routing
          answers:
            freshness: static
            task: classification
            auditability: low
            training-pairs: 900
            latency: realtime
            volume: 200000
          """);
      Cli r = score("lead.yaml", "--gate", "ungated");
      assertThat(r.exit()).isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(r.err()).contains("lead-routing: ungated: starts on rag although fine-tune scores highest (a framework gate)");
    }

    @Test
    void aBadGateIsAUsageErrorNamingTheValidForms() {
      Cli r = score(MIXED, "--gate", "confidance>0.3");
      assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).contains("--gate 'confidance>0.3': unknown gate 'confidance'; expected one of confidence>=0.4,")
          .contains("no-warnings");
      assertThat(score(MIXED, "--gate", "approach=rga").err()).contains("unknown approach 'rga'; expected one of rag, hybrid, fine-tune");
      assertThat(score(MIXED, "--gate", "no-warning=nope").err()).contains("expected no-warning=ID with an ID of");
      assertThat(score(MIXED, "--gate", "wave<=two").err()).contains("'two' is not a number");
    }
  }

  @Nested
  class Junit {
    @Test
    void oneSuitePerApproachOneCasePerUseCaseAndGateWithCountsFilled() throws Exception {
      Cli r = score(PORTFOLIO, "--gate", "approach!=fine-tune", "--gate", "monthly-cost<=1000", "--junit", "score.xml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
      String xml = junit();
      assertThat(xml).contains("<testsuites name=\"ragft score\" tests=\"56\" failures=\"")
          .contains("<testsuite name=\"rag\"", "<testsuite name=\"hybrid\"", "<testsuite name=\"fine-tune\"")
          .contains("<testcase classname=\"ragft.score.fine-tune\" name=\"churn-risk-scoring: approach!=fine-tune\" time=\"0.000\">\n"
              + "      <failure type=\"gate\" message=\"gate failed: approach = fine-tune, expected approach!=fine-tune\">")
          .contains("<skipped message=\"monthly-cost unknown: the use case gives no volume\"/>")
          .contains("<property name=\"framework.id\" value=\"b2b-2026\"/>", "<property name=\"prices.id\" value=\"prices-2026\"/>")
          .doesNotContain(dir.toString(), PORTFOLIO);
      assertThat(count(xml, "<testcase ")).isEqualTo(56);
      int failures = count(xml, "<failure ");
      assertThat(xml).contains("failures=\"" + failures + "\" errors=\"0\"");
      assertThat(r.err()).contains("ragft: gates: " + failures + " failed, ");
    }

    @Test
    void aUseCaseThatCouldNotBeReadIsAnErrorAndTheOthersStillRun() throws Exception {
      Cli r = score(BAD, MIXED, "--junit", "score.xml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
      String xml = junit();
      int errors = count(xml, "<error type=\"bad-input\"");
      assertThat(errors).isPositive();
      assertThat(xml).contains("<testsuite name=\"invalid-input\" tests=\"" + errors + "\" failures=\"0\" errors=\"" + errors + "\"")
          .contains("errors=\"" + errors + "\" time=\"0.000\">\n  <testsuite name=\"rag\"");
      assertThat(count(xml, "<testcase classname=\"ragft.score.rag")
          + count(xml, "<testcase classname=\"ragft.score.hybrid")
          + count(xml, "<testcase classname=\"ragft.score.fine-tune")).as("one passed test per scored use case").isPositive();
    }

    @Test
    void withoutGatesEveryScoredUseCaseIsOnePassedTest() throws Exception {
      Cli r = score(MIXED, "--junit", "score.xml");
      assertThat(r.exit()).as(r.describe()).isZero();
      String xml = junit();
      assertThat(xml).contains("failures=\"0\" errors=\"0\"").doesNotContain("<failure", "<error", "invalid-input");
      assertThat(r.err()).doesNotContain("gates:");
    }
  }
}
