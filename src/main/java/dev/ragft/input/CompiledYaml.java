package dev.ragft.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML files built into ragft (frameworks, prices), also as JSON made at build time: SnakeYAML
 * run cold takes about a tenth of a second over the 27 KB default framework, Jackson's JSON parser
 * far less. The YAML stays the source of truth: the build writes {@code compiled/NAME.json} beside
 * each {@code NAME.yaml} only after checking that it reads back to the same tree (same keys in the
 * same order, same scalar texts and types), so a reader gets the same records from either. The
 * JSON names the YAML text it was made from, and is used only with that text.
 *
 * <p>Nodes read from the JSON carry the YAML file's name without a line: the built-in files are
 * valid (tests check), and a caller that finds a problem rereads the YAML for its lines and columns.
 */
public final class CompiledYaml {
  private static final JsonFactory JSON = new JsonFactory();

  private CompiledYaml() {}

  /**
   * The tree of the class-path resource {@code yamlName} (such as {@code frameworks/b2b-2026.yaml})
   * read from its compiled JSON; empty when the build made none (classes not built by Maven).
   */
  public static Optional<Node> read(String yamlName) {
    Optional<String> yaml = Resources.text(yamlName);
    Optional<String> json = Resources.text(jsonName(yamlName));
    if (yaml.isEmpty() || json.isEmpty()) {
      return Optional.empty();
    }
    return fromCompiled(json.get(), yaml.get(), yamlName);
  }

  /** The tree in a compiled JSON, when it was made from this YAML text. */
  static Optional<Node> fromCompiled(String json, String yaml, String yamlName) {
    try (JsonParser p = JSON.createParser(json)) {
      // {"source": fingerprint of the YAML, "tree": ...}: a JSON older than its YAML (classes
      // built without the build step, say) is not used.
      if (p.nextToken() != JsonToken.START_OBJECT || !"source".equals(p.nextFieldName())
          || !fingerprint(yaml).equals(p.nextTextValue()) || !"tree".equals(p.nextFieldName())) {
        return Optional.empty();
      }
      p.nextToken();
      Location file = Location.ofFile(yamlName);
      return Optional.of(YamlTree.tree(p, loc -> file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which YAML text a compiled JSON was made from: its length and String hash. */
  static String fingerprint(String yaml) {
    return yaml.length() + ":" + Integer.toHexString(yaml.hashCode());
  }

  /** The file the build writes: the YAML's fingerprint and its tree. */
  static String compiled(String yaml, String yamlName) {
    return "{\"source\":\"" + fingerprint(yaml) + "\",\"tree\":" + toJson(YamlTree.parse(yaml, yamlName), yamlName) + "}";
  }

  /** Where the compiled JSON of {@code yamlName} lives: {@code compiled/} in the same folder. */
  static String jsonName(String yamlName) {
    int slash = yamlName.lastIndexOf('/');
    String base = yamlName.substring(slash + 1).replaceFirst("\\.ya?ml$", "");
    return yamlName.substring(0, slash + 1) + "compiled/" + base + ".json";
  }

  static Node parseJson(String json, String yamlName) throws IOException {
    Location file = Location.ofFile(yamlName);
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return YamlTree.tree(p, loc -> file);
    }
  }

  /** The JSON text of a tree; fails when JSON cannot say the same (a YAML-only number such as 1_000). */
  static String toJson(Node root, String yamlName) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(root, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String json = out.toString();
    Node back;
    try {
      back = parseJson(json, yamlName);
    } catch (IOException | BadInputException e) {
      throw new IllegalStateException(yamlName + ": its JSON does not read back: " + e.getMessage(), e);
    }
    sameContent(root, back, yamlName);
    return json;
  }

  private static void write(Node node, JsonGenerator g) throws IOException {
    if (node instanceof Node.MapNode m) {
      g.writeStartObject();
      for (Node.Entry e : m.entries().values()) {
        g.writeFieldName(e.key());
        write(e.value(), g);
      }
      g.writeEndObject();
    } else if (node instanceof Node.ListNode l) {
      g.writeStartArray();
      for (Node item : l.items()) {
        write(item, g);
      }
      g.writeEndArray();
    } else {
      Node.ScalarNode s = (Node.ScalarNode) node;
      switch (s.type()) {
        case STRING -> g.writeString(s.text());
        case INTEGER, DECIMAL -> g.writeNumber(s.text()); // verbatim, so the text reads back the same
        case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(s.text()));
        case NULL -> g.writeNull();
      }
    }
  }

  /** Throws unless both trees hold the same keys, order, scalar texts and types (locations aside). */
  static void sameContent(Node a, Node b, String where) {
    if (a instanceof Node.MapNode ma && b instanceof Node.MapNode mb) {
      if (!List.copyOf(ma.entries().keySet()).equals(List.copyOf(mb.entries().keySet()))) {
        throw differs(where, a);
      }
      Iterator<Map.Entry<String, Node.Entry>> ib = mb.entries().entrySet().iterator();
      for (Map.Entry<String, Node.Entry> ea : ma.entries().entrySet()) {
        sameContent(ea.getValue().value(), ib.next().getValue().value(), where);
      }
    } else if (a instanceof Node.ListNode la && b instanceof Node.ListNode lb) {
      if (la.items().size() != lb.items().size()) {
        throw differs(where, a);
      }
      for (int i = 0; i < la.items().size(); i++) {
        sameContent(la.items().get(i), lb.items().get(i), where);
      }
    } else if (!(a instanceof Node.ScalarNode sa && b instanceof Node.ScalarNode sb
        && sa.type() == sb.type() && sa.text().equals(sb.text()))) {
      throw differs(where, a);
    }
  }

  private static IllegalStateException differs(String where, Node yaml) {
    return new IllegalStateException(
        yaml.location() + ": JSON cannot hold this value as the YAML has it; write it plainly (" + where + ")");
  }

  /**
   * The build step (pom.xml, process-classes): compiles every {@code *.yaml} in folder
   * {@code args[0]} (the built-in files as copied to the classes) into {@code args[0]/compiled/}.
   * A YAML problem or a value JSON cannot hold fails the build.
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = dir.resolve("compiled");
    Files.createDirectories(out);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
      for (Path f : files) {
        String name = dir.getFileName() + "/" + f.getFileName();
        String yaml = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(jsonName(f.getFileName().toString())), compiled(yaml, name), StandardCharsets.UTF_8);
      }
    } catch (BadInputException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
