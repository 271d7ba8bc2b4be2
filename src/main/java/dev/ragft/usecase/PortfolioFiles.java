package dev.ragft.usecase;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the PATH arguments of {@code score} into the files to read: a file as given, a folder as
 * the *.yaml, *.yml and *.csv files directly inside it, sorted by name. A path that does not
 * exist, or names a file of another kind, is a usage error found before anything is read.
 */
public final class PortfolioFiles {
  private PortfolioFiles() {}

  public static List<Source> expand(List<String> paths, Path cwd) {
    List<Source> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String arg : paths) {
      Path p = cwd.resolve(arg);
      if (Files.isDirectory(p)) {
        int before = problems.size();
        List<Source> inside = folder(p, arg, problems);
        if (inside.isEmpty() && problems.size() == before) {
          problems.add(new Problem(Location.ofFile(arg), "folder holds no *.yaml, *.yml or *.csv files"));
        }
        out.addAll(inside);
      } else if (!Files.exists(p)) {
        problems.add(new Problem(Location.ofFile(arg), "no such file or folder"));
      } else {
        Optional<Source.Kind> kind = kind(p);
        if (kind.isEmpty()) {
          problems.add(new Problem(Location.ofFile(arg), "not a use-case file; expected a .yaml, .yml or .csv file, or a folder of them"));
        } else {
          out.add(new Source(p, arg, kind.get()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return out;
  }

  private static List<Source> folder(Path dir, String arg, List<Problem> problems) {
    String prefix = arg.endsWith("/") ? arg : arg + "/";
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> kind(f).isPresent())
          .sorted()
          .map(f -> new Source(f, prefix + f.getFileName(), kind(f).orElseThrow()))
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(Location.ofFile(arg), "cannot list folder: " + e.getMessage()));
      return List.of();
    }
  }

  private static Optional<Source.Kind> kind(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(Source.Kind.YAML);
    }
    return name.endsWith(".csv") ? Optional.of(Source.Kind.CSV) : Optional.empty();
  }
}
