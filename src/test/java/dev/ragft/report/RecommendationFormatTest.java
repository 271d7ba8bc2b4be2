package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.advice.Advisor;
import dev.ragft.cost.PriceLoader;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.usecase.UseCase;
import dev.ragft.usecase.UseCaseReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecommendationFormatTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");

  private static List<UseCase> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples/usecases"))) {
      return files.sorted().flatMap(p -> new UseCaseReader(F).readYaml(p, p.toString()).useCases().stream()).toList();
    }
  }

  @Test
  void aReportThatDoesNotShowWhatIfsIsTheSameWithoutTheSearch() throws IOException {
    Advisor advisor = new Advisor(F, PriceLoader.load(Optional.empty(), Path.of(""), F));
    List<UseCase> all = examples();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    boolean someHaveWhatIfs = false;
    for (UseCase u : all) {
      Recommendation searched = advisor.advise(u, true).recommendation();
      Recommendation skipped = advisor.advise(u, false).recommendation();
      someHaveWhatIfs |= !searched.assessment().whatIf().isEmpty();
      for (boolean explain : new boolean[] {false, true}) {
        Options options = new Options(explain, false, false, false, "test");
        for (RecommendationFormat format : RecommendationFormat.values()) {
          if (!format.showsWhatIfs(options)) {
            assertThat(format.render(skipped, options)).as(u.id() + " " + format)
                .isEqualTo(format.render(searched, options));
          }
        }
      }
    }
    assertThat(someHaveWhatIfs).isTrue();
  }

  @Test
  void whatIfsAreSearchedForEveryReportThatShowsThem() {
    Options asked = new Options(false, true, false, false, "test");
    Options notAsked = new Options(false, false, false, false, "test");
    for (RecommendationFormat format : RecommendationFormat.values()) {
      assertThat(format.showsWhatIfs(asked)).as(format.name()).isTrue();
    }
    assertThat(RecommendationFormat.text.showsWhatIfs(notAsked)).isFalse();
    assertThat(RecommendationFormat.markdown.showsWhatIfs(notAsked)).isFalse();
    assertThat(RecommendationFormat.json.showsWhatIfs(notAsked)).isTrue();
    assertThat(RecommendationFormat.html.showsWhatIfs(notAsked)).isTrue();
  }
}
