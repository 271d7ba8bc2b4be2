package dev.ragft.bench.llm;

import dev.ragft.input.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Successful replies on disk, one file per request, named by the SHA-256 of the request: the URL
 * (without user info or query secrets; Azure's api-version stays) and the exact body, which holds
 * the model and every message. A rerun of the same bench sends nothing and gets the same answers.
 * Only successful replies are stored, each written to a temporary file and moved into place, so a
 * crash never leaves half an entry. Headers, and with them the API key, are never part of it.
 */
final class ResponseCache {
  static final String FORMAT = "ragft-llm-cache/1";
  private final Optional<Path> folder;

  ResponseCache(Optional<Path> folder) {
    this.folder = folder;
  }

  static String key(String url, String body) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(("POST " + url + "\n").getBytes(StandardCharsets.UTF_8));
      d.update(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The stored reply, or empty on a miss (an unreadable entry counts as a miss and is rewritten). */
  Optional<Reply> get(String key) {
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      Optional<Node> n = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
      if (n.isEmpty() || !Json.text(n.get(), "format").filter(FORMAT::equals).isPresent()) {
        return Optional.empty();
      }
      Node e = n.get();
      return Json.text(e, "content").or(() -> Optional.of("")).map(content -> new Reply(content,
          Json.whole(e, -1, "promptTokens"), Json.whole(e, -1, "completionTokens"), Json.whole(e, 0, "micros"), 0,
          true));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void put(String key, String model, Reply r) {
    if (folder.isEmpty()) {
      return;
    }
    String text = Json.flat(List.of(new String[] {"format", FORMAT}, new String[] {"model", model},
        new String[] {"content", r.content()}, new String[] {"promptTokens", Long.toString(r.promptTokens())},
        new String[] {"completionTokens", Long.toString(r.completionTokens())},
        new String[] {"micros", Long.toString(r.modelMicros())}));
    try {
      Files.createDirectories(folder.get());
      Path tmp = Files.createTempFile(folder.get(), ".ragft-", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the response cache " + folder.get().getFileName() + ": "
          + dev.ragft.input.IoReason.of(e), e);
    }
  }

  private Path file(String key) {
    return folder.orElseThrow().resolve(key + ".json");
  }
}
