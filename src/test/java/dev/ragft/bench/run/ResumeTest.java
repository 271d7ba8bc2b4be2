package dev.ragft.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.report.SummaryJson;
import dev.ragft.input.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted run resumes from its log and ends with the results of an uninterrupted one. */
class ResumeTest {
  @TempDir Path tmp;
  final Dataset tiny = Fixtures.dataset("tiny");
  final BenchSettings settings = Fixtures.untimed(Fixtures.ALL);

  /** Stands for Ctrl-C: stops the run after {@code n} cases. */
  static Progress interruptAfter(int n) {
    return (done, total) -> {
      if (done == n) {
        throw new IllegalStateException("interrupted");
      }
    };
  }

  @Test
  void resumingAfterAnInterruptionRunsOnlyTheRestAndLosesNothing() throws IOException {
    Path log = tmp.resolve("cases.jsonl");
    assertThatThrownBy(() -> Fixtures.run(tiny, settings, log, false, interruptAfter(10))).hasMessage("interrupted");
    assertThat(Files.readAllLines(log)).as("header and the 10 completed cases").hasSize(11);

    BenchService.Outcome resumed = Fixtures.run(tiny, settings, log, true, Progress.NONE);
    assertThat(resumed.resumed()).isEqualTo(10);
    assertThat(Files.readAllLines(log)).as("each case logged once").hasSize(1 + 27);

    BenchService.Outcome fresh = Fixtures.run(tiny, settings, tmp.resolve("fresh.jsonl"), false, Progress.NONE);
    assertThat(resumed.results()).isEqualTo(fresh.results());
    assertThat(SummaryJson.render(resumed.summary(), List.of())).isEqualTo(SummaryJson.render(fresh.summary(), List.of()));
  }

  @Test
  void aLineCutShortByTheInterruptionIsRunAgain() throws IOException {
    Path log = tmp.resolve("cases.jsonl");
    Fixtures.run(tiny, settings, log, false, Progress.NONE);
    List<String> lines = Files.readAllLines(log);
    String cut = String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 20);
    Files.writeString(log, cut, StandardCharsets.UTF_8);
    BenchService.Outcome resumed = Fixtures.run(tiny, settings, log, true, Progress.NONE);
    assertThat(resumed.resumed()).isEqualTo(4);
    assertThat(Files.readAllLines(log)).hasSize(28).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
  }

  @Test
  void withoutResumeALogStartsOver() throws IOException {
    Path log = tmp.resolve("cases.jsonl");
    Fixtures.run(tiny, settings, log, false, Progress.NONE);
    BenchService.Outcome again = Fixtures.run(tiny, settings, log, false, Progress.NONE);
    assertThat(again.resumed()).isZero();
    assertThat(Files.readAllLines(log)).hasSize(28);
  }

  @Test
  void aLogWrittenWithOtherSettingsIsNotResumed() {
    Path log = tmp.resolve("cases.jsonl");
    Fixtures.run(tiny, settings, log, false, Progress.NONE);
    BenchSettings otherSeed = BenchSettings.of(Fixtures.ALL, 5, 7, false);
    assertThatThrownBy(() -> Fixtures.run(tiny, otherSeed, log, true, Progress.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessage("cases.jsonl:1:1: this results log was written for another dataset, other settings (--top-k,"
            + " --seed) or another version of ragft; run without --resume to start over");
  }
}
