package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each folder under src/test/resources/golden holds {@code args} (one argument per
 * line), the expected {@code stdout} and, when not 0, the expected {@code exit}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class GoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputMatchesTheGoldenFile(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    List<String> args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).toList();
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as("an internal error is never a golden result: " + r.describe()).isNotEqualTo(ExitCode.INTERNAL);
    Path stdout = dir.resolve("stdout");
    Path exit = dir.resolve("exit");
    if (UPDATE) {
      Files.writeString(stdout, r.out(), StandardCharsets.UTF_8);
      if (r.exit() != 0) {
        Files.writeString(exit, r.exit() + "\n", StandardCharsets.UTF_8);
      } else {
        Files.deleteIfExists(exit);
      }
    }
    int expectedExit = Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0;
    assertThat(r.exit()).as(r.describe()).isEqualTo(expectedExit);
    assertThat(r.out()).as("%s (rerun with -Dgolden.update=true to accept)", stdout).isEqualTo(Files.readString(stdout, StandardCharsets.UTF_8));
    assertThat(r.out()).as("no machine paths in reports").doesNotContain(System.getProperty("user.dir"));
  }
}
