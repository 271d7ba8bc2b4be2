package dev.ragft.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, passed in so tests run commands exactly as a
 * user does but with captured streams: output, errors, input, environment variables, the
 * working folder, and whether stdout is a terminal.
 */
public record Env(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> vars, Path cwd, boolean terminal) {
  public Env {
    vars = Map.copyOf(vars);
  }

  /** Colour only on a terminal, never with NO_COLOR set (any value) or TERM=dumb. */
  public boolean colorAllowed() {
    return terminal && !vars.containsKey("NO_COLOR") && !"dumb".equals(vars.get("TERM"));
  }

  /** Unicode block characters only on a terminal whose locale says UTF-8. */
  public boolean unicodeAllowed() {
    if (!terminal || "dumb".equals(vars.get("TERM"))) {
      return false;
    }
    String locale = vars.getOrDefault("LC_ALL", vars.getOrDefault("LC_CTYPE", vars.getOrDefault("LANG", "")));
    return locale.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8");
  }

  /** A path as the user gave it, resolved against the working folder. */
  public Path resolve(String path) {
    return cwd.resolve(path);
  }
}
