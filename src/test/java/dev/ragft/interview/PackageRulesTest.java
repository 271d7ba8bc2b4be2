package dev.ragft.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The interview package's boundaries, checked on its sources. */
class PackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/ragft/interview");

  private static List<String> imports(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
  }

  @Test
  void onlyTheCliTouchesJline() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.toList()) {
        assertThat(imports(f)).as(f.toString()).noneMatch(i -> i.contains("org.jline"));
      }
    }
  }

  @Test
  void theStateMachineAndTheConductorDoNoIo() throws IOException {
    for (String name : List.of("Interview.java", "Conductor.java", "Prompter.java", "Screens.java", "Style.java")) {
      assertThat(imports(SOURCES.resolve(name))).as(name)
          .allMatch(i -> i.startsWith("import dev.ragft.decision.") || i.startsWith("import dev.ragft.framework.")
              || i.startsWith("import java.util."));
    }
  }
}
