package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ragft leaves behind is meant to be shared: reports get the mode any new file gets, and the launcher's build message stays plain text. */
class SharedFilesTest {
  @TempDir Path dir;

  @Test
  void aReportGetsTheModeEveryOtherToolGivesANewFileNotAPrivateOne() throws IOException {
    Cli r = Cli.run(dir, Map.of(), "", "recommend", "--freshness", "daily", "--task", "lookup", "--auditability",
        "high", "--training-pairs", "0", "--latency", "interactive", "--out", "report.txt");
    assertThat(r.exit()).as(r.describe()).isZero();
    // The umask of this process decides, as it does for `touch`.
    Set<PosixFilePermission> likeAnyNewFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("touched")));
    assertThat(Files.getPosixFilePermissions(dir.resolve("report.txt"))).isEqualTo(likeAnyNewFile);
    assertThat(likeAnyNewFile).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aReplacedReportIsSharedToo() throws IOException {
    Files.writeString(dir.resolve("report.txt"), "old\n");
    Set<PosixFilePermission> before = Files.getPosixFilePermissions(dir.resolve("report.txt"));
    Cli r = Cli.run(dir, Map.of(), "", "recommend", "--freshness", "daily", "--task", "lookup", "--auditability",
        "high", "--training-pairs", "0", "--latency", "interactive", "--out", "report.txt");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("report.txt"))).isEqualTo(before);
  }

  /**
   * scripts/ragft builds the jar on first use; Maven's output goes to stderr, and when stderr is
   * not a terminal it must hold no colour codes. A stand-in mvn on the PATH prints what Maven
   * prints with colour on, so the test needs no build.
   */
  @Test
  void theLauncherBuildMessageHasNoColourCodesWhenStderrIsNotATerminal() throws Exception {
    Path root = dir.resolve("checkout");
    Files.createDirectories(root.resolve("scripts"));
    Files.createDirectories(root.resolve("src/main"));
    Files.copy(Path.of("scripts/ragft"), root.resolve("scripts/ragft"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\nprintf '\\033[0m\\033[0m[\\033[1;31mERROR\\033[m] compilation failed\\n'\n"
        + "printf '\\033[0m\\033[0m' >&2\nexit 1\n");
    mvn.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("scripts/ragft").toString(), "--version")
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isEqualTo(3);
    assertThat(out).isEmpty();
    assertThat(err).contains("ragft: building target/ragft.jar", "[ERROR] compilation failed", "ragft: build failed")
        .doesNotContain("\033");
  }
}
