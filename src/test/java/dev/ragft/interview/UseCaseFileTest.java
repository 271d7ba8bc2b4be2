package dev.ragft.interview;

import static dev.ragft.interview.InterviewTest.FRAMEWORK;
import static dev.ragft.interview.InterviewTest.choice;
import static dev.ragft.interview.InterviewTest.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.decision.Answers;
import dev.ragft.input.BadInputException;
import dev.ragft.input.YamlTree;
import dev.ragft.usecase.UseCase;
import dev.ragft.usecase.UseCaseReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UseCaseFileTest {
  @TempDir Path dir;

  private static final Answers ALL = InterviewTest.atVolume().answer(number(12_000)).answers();

  @Test
  void rendersTheFormatOfTheExampleUseCasesInQuestionOrder() {
    Answers shuffled = new Answers(Map.of("volume", number(400), "latency", choice("interactive"),
        "training-pairs", number(0), "auditability", choice("high"), "task", choice("lookup"),
        "freshness", choice("monthly")));
    String yaml = UseCaseFile.render(new UseCaseFile.Draft("enterprise-sla-answers",
        "Enterprise SLA answers for account managers", "", shuffled), FRAMEWORK, List.of());
    assertThat(yaml).isEqualTo("""
        id: enterprise-sla-answers
        name: Enterprise SLA answers for account managers
        answers:
          freshness: monthly
          task: lookup
          auditability: high
          training-pairs: 0
          latency: interactive
          volume: 400
        """);
  }

  @Test
  void textThatYamlWouldMisreadIsQuotedAndReadsBackUnchanged() {
    List<String> names = List.of("yes", "No", "null", "12", "1.5", "SLA: answers", "a # b", "\"quoted\"",
        "back\\slash", "tab\there", "line\nbreak", " leading", "trailing ", "- dash", "[list]", "{map}", "*star",
        "&anchor", "!tag", "%percent", "@at", "`tick`", "Ünïcødé ✓", "it's", "~", "true");
    for (String name : names) {
      String yaml = UseCaseFile.render(new UseCaseFile.Draft("x", name, name, ALL), FRAMEWORK, List.of());
      UseCaseReader.Result r = new UseCaseReader(FRAMEWORK).read(YamlTree.parse(yaml, "x.yaml"));
      assertThat(r.problems()).as(yaml).isEmpty();
      UseCase u = r.useCases().get(0);
      assertThat(u.name()).as(yaml).isEqualTo(name.strip().isEmpty() ? "x" : name);
      assertThat(u.description()).as(yaml).isEqualTo(name);
      assertThat(u.answers()).isEqualTo(ALL);
    }
  }

  @Test
  void theIdPatternIsTheOneUseCaseFilesAccept() {
    for (String id : List.of("a", "9", "sla-answers", "a.b_c-d", "-x", ".x", "x y", "x/y", "é", "x:")) {
      String yaml = "id: \"" + id + "\"\nanswers:\n  freshness: daily\n  task: lookup\n  auditability: low\n"
          + "  training-pairs: 0\n  latency: batch\n";
      boolean readerAccepts = new UseCaseReader(FRAMEWORK).read(YamlTree.parse(yaml, "x.yaml")).problems().isEmpty();
      assertThat(UseCaseFile.ID.matcher(id).matches()).as(id).isEqualTo(readerAccepts);
    }
  }

  @Test
  void commentsComeFirstAndAnEmptyDraftStillReads() throws IOException {
    String yaml = UseCaseFile.render(new UseCaseFile.Draft("d", "D", "", new Answers(Map.of())), FRAMEWORK,
        List.of("Draft", "Continue with: x"));
    assertThat(yaml).isEqualTo("# Draft\n# Continue with: x\nid: d\nname: D\nanswers: {}\n");
    Path p = Files.writeString(dir.resolve("d.draft.yaml"), yaml, StandardCharsets.UTF_8);
    UseCaseFile.Draft back = UseCaseFile.readPartial(p, "d.draft.yaml", FRAMEWORK);
    assertThat(back).isEqualTo(new UseCaseFile.Draft("d", "D", "", new Answers(Map.of())));
  }

  @Test
  void readsAPartialDraftBack() throws IOException {
    Path p = Files.writeString(dir.resolve("p.yaml"), """
        id: p
        answers:
          task: "synthesis"
          freshness: weekly
          training-pairs: 12,000
        """, StandardCharsets.UTF_8);
    UseCaseFile.Draft d = UseCaseFile.readPartial(p, "p.yaml", FRAMEWORK);
    assertThat(d.name()).isEqualTo("p");
    assertThat(d.answers().values()).containsOnlyKeys("task", "freshness", "training-pairs");
    assertThat(d.answers().get("training-pairs")).contains(number(12_000));
  }

  @Test
  void everyProblemInADraftIsReportedWithItsPlace() throws IOException {
    Path p = Files.writeString(dir.resolve("bad.yaml"), """
        id: bad
        colour: blue
        answers:
          freshness: hourly
          speed: fast
          training-pairs: lots
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> UseCaseFile.readPartial(p, "bad.yaml", FRAMEWORK))
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(
                "bad.yaml:2:1: use case: unknown key 'colour'; expected one of id, name, description, answers, latency-budget-ms, skipped",
                "bad.yaml:4:14: freshness: unknown choice 'hourly'; expected one of daily, weekly, monthly, quarterly, static",
                "bad.yaml:5:3: unknown question 'speed'; expected one of freshness, task, auditability, training-pairs, "
                    + "latency, volume",
                "bad.yaml:6:19: training-pairs: 'lots' is not a whole number; expected a whole number, 0 or more "
                    + "(e.g. 1200, 1,200 or 1.2k)"));
  }
}
