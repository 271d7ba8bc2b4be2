package dev.ragft.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a file stops being UTF-8: the line and column of its first byte that no UTF-8 text holds
 * (one Latin-1 "é" from a spreadsheet, say), for a message that names the place and not only the
 * file. Read as a stream, in flat memory.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The problem at the first byte of {@code file} that is not UTF-8, named {@code displayName};
   * empty when every byte is.
   */
  public static Optional<Problem> firstBadByte(Path file, String displayName, String hint) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int line = 1;
      int column = 1;
      int b;
      while ((b = in.read()) >= 0) {
        int more;
        if (b < 0x80) {
          more = 0;
        } else if (b >= 0xC2 && b <= 0xDF) {
          more = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
          more = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
          more = 3;
        } else {
          return Optional.of(problem(displayName, line, column, b, hint));
        }
        for (int i = 0; i < more; i++) {
          in.mark(1);
          int c = in.read();
          if (c < 0 || (c & 0xC0) != 0x80) {
            return Optional.of(problem(displayName, line, column, b, hint));
          }
        }
        if (b == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return Optional.empty();
    }
  }

  private static Problem problem(String file, int line, int column, int b, String hint) {
    String latin1 = b >= 0xA0 ? " ('" + (char) b + "' in Latin-1)" : "";
    return new Problem(new Location(file, line, column), String.format(Locale.ROOT,
        "not UTF-8 text: byte 0x%02X%s; %s", b, latin1, hint));
  }
}
