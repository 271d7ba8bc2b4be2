package dev.ragft.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;

/**
 * Text on its way to a person: control characters are shown escaped (ESC as {@code \x1b}, BEL as
 * {@code \x07}; C1 controls such as U+009B and the bidirectional overrides such as U+202E as a
 * backslash, "u" and four hex digits), so a CSV cell, a YAML value or a piped answer holding an
 * escape sequence cannot clear the screen, move the cursor or set the window title. Line ends and
 * tabs pass.
 *
 * <p>Two exceptions, for what ragft itself writes: with {@code ownColours}, the few colour
 * sequences ragft's reports use (bold, dim, green, yellow, reset) pass; with {@code progress}, a
 * carriage return that starts a write passes (the progress bar redraws its line so).
 */
final class SafeText extends Writer {
  /** The Select Graphic Rendition sequences ragft's terminal reports write, after the ESC. */
  private static final Set<String> OWN = Set.of("[0m", "[1m", "[2m", "[32m", "[33m", "[1;32m");
  private static final int LONGEST = 6;

  private final Writer out;
  private final boolean ownColours;
  private final boolean progress;
  /** An escape sequence begun in one write and not yet known to be one of ragft's own. */
  private final StringBuilder held = new StringBuilder();

  SafeText(Writer out, boolean ownColours, boolean progress) {
    super(out);
    this.out = out;
    this.ownColours = ownColours;
    this.progress = progress;
  }

  /** {@code s} with every control character but line ends and tabs escaped. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      append(b, s.charAt(i));
    }
    return b.toString();
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    StringBuilder b = new StringBuilder(len + 8);
    for (int i = off; i < off + len; i++) {
      char c = cbuf[i];
      if (held.length() > 0) {
        held.append(c);
        String seq = held.substring(1);
        if (OWN.contains(seq)) {
          b.append(held);
          held.setLength(0);
        } else if (seq.length() >= LONGEST || !OWN.stream().anyMatch(o -> o.startsWith(seq))) {
          for (int j = 0; j < held.length(); j++) {
            append(b, held.charAt(j));
          }
          held.setLength(0);
        }
      } else if (c == '\u001b' && ownColours) {
        held.append(c);
      } else if (c == '\r' && progress && i == off) {
        b.append(c);
      } else {
        append(b, c);
      }
    }
    out.write(b.toString());
  }

  private static void append(StringBuilder b, char c) {
    if (c == '\n' || c == '\t' || !(c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || bidi(c))) {
      b.append(c);
    } else if (c <= 0x7f) {
      b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
    } else {
      b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
  }

  /** The bidirectional overrides and isolates, which reorder what follows them on screen. */
  private static boolean bidi(char c) {
    return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (held.length() > 0) {
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < held.length(); j++) {
        append(b, held.charAt(j));
      }
      held.setLength(0);
      out.write(b.toString());
    }
    out.close();
  }
}
