package dev.ragft.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a {@link Node} tree with locations, using Jackson's streaming parser only: it
 * is cheap to start and lets us report duplicate keys and every later problem with line and
 * column.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  /** Reads a file; {@code displayName} is how messages name it (never an absolute path). */
  public static Node read(Path file, String displayName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Location.ofFile(displayName), "file not found");
    } catch (java.nio.charset.MalformedInputException e) {
      java.util.Optional<Problem> at;
      try {
        at = Utf8.firstBadByte(file, displayName, "save the file as UTF-8");
      } catch (IOException again) {
        at = java.util.Optional.empty();
      }
      throw at.map(p -> new BadInputException(java.util.List.of(p)))
          .orElse(new BadInputException(Location.ofFile(displayName), "not a UTF-8 text file"));
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(displayName), "cannot read: " + e.getMessage());
    }
    return parse(text, displayName);
  }

  /** Parses YAML text holding exactly one document. */
  public static Node parse(String text, String displayName) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new BadInputException(Location.ofFile(displayName), "file is empty");
      }
      Node root = readValue(p, displayName);
      if (p.nextToken() != null) {
        throw new BadInputException(
            at(p.currentTokenLocation(), displayName),
            "more than one YAML document; put a list of use cases in one document instead");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new BadInputException(at(e.getLocation(), displayName), "YAML syntax error: " + firstLine(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Node readValue(JsonParser p, String file) throws IOException {
    return tree(p, loc -> at(loc, file));
  }

  /**
   * The value at the parser's current token as a located tree; {@code at} turns parser positions
   * into places in the user's file (a JSON Lines reader shifts them to the right line). Any
   * Jackson parser works: YAML, or JSON for JSON Lines. Throws BadInputException for a duplicate
   * key.
   */
  public static Node tree(JsonParser p, java.util.function.Function<JsonLocation, Location> at) throws IOException {
    Location here = at.apply(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyAt = at.apply(p.currentTokenLocation());
          p.nextToken();
          Node value = tree(p, at);
          Node.Entry previous = entries.get(key);
          if (previous != null) {
            throw new BadInputException(
                keyAt, "duplicate key '" + key + "' (first at line " + previous.keyLocation().line() + ")");
          }
          entries.put(key, new Node.Entry(key, keyAt, value));
        }
        return new Node.MapNode(here, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(tree(p, at));
        }
        return new Node.ListNode(here, items);
      }
      case VALUE_STRING -> {
        return new Node.ScalarNode(here, p.getText(), Node.ScalarType.STRING);
      }
      case VALUE_NUMBER_INT -> {
        return new Node.ScalarNode(here, p.getText(), Node.ScalarType.INTEGER);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node.ScalarNode(here, p.getText(), Node.ScalarType.DECIMAL);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.ScalarNode(here, p.getText(), Node.ScalarType.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new Node.ScalarNode(here, "", Node.ScalarType.NULL);
      }
      default -> throw new BadInputException(here, "unexpected YAML content " + t);
    }
  }

  private static Location at(JsonLocation loc, String file) {
    if (loc == null || loc.getLineNr() <= 0) {
      return Location.ofFile(file);
    }
    return new Location(file, loc.getLineNr(), loc.getColumnNr());
  }

  private static String firstLine(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "unreadable YAML";
    }
    return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m).replaceAll("\\s+", " ");
  }
}
