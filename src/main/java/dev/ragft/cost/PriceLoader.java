package dev.ragft.cost;

import dev.ragft.framework.Framework;
import dev.ragft.input.BadInputException;
import dev.ragft.input.CompiledYaml;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.Resources;
import dev.ragft.input.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds price files: a file a user names, or the built-in one a framework declares. */
public final class PriceLoader {
  private PriceLoader() {}

  /**
   * The prices to use: {@code idOrPath} when given (a file relative to {@code base}, or a
   * built-in id), else the framework's own, else none.
   */
  public static Optional<Prices> load(Optional<String> idOrPath, Path base, Framework framework) {
    if (idOrPath.isPresent()) {
      Path path = base.resolve(idOrPath.get());
      if (Files.exists(path)) {
        return Optional.of(PriceReader.read(YamlTree.read(path, idOrPath.get()), framework));
      }
      return Optional.of(builtIn(idOrPath.get(), framework).orElseThrow(() -> new BadInputException(
          Location.ofFile(idOrPath.get()), "price file not found; give a price file or a built-in id such as prices-2026")));
    }
    if (framework.prices().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(builtIn(framework.prices(), framework).orElseThrow(() -> new BadInputException(
        Location.ofFile("framework " + framework.id()), "prices: no built-in price file '" + framework.prices() + "'")));
  }

  /**
   * The built-in price files read so far, by id, each with the framework it was checked against.
   * Prices are immutable, so one read serves every caller with that framework; this lets ragft's
   * entry point read the default prices on its second core while the command starts.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Checked> BUILT_IN =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Checked(Framework framework, Optional<Prices> prices) {}

  /**
   * A built-in price file checked against {@code framework}; a second caller with the same
   * framework, on any thread, waits for and shares the first read. Another framework (a user's
   * file naming the same prices) gets a read of its own, since checks depend on the framework.
   */
  private static Optional<Prices> builtIn(String id, Framework framework) {
    Checked first = BUILT_IN.computeIfAbsent(id, key -> new Checked(framework, readBuiltIn(key, framework)));
    return first.framework() == framework ? first.prices() : readBuiltIn(id, framework);
  }

  private static Optional<Prices> readBuiltIn(String id, Framework framework) {
    if (!id.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    String name = "frameworks/" + id + ".yaml";
    Optional<Node> compiled = CompiledYaml.read(name);
    if (compiled.isPresent()) {
      try {
        return Optional.of(PriceReader.read(compiled.get(), framework));
      } catch (BadInputException e) {
        // Read the YAML instead, for messages with lines: see FrameworkLoader.loadBuiltIn.
      }
    }
    Optional<String> text = Resources.text(name);
    return text.isEmpty() ? Optional.empty() : Optional.of(PriceReader.read(YamlTree.parse(text.get(), name), framework));
  }
}
