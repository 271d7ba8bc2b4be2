package dev.ragft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point inwards: a plain scan of imports keeps the layers honest. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/ragft");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

  private static List<String> imports(String pkg) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
      return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
        try {
          Matcher m = IMPORT.matcher(Files.readString(p));
          return m.results().map(r -> p.getFileName() + " imports " + r.group(1)).toList().stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  @Test
  void theEngineKnowsOnlyTheFrameworkAndTheJdk() throws IOException {
    assertThat(imports("decision")).allSatisfy(i -> assertThat(i).containsPattern(
        "imports (java\\.util|java\\.lang|java\\.math|dev\\.ragft\\.framework|dev\\.ragft\\.decision)\\b"));
  }

  @Test
  void theFrameworkModelDoesNoRendering() throws IOException {
    assertThat(imports("framework")).noneSatisfy(i -> assertThat(i).containsPattern(
        "imports dev\\.ragft\\.(cli|report|decision|usecase)\\b"));
  }

  @Test
  void onlyTheEntryPointExits() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<Path> exiting = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          return Files.readString(p).contains("System.exit(");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
      assertThat(exiting).containsExactly(MAIN.resolve("cli/Main.java"));
    }
  }

  @Test
  void theAdviceCommandsDoNotReachForHeavyLibraries() throws IOException {
    for (String pkg : List.of("decision", "framework", "usecase", "report", "input")) {
      assertThat(imports(pkg)).as(pkg).noneSatisfy(i -> assertThat(i).containsPattern("imports (org\\.apache\\.lucene|ai\\.|org\\.jline)"));
    }
  }

  @Test
  void onlyTheEmbeddingPackageTouchesTheEmbeddingModelsLibraries() throws IOException {
    Pattern heavy = Pattern.compile("^import (?:static )?(dev\\.langchain4j|ai\\.onnxruntime|ai\\.djl)\\b", Pattern.MULTILINE);
    Path allowed = MAIN.resolve("bench/embedding");
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        boolean imports = heavy.matcher(Files.readString(p)).find();
        if (!p.startsWith(allowed)) {
          assertThat(imports).as(p + " imports the embedding model's libraries").isFalse();
        }
      }
    }
    assertThat(heavy.matcher(Files.readString(allowed.resolve("MiniLmEmbedder.java"))).find()).isTrue();
  }
}
