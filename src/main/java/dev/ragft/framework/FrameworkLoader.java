package dev.ragft.framework;

import dev.ragft.input.BadInputException;
import dev.ragft.input.CompiledYaml;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.Resources;
import dev.ragft.input.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and loads frameworks: the built-in ones shipped in the jar (by id), or any file a user
 * names. A user file always wins over a built-in id when the path exists.
 */
public final class FrameworkLoader {
  private static final String INDEX = "frameworks/builtin.list";

  private FrameworkLoader() {}

  /** Ids of the built-in frameworks; the first is the default. */
  public static List<String> builtInIds() {
    return BuiltInIds.IDS;
  }

  /** The index, read once: it ships in the jar, and every command asks for the default. */
  private static final class BuiltInIds {
    static final List<String> IDS = read();

    private static List<String> read() {
      List<String> ids = new ArrayList<>();
      for (String line : resource(INDEX).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          ids.add(l.endsWith(".yaml") ? l.substring(0, l.length() - 5) : l.endsWith(".yml") ? l.substring(0, l.length() - 4) : l);
        }
      }
      return List.copyOf(ids);
    }
  }

  public static String defaultId() {
    return builtInIds().get(0);
  }

  /**
   * Loads a framework file by path (relative to {@code base}), or a built-in framework by id when
   * no such file exists.
   */
  public static Framework load(String idOrPath, Path base) {
    Path path = base.resolve(idOrPath);
    if (!Files.exists(path) && builtInIds().contains(idOrPath)) {
      return loadBuiltIn(idOrPath);
    }
    return loadFile(path, idOrPath);
  }

  /** Loads a framework file; {@code displayName} is how messages name it. */
  public static Framework loadFile(Path path, String displayName) {
    if (!Files.exists(path)) {
      throw new BadInputException(Location.ofFile(displayName),
          "framework file not found; give a framework file or one of the built-in ids: "
              + String.join(", ", builtInIds()));
    }
    return FrameworkReader.read(YamlTree.read(path, displayName));
  }

  /**
   * The built-in frameworks read so far, by id. They are resources of the jar and Framework is
   * immutable, so reading one again could only give equal records; keeping them lets ragft's
   * entry point start reading the default on a second core while picocli starts on the first.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Framework> BUILT_IN =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A built-in framework by id; a second caller, on any thread, waits for and shares the first read. */
  public static Framework loadBuiltIn(String id) {
    return BUILT_IN.computeIfAbsent(id, FrameworkLoader::readBuiltIn);
  }

  private static Framework readBuiltIn(String id) {
    String name = "frameworks/" + id + ".yaml";
    java.util.Optional<Node> compiled = CompiledYaml.read(name);
    if (compiled.isPresent()) {
      try {
        return FrameworkReader.read(compiled.get());
      } catch (BadInputException e) {
        // Tests keep the built-in frameworks valid; were one not, the YAML's messages have lines.
      }
    }
    return FrameworkReader.read(YamlTree.parse(resource(name), name));
  }

  /** The text of a built-in framework file, as shipped. */
  public static String builtInText(String id) {
    return resource("frameworks/" + id + ".yaml");
  }

  private static String resource(String name) {
    java.util.Optional<String> text = Resources.text(name);
    if (text.isEmpty()) {
      throw new IllegalStateException("resource missing from the build: " + name);
    }
    return text.get();
  }
}
