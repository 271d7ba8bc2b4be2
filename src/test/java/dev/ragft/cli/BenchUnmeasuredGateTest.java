package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --fail-under gate on a metric the run did not measure cannot pass by default, and the reports are still written. */
class BenchUnmeasuredGateTest {
  @TempDir Path dir;

  private Cli bench(String... extra) {
    String[] args = new String[6 + extra.length];
    System.arraycopy(new String[] {"bench", BenchCommandTest.TINY, "--no-timing", "--approach", "rag", "--report-dir"},
        0, args, 0, 6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    return Cli.run(dir, Map.of(), "", args);
  }

  @Test
  void aGateOnAnApproachThatDidNotRunFailsWithExit1AndTheReportsAreWritten() throws IOException {
    Cli r = bench("out", "--fail-under", "hybrid.f1=0.01", "--fail-under", "rag.f1=0.01");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).contains("ragft: gate failed: hybrid.f1 cannot be checked: approach hybrid did not run (see"
        + " --approach); --allow-unmeasured lets it pass\n").doesNotContain("rag.f1 =");
    String summary = Files.readString(dir.resolve("out/summary.json"), StandardCharsets.UTF_8);
    assertThat(summary).contains("\"gate\": \"hybrid.f1=0.01\"", "\"value\": null", "\"passed\": false",
        "\"unmeasured\": \"approach hybrid did not run (see --approach)\"");
    assertThat(r.out()).contains("FAIL  hybrid.f1 cannot be checked");
    Cli md = Cli.run(dir, Map.of(), "", "report", "render", "out/summary.json", "--format", "markdown");
    assertThat(md.exit()).as(md.describe()).isZero();
    assertThat(md.out()).contains("| ❌ FAIL | hybrid.f1 | unmeasured | 0.0100 |");
  }

  @Test
  void aMetricTheSliceLacksFailsToo() {
    Cli r = bench("out", "--fail-under", "rag.qa.accuracy=0.5");
    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.err()).contains("ragft: gate failed: rag.qa.accuracy cannot be checked: accuracy is not measured for"
        + " rag on slice qa");
  }

  @Test
  void allowUnmeasuredLetsItPassWithAWarning() {
    Cli r = bench("out", "--fail-under", "hybrid.f1=0.01", "--allow-unmeasured");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.err()).contains("ragft: warning: gate hybrid.f1 cannot be checked: approach hybrid did not run (see"
        + " --approach) (let pass: --allow-unmeasured)\n");
  }
}
