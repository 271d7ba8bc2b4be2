package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.report.JunitSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI examples do what the README says: on the sample dataset their gates pass, the run
 * matches the committed baseline (no regression, nothing moved), and junit.xml validates. A
 * change to the bench that moves a number fails here until the baseline is refreshed.
 */
class CiExamplesTest {
  static final Path GITHUB = Path.of("examples/ci/github-actions.yml");
  static final Path GITLAB = Path.of("examples/ci/gitlab-ci.yml");
  static final String BASELINE = Path.of("examples/ci/acme-support-baseline.json").toAbsolutePath().toString();
  @TempDir Path cwd;

  static List<String> options(Path file, String option) throws Exception {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(Pattern.quote(option) + " (\\S+=\\S+)").matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void bothPipelinesGateAndCompareAlike() throws Exception {
    assertThat(options(GITLAB, "--fail-under")).isEqualTo(options(GITHUB, "--fail-under")).isNotEmpty();
    assertThat(options(GITLAB, "--fail-on-regression")).isEqualTo(options(GITHUB, "--fail-on-regression")).isNotEmpty();
  }

  @Test
  void onTheSampleTheGatesPassAndNothingMovedSinceTheBaseline() throws Exception {
    List<String> args = new ArrayList<>(List.of("bench", Path.of("examples/datasets/acme-support").toAbsolutePath()
        .toString(), "--no-timing", "--report-dir", "target/bench", "--cache-dir", "cache"));
    for (String g : options(GITHUB, "--fail-under")) {
      args.addAll(List.of("--fail-under", g));
    }
    Cli bench = Cli.run(cwd, Map.of(), "", args.toArray(String[]::new));
    assertThat(bench.exit()).as(bench.describe()).isZero();
    JunitSchema.validate(Files.readString(cwd.resolve("target/bench/junit.xml"), StandardCharsets.UTF_8));
    assertThat(Files.readString(cwd.resolve("target/bench/report.md"), StandardCharsets.UTF_8))
        .as("the Markdown the pipelines post").startsWith("## ragft bench: acme-support").contains("Gates: all 4 passed.")
        .hasSizeLessThan(65_000);
    assertThat(cwd.resolve("target/bench/report.html")).as("the page the pipelines keep").isNotEmptyFile();

    List<String> compare = new ArrayList<>(List.of("report", "compare", BASELINE, "target/bench/summary.json"));
    for (String t : options(GITHUB, "--fail-on-regression")) {
      compare.addAll(List.of("--fail-on-regression", t));
    }
    Cli r = Cli.run(cwd, Map.of(), "", compare.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).as("refresh examples/ci/acme-support-baseline.json if the change is intended")
        .contains("No metric moved.", " 0 unmeasured;");
  }
}
