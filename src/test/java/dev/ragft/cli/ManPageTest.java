package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The man pages as the build makes them (pom.xml, prepare-package): picocli's ManPageGenerator,
 * then ManPageRoff, then read by groff as {@code man} reads them.
 */
class ManPageTest {
  @TempDir static Path dir;

  private static Path man;

  @BeforeAll
  static void build() throws IOException {
    Path adoc = dir.resolve("adoc");
    int status = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], false,
        new CommandLine(new RagftCommand()).getCommandSpec());
    assertThat(status).isZero();
    man = dir.resolve("man1");
    ManPageRoff.main(new String[] {adoc.toString(), man.toString()});
  }

  /** groff, run as man runs it; the test fails without it in CI (it must run there) and is skipped elsewhere. */
  private static String groff(Path page, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("groff", "-man", "-Tascii", "-P-cbou", "-rLL=80n"));
    command.addAll(List.of(options));
    command.add(page.toString());
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noGroff) {
      if ("true".equals(System.getenv("CI"))) {
        fail("groff is not installed: the man page test must run in CI");
      }
      Assumptions.abort("groff is not installed");
      throw noGroff;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void everyCommandHasAPage() {
    List<String> commands = new ArrayList<>();
    collect(new CommandLine(new RagftCommand()), commands);
    assertThat(commands).hasSizeGreaterThan(10).allSatisfy(c ->
        assertThat(man.resolve(c.replace(' ', '-') + ".1")).as(c).exists());
  }

  private static void collect(CommandLine cl, List<String> names) {
    names.add(cl.getCommandSpec().qualifiedName(" "));
    cl.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  @Test
  void everyPageReadsWithoutAWarningAndNamesItsCommandInAWholeSentence() throws Exception {
    try (var pages = Files.list(man)) {
      for (Path page : pages.toList()) {
        String warnings = groff(page, "-ww", "-z");
        assertThat(warnings).as(page.toString()).isEmpty();
        String text = groff(page);
        String name = text.substring(text.indexOf("NAME\n") + 5, text.indexOf("\nSYNOPSIS")).strip().replaceAll("\\s+", " ");
        assertThat(name).as(page.toString()).matches("ragft[a-z-]* - .*[.?]");
      }
    }
  }

  @Test
  void optionsKeepTheirPlainHyphensAndExamplesTheirLayout() throws Exception {
    String bench = groff(man.resolve("ragft-bench.1"));
    assertThat(bench).contains("SYNOPSIS", "OPTIONS", "EXIT CODES", "       --top-k=N\n",
        "  ragft bench my-dataset --report-dir target/bench \\\n                     --fail-under rag.qa.f1=0.6",
        " DATASET_DIR\n").doesNotContain("_DATASET_DIR_");
    String root = groff(man.resolve("ragft.1"));
    assertThat(root).contains("COMMANDS", "recommend", "EXIT CODES", "Bad usage or bad input");
  }

  @Test
  void aLineTheConverterDoesNotKnowStopsTheBuild() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManPageRoff.convert("= x(1)\n\n[%hardbreaks]\n", "x.adoc"))
        .hasMessageContaining("x.adoc:3:");
  }
}
