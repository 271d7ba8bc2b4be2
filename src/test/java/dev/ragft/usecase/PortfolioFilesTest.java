package dev.ragft.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioFilesTest {
  @TempDir Path dir;

  @Test
  void aFolderIsItsYamlYmlAndCsvFilesSortedByNameAndNothingElse() throws IOException {
    Path f = Files.createDirectories(dir.resolve("client"));
    for (String name : List.of("b.yml", "a.csv", "c.YAML", "notes.txt", "d.json")) {
      Files.writeString(f.resolve(name), "");
    }
    Files.createDirectories(f.resolve("nested.yaml"));
    List<Source> sources = PortfolioFiles.expand(List.of("client"), dir);
    assertThat(sources).extracting(Source::displayName).containsExactly("client/a.csv", "client/b.yml", "client/c.YAML");
    assertThat(sources).extracting(Source::kind).containsExactly(Source.Kind.CSV, Source.Kind.YAML, Source.Kind.YAML);
  }

  @Test
  void filesAreKeptInTheOrderGiven() throws IOException {
    Files.writeString(dir.resolve("z.csv"), "");
    Files.writeString(dir.resolve("a.yaml"), "");
    assertThat(PortfolioFiles.expand(List.of("z.csv", "a.yaml"), dir)).extracting(Source::displayName)
        .containsExactly("z.csv", "a.yaml");
  }

  @Test
  void missingPathsOtherKindsAndEmptyFoldersAreAllReported() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.createDirectories(dir.resolve("empty"));
    BadInputException e = catchThrowableOfType(BadInputException.class,
        () -> PortfolioFiles.expand(List.of("nope.csv", "notes.txt", "empty/"), dir));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "nope.csv: no such file or folder",
        "notes.txt: not a use-case file; expected a .yaml, .yml or .csv file, or a folder of them",
        "empty/: folder holds no *.yaml, *.yml or *.csv files");
  }
}
