package dev.ragft.decision;

import static dev.ragft.decision.Scenarios.DEFAULT;
import static dev.ragft.decision.Scenarios.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkReader;
import dev.ragft.framework.Wave;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SequencerTest {
  private final DecisionEngine engine = new DecisionEngine(DEFAULT);
  private final Sequencer sequencer = new Sequencer(DEFAULT);

  private Placement place(Answers answers) {
    return sequencer.place(engine.assess(answers, Evidence.NONE, false));
  }

  @Nested
  class PlacesEachUseCaseInTheFrameworksWaves {
    @Test
    void aRetrievalUseCaseStartsInTheFoundationWave() {
      Placement p = place(answers("weekly", "lookup", "high", 0, "interactive", 400));
      assertThat(p.number()).isEqualTo(1);
      assertThat(p.wave().id()).isEqualTo("rag-foundation");
      assertThat(p.pairsNeeded()).isZero();
      assertThat(p.target()).isEqualTo("rag");
      assertThat(p.blocked()).isFalse();
    }

    @Test
    void aFineTunedUseCaseWithItsDataIsInWaveTwo() {
      Placement p = place(answers("static", "classification", "low", 25_000, "batch", 3000));
      assertThat(p.number()).isEqualTo(2);
      assertThat(p.wave().holds()).isEqualTo(Wave.Holds.DATA_READY);
      assertThat(p.target()).isEqualTo("fine-tune");
    }

    @Test
    void aPerformanceTaskShortOfDataWaitsWithTheNumberOfPairsItStillNeeds() {
      // 800 pairs: a gate keeps it on RAG now; with classification's 1,000 it would be fine-tuned.
      Placement near = place(answers("static", "classification", "low", 800, "batch", 100));
      assertThat(near.number()).isEqualTo(3);
      assertThat(near.pairsNeeded()).isEqualTo(200);
      assertThat(near.target()).isEqualTo("fine-tune");
      Placement far = place(answers("static", "classification", "low", 0, "batch", 100));
      assertThat(far.number()).isEqualTo(4);
      assertThat(far.pairsNeeded()).isEqualTo(1000);
    }

    @Test
    void theGapIsTheUseCasesOwnSmallestWhatIfOnPairs() {
      // Drafting needs 2,000 pairs, and at this freshness more than that before the hybrid wins:
      // the gap is where this use case's advice turns, not a fixed 1,000.
      Answers now = answers("weekly", "drafting", "medium", 300, "async", 2000);
      Placement p = place(now);
      assertThat(p.blocked()).isTrue();
      assertThat(p.target()).isEqualTo("hybrid");
      long turn = 300 + p.pairsNeeded();
      assertThat(turn).isGreaterThan(2000);
      assertThat(engine.assess(now.with("training-pairs", new Answer.NumberAnswer(turn))).approach()).isEqualTo("hybrid");
      assertThat(engine.assess(now.with("training-pairs", new Answer.NumberAnswer(turn - 1))).approach()).isEqualTo("rag");
    }

    @Test
    void theShortfallThresholdSplitsTheDataBlockedWaves() {
      // shortfallBelow 500: 501 pairs lack 499 (wave 3), 500 pairs lack exactly 500 (wave 4).
      assertThat(place(answers("static", "classification", "low", 501, "batch", 100)).number()).isEqualTo(3);
      assertThat(place(answers("static", "classification", "low", 500, "batch", 100)).number()).isEqualTo(4);
    }

    @Test
    void aUseCaseThatWouldStayOnRagWithMoreDataIsNotWaitingForData() {
      Placement p = place(answers("daily", "synthesis", "regulated", 10, "batch", 10));
      assertThat(p.number()).isEqualTo(1);
      assertThat(p.pairsNeeded()).isZero();
    }

    @Test
    void everyValidAnswerSetLandsInExactlyOneWaveConsistentWithItsData() {
      List<Answers> all = Scenarios.allCombinations(DEFAULT);
      // Every 5th combination: each placement searches the pairs that would turn the advice.
      for (int i = 0; i < all.size(); i += 5) {
        Answers answers = all.get(i);
        Assessment a = engine.assess(answers, Evidence.NONE, false);
        Placement p = sequencer.place(a);
        long pairs = answers.number("training-pairs").orElseThrow();
        assertThat(DEFAULT.roadmap().waves()).as(answers.toString()).contains(p.wave());
        if (p.blocked()) {
          assertThat(a.approach()).as(answers.toString()).isEqualTo("rag");
          assertThat(p.pairsNeeded()).as(answers.toString()).isPositive();
          assertThat(p.target()).as(answers.toString()).isNotEqualTo("rag");
          Answers more = answers.with("training-pairs", new Answer.NumberAnswer(pairs + p.pairsNeeded()));
          assertThat(engine.assess(more).approach()).as(answers.toString()).isEqualTo(p.target());
        } else if (p.wave().holds() == Wave.Holds.DATA_READY) {
          assertThat(a.approach()).as(answers.toString()).isNotEqualTo("rag");
        } else {
          assertThat(a.approach()).as(answers.toString()).isEqualTo("rag");
          assertThat(engine.smallestIncrease(answers, Evidence.NONE, "training-pairs").map(WhatIf::approach))
              .as(answers.toString()).isEmpty();
        }
      }
    }
  }

  @Nested
  class GroupsThePortfolio {
    private Sequencer.Entry entry(String id, Answers answers) {
      return new Sequencer.Entry(id, id.toUpperCase(java.util.Locale.ROOT), place(answers));
    }

    @Test
    void listsEveryWaveInOrderWithDataBlockedUseCasesClosestFirstAndOthersById() {
      List<Sequencer.Group> groups = sequencer.group(List.of(
          entry("zeta-lookup", answers("weekly", "lookup", "high", 0, "interactive", 400)),
          entry("far-drafting", answers("static", "classification", "low", 0, "batch", 100)),
          entry("alpha-lookup", answers("daily", "synthesis", "low", 0, "async", 10)),
          entry("near-drafting", answers("static", "classification", "low", 900, "batch", 100)),
          entry("nearer-drafting", answers("static", "classification", "low", 950, "batch", 100)),
          entry("scoring", answers("static", "classification", "low", 25_000, "batch", 3000))));
      assertThat(groups).extracting(Sequencer.Group::number).containsExactly(1, 2, 3, 4);
      assertThat(groups).extracting(g -> g.wave().id())
          .containsExactly("rag-foundation", "fine-tuned-components", "data-within-reach", "data-collection");
      assertThat(groups.get(0).entries()).extracting(Sequencer.Entry::id).containsExactly("alpha-lookup", "zeta-lookup");
      assertThat(groups.get(1).entries()).extracting(Sequencer.Entry::id).containsExactly("scoring");
      assertThat(groups.get(2).entries()).extracting(Sequencer.Entry::id).containsExactly("nearer-drafting", "near-drafting");
      assertThat(groups.get(2).entries()).extracting(e -> e.placement().pairsNeeded()).containsExactly(50L, 100L);
      assertThat(groups.get(3).entries()).extracting(Sequencer.Entry::id).containsExactly("far-drafting");
    }

    @Test
    void anEmptyPortfolioStillShowsEveryWave() {
      assertThat(sequencer.group(List.of())).hasSize(4).allSatisfy(g -> assertThat(g.entries()).isEmpty());
    }
  }

  @Nested
  class FollowsTheFrameworksThresholds {
    private Framework withRoadmap(String from, String to) throws IOException {
      String text = Files.readString(Path.of("frameworks/b2b-2026.yaml"));
      assertThat(text).contains(from);
      return FrameworkReader.read(YamlTree.parse(text.replace(from, to), "f.yaml"));
    }

    @Test
    void aLowerBarForEnoughDataMovesUseCasesOutOfTheDataBlockedWaves() throws IOException {
      Framework f = withRoadmap("structured-output: 1000, classification: 1000,", "structured-output: 1000, classification: 600,");
      Sequencer s = new Sequencer(f);
      Placement p = s.place(new DecisionEngine(f).assess(answers("static", "classification", "low", 800, "batch", 100),
          Evidence.NONE, false));
      assertThat(p.blocked()).as("800 pairs are enough at a floor of 600").isFalse();
      assertThat(p.wave().holds()).isEqualTo(Wave.Holds.DATA_READY);
    }

    @Test
    void aFrameworkWithoutARoadmapCannotSequence() throws IOException {
      String text = Files.readString(Path.of("frameworks/b2b-2026.yaml"));
      Framework f = FrameworkReader.read(YamlTree.parse(text.substring(0, text.indexOf("\n# How `ragft score`")), "f.yaml"));
      assertThatThrownBy(() -> new Sequencer(f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no roadmap");
    }
  }
}
