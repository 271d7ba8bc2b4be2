package dev.ragft.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FrameworkReaderTest {
  private static final String DEFAULT_TEXT = read("frameworks/b2b-2026.yaml");

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> problems(String yaml) {
    BadInputException e = catchThrowableOfType(BadInputException.class,
        () -> FrameworkReader.read(YamlTree.parse(yaml, "f.yaml")));
    assertThat(e).as("expected the framework to be refused").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void theDefaultFrameworkIsValidAndComplete() {
    Framework f = FrameworkLoader.loadBuiltIn("b2b-2026");
    assertThat(f.approachIds()).containsExactly("rag", "hybrid", "fine-tune");
    assertThat(f.questions()).extracting(Question::id)
        .containsExactly("freshness", "task", "auditability", "training-pairs", "latency", "volume");
    assertThat(f.stacks().get("hybrid")).extracting(Layer::id).containsExactly("pattern", "grounding", "generation");
    assertThat(f.rollouts()).containsOnlyKeys("rag", "hybrid", "fine-tune");
    assertThat(f.rules()).anySatisfy(r -> {
      assertThat(r.id()).isEqualTo("pairs-floor");
      assertThat(r.when()).singleElement().isInstanceOfSatisfying(Condition.FloorRelative.class, c -> {
        assertThat(c.below()).isTrue();
        assertThat(c.floor().byQuestion()).isEqualTo("task");
        assertThat(c.floor().byChoice()).containsEntry("drafting", 2000L).containsEntry("classification", 1000L);
      });
    });
  }

  @Test
  void theShippedCopyIsTheFileInFrameworks() {
    assertThat(FrameworkLoader.builtInText("b2b-2026")).isEqualTo(DEFAULT_TEXT);
  }

  @Nested
  class ReportsEveryProblemWithItsLocation {
    private final List<String> broken = problems(read("src/test/resources/frameworks/broken.yaml"));

    @Test
    void unknownKeys() {
      assertThat(broken).contains("f.yaml:5:1: framework: unknown key 'colour'; expected one of id, version, title, "
          + "description, prices, approaches, scoring, questions, rules, warnings, situations, stacks, rollouts, roadmap, evidence");
    }

    @Test
    void duplicateIds() {
      assertThat(broken).contains("f.yaml:11:5: approaches: duplicate id 'rag'", "f.yaml:50:5: rules: duplicate id 'fresh-gate'");
    }

    @Test
    void weightsOutOfRange() {
      assertThat(broken).contains("f.yaml:24:24: question freshness choice daily.effects.rag: 150 is out of range; expected (-100 to 100)",
          "f.yaml:63:39: rollouts.fine-tune phase train.weeks: 0 is out of range; expected (1 to 520)");
    }

    @Test
    void referencesToThingsThatDoNotExist() {
      assertThat(broken).contains(
          "f.yaml:28:42: question freshness choice static.effects: unknown approach 'hybrid'; expected one of rag, fine-tune",
          "f.yaml:47:23: rule fresh-gate.when.freshness: unknown choice 'hourly'; expected one of daily, static",
          "f.yaml:53:13: rule fresh-gate.reason: unknown placeholder {colour}; expected a question id (freshness, task, pairs) or {shortfall}, {floor}");
    }

    @Test
    void aQuestionWithoutChoices() {
      assertThat(broken).contains("f.yaml:33:14: question task: a choice question needs at least two choices, found 0");
    }

    @Test
    void bandsWithAGap() {
      assertThat(broken).contains("f.yaml:42:9: question pairs: bands must cover every number without gaps or overlaps; "
          + "expected this band to start at 100, found 200");
    }

    @Test
    void allOfThemAtOnceInFileOrder() {
      assertThat(broken).hasSize(10);
      assertThat(broken).isSortedAccordingTo((a, b) -> Integer.compare(line(a), line(b)));
    }

    private int line(String problem) {
      return Integer.parseInt(problem.split(":")[1]);
    }
  }

  @Nested
  class RefusesFrameworksTheEngineCouldNotUse {
    @Test
    void aGateThatExcludesTheFoundation() {
      String text = DEFAULT_TEXT.replace("excludes: [fine-tune, hybrid]", "excludes: [fine-tune, hybrid, rag]");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("foundation: 'rag' is excluded by rule 'pairs-floor'"));
    }

    @Test
    void aLastBandWithAnUpperBound() {
      String text = DEFAULT_TEXT.replace("      - atLeast: 50000\n        label: 50,000 or more a day",
          "      - atLeast: 50000\n        below: 90000\n        label: 50,000 or more a day");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("the last band must have no 'below'"));
    }

    @Test
    void aConditionOnAnUnknownQuestion() {
      String text = DEFAULT_TEXT.replace("when: {latency: [realtime], auditability: [regulated, high]}",
          "when: {latency: [realtime], audit: [regulated, high]}");
      assertThat(problems(text)).singleElement().asString().contains("unknown question 'audit'; expected one of freshness, task,");
    }

    @Test
    void aMissingRequiredKey() {
      String text = DEFAULT_TEXT.replace("  foundation: rag\n", "");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("scoring: missing required key 'foundation'"));
    }

    @Test
    void aBaselineForEveryApproach() {
      String text = DEFAULT_TEXT.replace("baseline: {rag: 50, hybrid: 40, fine-tune: 30}", "baseline: {rag: 50, hybrid: 40}");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("scoring.baseline: missing approach 'fine-tune'"));
    }

    @Test
    void duplicateYamlKeys() {
      String text = DEFAULT_TEXT.replace("version: \"2026.1\"", "version: \"2026.1\"\nversion: \"2\"");
      assertThat(problems(text)).singleElement().asString().contains("duplicate key 'version' (first at line");
    }
  }

  @Nested
  class ValidatesTheRoadmap {
    @Test
    void theDefaultRoadmapHasAWaveOfEachKind() {
      Roadmap r = FrameworkLoader.loadBuiltIn("b2b-2026").roadmap();
      assertThat(r.dataQuestion()).isEqualTo("training-pairs");
      assertThat(r.approvalRate()).isEqualTo(0.1);
      assertThat(r.waves()).extracting(Wave::holds).containsExactly(
          Wave.Holds.FOUNDATION, Wave.Holds.DATA_READY, Wave.Holds.DATA_BLOCKED, Wave.Holds.DATA_BLOCKED);
      assertThat(r.waves()).extracting(Wave::shortfallBelow).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE, 500L, Long.MAX_VALUE);
    }

    @Test
    void isOptionalForFrameworksThatDoNotScorePortfolios() {
      String text = DEFAULT_TEXT.substring(0, DEFAULT_TEXT.indexOf("\n# How `ragft score`"));
      assertThat(FrameworkReader.read(YamlTree.parse(text, "f.yaml")).roadmap().isEmpty()).isTrue();
    }

    @Test
    void anUnknownKindAndAMisplacedShortfall() {
      String text = DEFAULT_TEXT.replace("holds: data-ready", "holds: data-rich")
          .replace("      holds: foundation\n", "      holds: foundation\n      shortfallBelow: 10\n");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).matches(
          "f\\.yaml:\\d+:14: roadmap wave fine-tuned-components\\.holds: unknown kind 'data-rich'; expected one of foundation,"
              + " data-ready, data-blocked"))
          .anySatisfy(p -> assertThat(p).contains("roadmap wave rag-foundation.shortfallBelow: only a data-blocked wave splits"))
          .anySatisfy(p -> assertThat(p).contains("roadmap.waves: no wave holds 'data-ready' use cases"));
    }

    @Test
    void dataBlockedWavesMustCoverEveryShortfallInOrder() {
      String text = DEFAULT_TEXT.replace("      holds: data-blocked\n      name: Fine-tuning after",
          "      holds: data-blocked\n      shortfallBelow: 400\n      name: Fine-tuning after");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains(
          "roadmap wave data-collection.shortfallBelow: 400 is out of range; expected (501 or more)"))
          .anySatisfy(p -> assertThat(p).contains("the last data-blocked wave must have no 'shortfallBelow'"));
    }

    @Test
    void aNumberQuestionWithACurveNeedsAFloorAndPointsFromZeroUp() {
      String noFloor = DEFAULT_TEXT.replace("    floor:\n      by: task\n", "    flour:\n      by: task\n");
      assertThat(problems(noFloor)).anySatisfy(p -> assertThat(p).contains("unknown key 'flour'"))
          .anySatisfy(p -> assertThat(p).contains("a 'curve' is in multiples of the question's 'floor'; give a floor"));
      String badOrder = DEFAULT_TEXT.replace("floorTimes: 5\n", "floorTimes: 0.25\n");
      assertThat(problems(badOrder)).singleElement().asString().contains("curve: floorTimes must increase; 0.25 follows 1.0");
    }

    @Test
    void theTrainingDataQuestionMustBeARequiredNumber() {
      String text = DEFAULT_TEXT.replace("trainingData: {question: training-pairs,", "trainingData: {question: task,");
      assertThat(problems(text)).singleElement().asString().contains(
          "roadmap.trainingData.question: 'task' is not a required number question with a floor; expected one of training-pairs");
    }

    @Test
    void twoFoundationWavesAndADuplicateId() {
      String text = DEFAULT_TEXT.replace("    - id: fine-tuned-components\n      holds: data-ready",
          "    - id: rag-foundation\n      holds: foundation");
      assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("roadmap.waves: duplicate id 'rag-foundation'"))
          .anySatisfy(p -> assertThat(p).contains("roadmap.waves: 2 waves hold 'foundation'; expected one"));
    }
  }
}
