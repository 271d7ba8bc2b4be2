package dev.ragft.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.cost.PriceLoader;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.Problem;
import dev.ragft.report.ScoredUseCase;
import dev.ragft.usecase.PortfolioFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortfolioTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final Path CWD = Path.of("");

  private record Scored(List<ScoredUseCase> useCases, Portfolio.Result result) {
    List<String> ids() {
      return useCases.stream().map(ScoredUseCase::id).toList();
    }
  }

  private static Scored score(Portfolio.Order order, boolean whatIf, String... paths) {
    List<ScoredUseCase> out = new ArrayList<>();
    Portfolio portfolio = new Portfolio(F, PriceLoader.load(Optional.empty(), CWD, F), Set.of(), whatIf);
    Portfolio.Result r = portfolio.score(PortfolioFiles.expand(List.of(paths), CWD), order, out::add);
    return new Scored(out, r);
  }

  @Test
  void readsAYamlFileWithOneUseCaseAListAndACsvInFileOrder() {
    Scored s = score(Portfolio.Order.INPUT, false, "src/test/resources/portfolio/mixed");
    assertThat(s.result().problems()).isEmpty();
    assertThat(s.ids()).containsExactly("warranty-answers", "renewal-email-drafts", "order-intent-routing", "billing-faq",
        "ticket-summaries", "lead-fit-scores");
    assertThat(s.result().scored()).isEqualTo(6);
    assertThat(s.useCases().get(3).extra()).containsEntry("owner", "Finance").containsEntry("priority", "P1");
    assertThat(s.useCases()).allSatisfy(u -> assertThat(u.assessment().whatIf()).isEmpty());
  }

  @Test
  void includesWhatIfsOnlyWhenAsked() {
    Scored s = score(Portfolio.Order.INPUT, true, "src/test/resources/portfolio/mixed/a-single.yaml");
    assertThat(s.useCases().get(0).assessment().whatIf()).isNotEmpty();
  }

  @Test
  void sortsByApproachThenConfidenceByConfidenceOrById() {
    String mixed = "src/test/resources/portfolio/mixed";
    assertThat(score(Portfolio.Order.ID, false, mixed).ids()).isSorted();
    List<ScoredUseCase> byConfidence = score(Portfolio.Order.CONFIDENCE, false, mixed).useCases();
    for (int i = 1; i < byConfidence.size(); i++) {
      assertThat(byConfidence.get(i).assessment().confidence()).isLessThanOrEqualTo(byConfidence.get(i - 1).assessment().confidence());
    }
    assertThat(score(Portfolio.Order.APPROACH, false, mixed).useCases()).extracting(u -> u.assessment().approach())
        .containsExactly("rag", "rag", "rag", "rag", "fine-tune", "fine-tune");
  }

  @Test
  void oneBadUseCaseNeverStopsTheOthersAndADuplicateIdNamesBothPlaces() {
    Scored s = score(Portfolio.Order.INPUT, false, "src/test/resources/portfolio/bad");
    assertThat(s.ids()).containsExactly("good-row", "good-row-2", "yaml-good", "before-break");
    assertThat(s.result().problems()).extracting(Problem::toString)
        .hasSize(10)
        .contains("src/test/resources/portfolio/bad/bad.yaml:16:3: duplicate id 'good-row', also at"
            + " src/test/resources/portfolio/bad/bad.csv:2:2; ids must be unique across the portfolio, so this one was left out")
        .anySatisfy(p -> assertThat(p).startsWith("src/test/resources/portfolio/bad/broken.yaml:3:1: YAML syntax error"));
    assertThat(s.result().roadmap().stream().mapToInt(g -> g.entries().size()).sum()).isEqualTo(4);
  }

  @Test
  void theExamplePortfolioReadsTheSameFromYamlAndFromCsv() {
    Scored yaml = score(Portfolio.Order.ID, false, "examples/portfolio/usecases");
    Scored csv = score(Portfolio.Order.ID, false, "examples/portfolio/portfolio.csv");
    assertThat(yaml.result().problems()).isEmpty();
    assertThat(csv.result().problems()).isEmpty();
    assertThat(yaml.useCases()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(csv.ids()).isEqualTo(yaml.ids());
    for (int i = 0; i < yaml.useCases().size(); i++) {
      ScoredUseCase y = yaml.useCases().get(i);
      ScoredUseCase c = csv.useCases().get(i);
      assertThat(c.recommendation()).as(y.id()).isEqualTo(y.recommendation());
      assertThat(c.placement()).as(y.id()).isEqualTo(y.placement());
    }
    assertThat(csv.useCases()).allSatisfy(u -> assertThat(u.extra()).containsKey("department"));
  }

  @Test
  void theExamplePortfolioUsesEveryWave() {
    Scored s = score(Portfolio.Order.INPUT, false, "examples/portfolio/usecases");
    assertThat(s.result().roadmap()).allSatisfy(g -> assertThat(g.entries()).as(g.wave().id()).isNotEmpty());
    assertThat(s.useCases()).extracting(u -> u.assessment().approach()).contains("rag", "hybrid", "fine-tune");
  }
}
