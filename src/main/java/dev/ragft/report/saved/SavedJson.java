package dev.ragft.report.saved;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON document into a located {@link Node} tree, so every later message names line and column. */
public final class SavedJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SavedJson() {}

  /** Reads a file; {@code displayName} is how messages name it (as the user gave it, never made absolute). */
  public static Node read(Path file, String displayName) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), displayName);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Location.ofFile(displayName), "file not found");
    } catch (MalformedInputException e) {
      throw new BadInputException(Location.ofFile(displayName), "not a UTF-8 text file");
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(displayName), "cannot read: " + e.getClass().getSimpleName());
    }
  }

  /** Parses JSON text holding exactly one value. */
  public static Node parse(String text, String displayName) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new BadInputException(Location.ofFile(displayName), "file is empty; expected JSON written by ragft");
      }
      Node root = YamlTree.tree(p, loc -> at(loc, displayName));
      if (p.nextToken() != null) {
        throw new BadInputException(at(p.currentTokenLocation(), displayName), "more than one JSON value");
      }
      return root;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
      throw new BadInputException(at(e.getLocation(), displayName), "not valid JSON: " + message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Location at(JsonLocation loc, String file) {
    return loc == null || loc.getLineNr() <= 0 ? Location.ofFile(file) : new Location(file, loc.getLineNr(), loc.getColumnNr());
  }
}
