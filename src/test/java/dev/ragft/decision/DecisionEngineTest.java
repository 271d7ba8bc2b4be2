package dev.ragft.decision;

import static dev.ragft.decision.Scenarios.DEFAULT;
import static dev.ragft.decision.Scenarios.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Situation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionEngineTest {
  private final DecisionEngine engine = new DecisionEngine(DEFAULT);

  /**
   * Realistic B2B scenarios: the approach the framework's reasoning calls for, and the framework
   * element (driver rule, gate, warning or situation) that must appear among the reasons.
   */
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("SLA answers for account managers", answers("monthly", "lookup", "high", 0, "interactive", 400),
            "rag", "questions.task.choices.lookup"),
        Arguments.of("security questionnaire answers", answers("weekly", "lookup", "regulated", 200, "async", 50),
            "rag", "gate:auditors-need-sources"),
        Arguments.of("churn-driver synthesis across segments", answers("weekly", "synthesis", "medium", 0, "batch", 20),
            "rag", "situation:multi-document-synthesis"),
        Arguments.of("pricing questions, prices change weekly", answers("weekly", "lookup", "medium", 0, "interactive", 3000),
            "rag", "situation:changing-content"),
        Arguments.of("follow-up emails in brand voice with approved history", answers("quarterly", "drafting", "low", 8000, "async", 1500),
            "fine-tune", "situation:brand-voice"),
        Arguments.of("follow-up emails with too few approved examples", answers("quarterly", "drafting", "low", 300, "async", 1500),
            "rag", "warning:performance-task-without-data"),
        Arguments.of("sub-800 ms voice agent on order status", answers("daily", "lookup", "medium", 20000, "realtime", 90000),
            "hybrid", "rules.fast-grounded-answers"),
        Arguments.of("CRM JSON updates from call notes", answers("static", "structured-output", "medium", 5000, "async", 6000),
            "fine-tune", "situation:structured-output"),
        Arguments.of("lead scoring from labelled history", answers("quarterly", "classification", "low", 40000, "batch", 20000),
            "fine-tune", "situation:classification-judgement"),
        Arguments.of("ticket routing with fresh product names", answers("weekly", "classification", "medium", 60000, "realtime", 80000),
            "hybrid", "warning:retraining-cadence"),
        Arguments.of("RFP answers: facts in our voice", answers("weekly", "mixed", "high", 3000, "async", 200),
            "hybrid", "rules.voice-on-live-facts"),
        Arguments.of("voice agent for a regulated product", answers("daily", "lookup", "regulated", 0, "realtime", 50000),
            "rag", "warning:realtime-versus-audit"),
        Arguments.of("renewal-risk flags, audited by finance", answers("monthly", "classification", "high", 12000, "batch", 300),
            "hybrid", "gate:auditors-need-sources"),
        Arguments.of("in-CRM autocomplete", answers("static", "structured-output", "low", 100000, "realtime", 400000),
            "fine-tune", "situation:latency-critical"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("scenarios")
  void recommendsWhatTheFrameworkReasons(String name, Answers answers, String approach, String reason) {
    Assessment a = engine.assess(answers);
    assertThat(a.approach()).as(name + " " + a.scores()).isEqualTo(approach);
    assertThat(reasons(a)).as(name).contains(reason);
  }

  private static List<String> reasons(Assessment a) {
    return Stream.of(
            a.drivers().stream().map(Driver::rule),
            a.gates().stream().map(g -> "gate:" + g.rule()),
            a.warnings().stream().map(w -> "warning:" + w.id()),
            a.situations().stream().map(s -> "situation:" + s.id()))
        .flatMap(s -> s)
        .toList();
  }

  @Nested
  class Gates {
    @Test
    void tooFewPairsMakesFineTuningALaterPhaseNotTheStart() {
      Assessment a = engine.assess(answers("static", "drafting", "low", 300, "async", 1500));
      assertThat(a.approach()).isEqualTo("rag");
      assertThat(a.gates()).extracting(Gate::rule).contains("pairs-floor");
      assertThat(a.rollout()).extracting(Phase::id).endsWith("add-fine-tuned-components");
      assertThat(a.rollout().get(a.rollout().size() - 1).goal()).contains("700 more approved pairs");
    }

    @Test
    void aGateThatOverridesTheHighestScoreSaysSo() {
      Assessment a = engine.assess(answers("static", "classification", "low", 900, "realtime", 200000));
      assertThat(a.approach()).isEqualTo("rag");
      assertThat(a.score("fine-tune")).isGreaterThan(a.score("rag"));
      assertThat(a.warnings()).extracting(Warning::id).contains("pairs-floor");
      assertThat(a.warnings().get(0).message()).contains("900 quality pairs", "100 more pairs");
      assertThat(a.confidence()).isZero();
    }

    @Test
    void enoughPairsMakeTheLaterPhaseUnnecessary() {
      Assessment a = engine.assess(answers("static", "drafting", "low", 5000, "async", 1500));
      assertThat(a.rollout()).extracting(Phase::id).doesNotContain("add-fine-tuned-components");
    }

    @Test
    void fineTuningAloneNeedsAPerformanceTaskStableKnowledgeLowAuditAndData() {
      for (Answers answers : Scenarios.allCombinations(DEFAULT)) {
        Assessment a = engine.assess(answers);
        if (a.approach().equals("fine-tune")) {
          assertThat(answers.choice("task").orElseThrow()).isIn("drafting", "structured-output", "classification", "mixed");
          assertThat(answers.choice("freshness").orElseThrow()).isIn("monthly", "quarterly", "static");
          assertThat(answers.choice("auditability").orElseThrow()).isIn("medium", "low");
          assertThat(answers.number("training-pairs").orElseThrow()).isGreaterThanOrEqualTo(1000);
        }
      }
    }
  }

  @Nested
  class Output {
    @Test
    void stackAndRolloutAreThoseOfTheRecommendedApproach() {
      Assessment a = engine.assess(answers("weekly", "mixed", "high", 3000, "async", 200));
      assertThat(a.stack()).extracting(Layer::id).containsExactly("pattern", "grounding", "generation");
      assertThat(a.rollout()).extracting(Phase::id).containsExactly("scope", "foundation", "fine-tuned-components", "operate");
    }

    @Test
    void driversAreLargestFirstAndEachTracesToAQuestionAndARule() {
      Assessment a = engine.assess(answers("daily", "lookup", "regulated", 0, "realtime", 50000));
      for (int i = 1; i < a.drivers().size(); i++) {
        assertThat(a.drivers().get(i).magnitude()).isLessThanOrEqualTo(a.drivers().get(i - 1).magnitude());
      }
      assertThat(a.drivers()).allSatisfy(d -> {
        assertThat(d.question()).isNotBlank();
        assertThat(d.rule()).matches("(questions|rules)\\..+");
        assertThat(d.reason()).isNotBlank();
      });
    }

    @Test
    void whatIfFindsTheSingleChangeThatFlipsTheApproach() {
      Assessment a = engine.assess(answers("weekly", "drafting", "medium", 300, "async", 2000));
      assertThat(a.whatIf()).hasSize(1);
      WhatIf w = a.whatIf().get(0);
      // Narrowed to the exact pair count where the advice turns: drafting needs 2,000 pairs, and
      // the points grow with the pairs from there.
      long turn = Long.parseLong(w.changes().get(0).to());
      assertThat(w.changes()).containsExactly(new WhatIf.Change("training-pairs", "300", Long.toString(turn)));
      assertThat(turn).isGreaterThanOrEqualTo(2000);
      assertThat(engine.assess(answers("weekly", "drafting", "medium", turn, "async", 2000)).approach()).isEqualTo("hybrid");
      assertThat(engine.assess(answers("weekly", "drafting", "medium", turn - 1, "async", 2000)).approach()).isEqualTo("rag");
      assertThat(w.approach()).isEqualTo("hybrid");
      assertThat(w.summary()).isEqualTo("If Training pairs were " + Grouped.of(turn)
          + " or more instead of 300, the recommendation would be Hybrid.");
    }

    @Test
    void whatIfFallsBackToPairsOfChangesAndKeepsOnlyTheSmallest() {
      Answers now = answers("monthly", "lookup", "high", 0, "interactive", 400);
      Assessment a = engine.assess(now);
      assertThat(a.whatIf()).isNotEmpty().allSatisfy(w -> assertThat(w.changes()).hasSize(2));
      for (WhatIf w : a.whatIf()) {
        Answers changed = now;
        for (WhatIf.Change c : w.changes()) {
          changed = changed.with(c.question(), c.question().equals("training-pairs")
              ? new Answer.NumberAnswer(Long.parseLong(c.to())) : new Answer.ChoiceAnswer(c.to()));
        }
        assertThat(engine.assess(changed).approach()).as(w.summary()).isEqualTo(w.approach()).isNotEqualTo("rag");
      }
      // Kept only the smallest: where 1,000 pairs with a partner change is enough, 5,000 with it is not listed.
      assertThat(a.whatIf()).noneSatisfy(w -> assertThat(w.changes()).anySatisfy(c -> assertThat(c.to()).isEqualTo("5000"))
          .anySatisfy(c -> assertThat(a.whatIf()).anySatisfy(o -> assertThat(o.changes())
              .contains(new WhatIf.Change("training-pairs", "0", "1000"), c))));
    }

    @Test
    void situationsAreTheOnesTheAnswersMatch() {
      Assessment a = engine.assess(answers("daily", "synthesis", "regulated", 0, "batch", 10));
      assertThat(a.situations()).extracting(Situation::id)
          .containsExactly("compliance-audit", "changing-content", "multi-document-synthesis");
    }
  }

  @Test
  void refusesAnswersThatDoNotFitTheFramework() {
    Answers missing = new Answers(java.util.Map.of("task", new Answer.ChoiceAnswer("lookup")));
    assertThatThrownBy(() -> engine.assess(missing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing answer");
    Answers unknown = answers("hourly", "lookup", "high", 0, "batch", -1);
    assertThatThrownBy(() -> engine.assess(unknown)).hasMessageContaining("hourly");
  }
}
