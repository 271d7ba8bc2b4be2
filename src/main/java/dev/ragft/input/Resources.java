package dev.ragft.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Files shipped on ragft's class path (built-in frameworks, prices, compiled models), as text. */
public final class Resources {
  private Resources() {}

  /** The UTF-8 text of class-path resource {@code name} (no leading slash), if there is one. */
  public static Optional<String> text(String name) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
