package dev.ragft.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every bench format, rendered from a fixed run of the tiny dataset
 * (src/test/resources/bench-report/tiny: summary.json and cases.jsonl as {@code ragft bench
 * --report-dir} wrote them, with measured latencies and two gates). Rendering from the files keeps
 * the goldens exact although latency is measured. {@code -Dgolden.update=true} rewrites them.
 */
class BenchReportGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/bench-report/tiny");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<BenchFormat> formats() {
    return Arrays.stream(BenchFormat.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void rendersAsTheGoldenFile(BenchFormat f) throws IOException {
    String out = BenchReports.render(DIR.resolve("summary.json"), "summary.json", f,
        new BenchReports.Options(false, true, 0.5));
    Path golden = DIR.resolve("golden").resolve(f.fileName());
    if (UPDATE && f != BenchFormat.JSON) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, out, StandardCharsets.UTF_8);
    }
    Path expected = f == BenchFormat.JSON ? DIR.resolve("summary.json") : golden;
    assertThat(out).as("%s (rerun with -Dgolden.update=true to accept)", expected)
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(out).as("no machine paths in reports").doesNotContain(System.getProperty("user.dir"));
  }
}
