package dev.ragft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a page in Debian's headless chromium ({@code /usr/bin/chromium}, or {@code $CHROMIUM}) with
 * no network, no profile and no extensions, and returns the DOM after load with every console line
 * the page caused. Tests skip, saying so, where {@link #available()} is false.
 */
public final class HeadlessChromium {
  public static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  /** The exit code, the DOM after load, and the page's console lines (chromium's own noise left out). */
  public record Rendered(int exit, String dom, List<String> console) {}

  private HeadlessChromium() {}

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** Loads {@code page}; {@code work} holds the throwaway profile, the DOM and the log. */
  public static Rendered render(Path page, Path work) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    Path out = Files.createTempFile(work, "dom", ".html");
    Path log = Files.createTempFile(work, "chromium", ".log");
    Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s; log:\n" + Files.readString(log));
    }
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      // Chromium's own noise (no D-Bus, no GPU in a container) is not the page's; console lines and uncaught errors are.
      if (line.contains(":CONSOLE") || line.contains("Uncaught") || line.contains("Refused to")) {
        console.add(line);
      }
    }
    return new Rendered(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console);
  }
}
