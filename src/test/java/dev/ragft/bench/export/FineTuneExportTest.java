package dev.ragft.bench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.input.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FineTuneExportTest {
  private static List<TrainExample> pairs(int n) {
    List<TrainExample> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(new TrainExample("t" + i, Task.QA, "q" + i, "a" + i, new Location("train.jsonl", i, 1)));
    }
    return out;
  }

  @Nested
  class Split {
    @Test
    void keepsEveryPairOnceInOriginalOrderWithTheRoundedShareInValidation() {
      SplittableRandom gen = new SplittableRandom(20261127L);
      for (int round = 0; round < 200; round++) {
        int n = gen.nextInt(4) == 0 ? 2 + gen.nextInt(3) : 2 + gen.nextInt(500);
        double fraction = gen.nextInt(5) == 0 ? 0.001 + gen.nextDouble() * 0.01 : 0.01 + gen.nextDouble() * 0.98;
        long seed = gen.nextLong();
        String why = "n=" + n + " fraction=" + fraction + " seed=" + seed;
        List<TrainExample> all = pairs(n);
        FineTuneExport.Split s = FineTuneExport.split(all, fraction, seed);
        long expected = Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
        assertThat(s.validation()).as(why).hasSize((int) expected);
        assertThat(s.train()).as(why).hasSize(n - (int) expected);
        List<TrainExample> union = new ArrayList<>(s.train());
        union.addAll(s.validation());
        assertThat(new HashSet<>(union)).as(why).isEqualTo(new HashSet<>(all));
        assertThat(s.train()).as(why).isSortedAccordingTo((a, b) -> Integer.compare(a.location().line(), b.location().line()));
        assertThat(s.validation()).as(why).isSortedAccordingTo((a, b) -> Integer.compare(a.location().line(), b.location().line()));
        assertThat(FineTuneExport.split(all, fraction, seed)).as(why).isEqualTo(s);
      }
    }

    @Test
    void differentSeedsDrawDifferentValidationSets() {
      List<TrainExample> all = pairs(100);
      assertThat(FineTuneExport.split(all, 0.1, 1).validation()).isNotEqualTo(FineTuneExport.split(all, 0.1, 2).validation());
    }

    @Test
    void rejectsFractionsOutsideZeroToOneAndTooFewPairs() {
      assertThatThrownBy(() -> FineTuneExport.split(pairs(10), 0, 1)).hasMessageContaining("between 0 and 1");
      assertThatThrownBy(() -> FineTuneExport.split(pairs(10), 1, 1)).hasMessageContaining("between 0 and 1");
      assertThatThrownBy(() -> FineTuneExport.split(pairs(10), Double.NaN, 1)).hasMessageContaining("between 0 and 1");
      assertThatThrownBy(() -> FineTuneExport.split(pairs(1), 0.5, 1)).hasMessageContaining("at least 2 pairs, found 1");
    }
  }

  @Test
  void theValidationFileIsNamedWithValidationBeforeTheExtension() {
    assertThat(FineTuneExport.validationName("out.jsonl")).isEqualTo("out.validation.jsonl");
    assertThat(FineTuneExport.validationName("dir.v2/alpaca.json")).isEqualTo("dir.v2/alpaca.validation.json");
    assertThat(FineTuneExport.validationName("dir.v2/train")).isEqualTo("dir.v2/train.validation");
    assertThat(FineTuneExport.validationName(".hidden")).isEqualTo(".hidden.validation");
  }

  @Test
  void theFloorIsTheDefaultFrameworksPairsFloorRule() {
    FineTuneExport.Floor floor = FineTuneExport.floor(FrameworkLoader.loadBuiltIn(FrameworkLoader.defaultId())).orElseThrow();
    assertThat(floor.rule()).isEqualTo("pairs-floor");
    assertThat(floor.framework()).isEqualTo("b2b-2026");
    assertThat(floor.pairs()).isEqualTo(1000);
  }

  @Test
  void theShippedRulesParseAndBadRulesAreNamedWithTheirPlace() {
    ExportRules rules = ExportRules.builtIn();
    assertThat(rules.tokens(9)).isEqualTo((9 + rules.charsPerToken() - 1) / rules.charsPerToken());
    assertThat(rules.instruction(Task.QA)).isNotBlank();
    assertThatThrownBy(() -> ExportRules.parse("chars-per-token: 0\nmax-example-tokens: 10\ninstructions: {qa: a}\n", "r.yaml"))
        .hasMessageContaining("r.yaml");
    ExportRules parsed = ExportRules.parse("chars-per-token: 3\nmax-example-tokens: 10\nminimum-examples: {sharegpt: 2}\n"
        + "instructions: {qa: a, classification: b}\n", "r.yaml");
    assertThat(parsed).isEqualTo(new ExportRules(3, 10, Map.of("sharegpt", 2L), Map.of(Task.QA, "a", Task.CLASSIFICATION, "b")));
    assertThat(parsed.minimumExamples(ExportFormat.SHAREGPT)).isEqualTo(2);
    assertThat(parsed.minimumExamples(ExportFormat.OPENAI)).isZero();
    assertThatThrownBy(() -> ExportRules.parse("chars-per-token: 3\nmax-example-tokens: 10\nminimum-examples: {jsonl: 2}\n"
        + "instructions: {qa: a, classification: b}\n", "r.yaml")).hasMessageContaining("unknown key 'jsonl'");
  }

  @Test
  void aTrainingFileSmallerThanItsTrainerAcceptsIsAWarning() {
    ExportRules rules = ExportRules.builtIn();
    long least = rules.minimumExamples(ExportFormat.OPENAI);
    assertThat(least).isPositive();
    assertThat(FineTuneExport.tooFewForTrainer(ExportFormat.OPENAI, (int) least, "f.jsonl", rules)).isEmpty();
    assertThat(FineTuneExport.tooFewForTrainer(ExportFormat.OPENAI, (int) least - 1, "f.jsonl", rules)).get()
        .hasToString("f.jsonl: " + (least - 1) + " training examples, fewer than the " + least
            + " examples openai fine-tuning accepts (minimum-examples in finetune-export.yaml)");
    assertThat(FineTuneExport.tooFewForTrainer(ExportFormat.ALPACA, 1, "f.json", rules)).isEmpty();
  }
}
