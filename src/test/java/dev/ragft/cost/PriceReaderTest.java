package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceReaderTest {
  private static final Framework F = FrameworkLoader.loadBuiltIn("b2b-2026");
  private static final String TEXT = read();

  private static String read() {
    try {
      return Files.readString(Path.of("frameworks/prices-2026.yaml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> problems(String yaml) {
    BadInputException e = catchThrowableOfType(BadInputException.class, () -> PriceReader.read(YamlTree.parse(yaml, "p.yaml"), F));
    assertThat(e).as("expected the price file to be refused").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static int lineOf(String needle) {
    return (int) TEXT.substring(0, TEXT.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void theShippedPricesFitTheDefaultFramework() {
    Prices p = PriceReader.read(YamlTree.parse(TEXT, "p.yaml"), F);
    assertThat(p.tiers()).extracting(Prices.Tier::id).containsExactly("frontier", "small-hosted", "self-hosted-small", "fine-tuned-classifier",
        "distilled-small", "fine-tuned-small");
    assertThat(p.latencyBudgetsMs()).containsEntry("realtime", 800L);
  }

  @Test
  void aMissingTierIsNamedWithItsLocation() {
    String text = TEXT.replace("tier: small-hosted, inputTokens: 2500", "tier: small-hosted-xl, inputTokens: 2500");
    int line = lineOf("tier: small-hosted, inputTokens: 2500");
    assertThat(problems(text)).singleElement().asString()
        .startsWith("p.yaml:" + line + ":")
        .contains("missing tier 'small-hosted-xl'; define it under tiers, or use one of distilled-small, fine-tuned-classifier,"
            + " fine-tuned-small, frontier");
  }

  @Test
  void aNegativePriceIsRefused() {
    String text = TEXT.replace("inputPerMillion: 2.50", "inputPerMillion: -2.50");
    assertThat(problems(text)).singleElement().asString()
        .isEqualTo("p.yaml:" + lineOf("inputPerMillion: 2.50") + ":22: tier frontier.inputPerMillion: -2.50 is out of range; expected 0 or more");
  }

  @Test
  void anUnknownUnitNamesTheUnitsTheModelUses() {
    String text = TEXT.replace("outputPerMillion: 10.00", "outputPerThousand: 0.01");
    List<String> problems = problems(text);
    assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("missing required key 'outputPerMillion'"));
    assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("p.yaml:" + lineOf("outputPerMillion: 10.00")
        + ":5: tier: unknown unit 'thousand' in 'outputPerThousand'; prices are per million tokens: inputPerMillion, outputPerMillion"));
    assertThat(problems(TEXT.replace("currency: USD", "currency: dollars"))).singleElement().asString()
        .contains("unknown unit 'dollars'; expected a three-letter ISO 4217 code");
  }

  @Test
  void everyLatencyAnswerNeedsABudgetAndEveryApproachAPlan() {
    String text = TEXT.replace("  batch: 28800000\n", "").replace("  fine-tune:\n    setupCost: 0", "  finetune:\n    setupCost: 0");
    assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("latencyBudgetsMs: missing latency 'batch'"))
        .anySatisfy(p -> assertThat(p).contains("approaches: unknown approach 'finetune'; expected one of rag, hybrid, fine-tune"))
        .anySatisfy(p -> assertThat(p).contains("approaches: missing approach 'fine-tune'"));
  }
}
