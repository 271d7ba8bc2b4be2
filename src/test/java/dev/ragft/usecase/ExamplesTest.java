package dev.ragft.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.decision.Answer;
import dev.ragft.decision.DecisionEngine;
import dev.ragft.framework.Band;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.framework.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped examples load cleanly, cover every answer a user can give, and show every approach. */
class ExamplesTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");

  private static List<UseCase> examples() throws IOException {
    List<UseCase> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("examples/usecases"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        UseCaseReader.Result r = new UseCaseReader(F).readYaml(p, p.toString());
        assertThat(r.problems()).as(p.toString()).isEmpty();
        assertThat(r.useCases()).hasSize(1);
        assertThat(p.getFileName().toString()).isEqualTo(r.useCases().get(0).id() + ".yaml");
        all.addAll(r.useCases());
      }
    }
    return all;
  }

  @Test
  void atLeastTwelveExamplesCoverEveryChoiceAndEveryBand() throws IOException {
    List<UseCase> all = examples();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    for (Question q : F.questions()) {
      Set<String> seen = new HashSet<>();
      for (UseCase u : all) {
        u.answers().get(q.id()).ifPresent(a -> seen.add(bucket(q, a, u.answers())));
      }
      List<String> expected = q instanceof Question.ChoiceQuestion cq ? cq.choiceIds()
          : ((Question.NumberQuestion) q).scale().labels();
      assertThat(seen).as(q.id()).containsAll(expected);
    }
    assertThat(all).anySatisfy(u -> assertThat(u.answers().get("volume")).isEmpty());
  }

  @Test
  void theExamplesShowEveryApproach() throws IOException {
    DecisionEngine engine = new DecisionEngine(F);
    Set<String> approaches = new HashSet<>();
    for (UseCase u : examples()) {
      approaches.add(engine.assess(u.answers()).approach());
    }
    assertThat(approaches).containsExactlyInAnyOrderElementsOf(F.approachIds());
  }

  private static String bucket(Question q, Answer a, dev.ragft.decision.Answers answers) {
    if (q instanceof Question.NumberQuestion nq) {
      return nq.scale().label(((Answer.NumberAnswer) a).number(), nq.floor().of(answers));
    }
    return a.value();
  }
}
