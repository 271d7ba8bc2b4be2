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

  /**
   * Skips the calling test, saying why, where chromium is missing; in CI (CI=true) the browser
   * tests must run, so there a missing chromium fails the test instead.
   */
  public static void assumeAvailable(String what) {
    if ("true".equals(System.getenv("CI")) && !available()) {
      throw new AssertionError(BINARY + " is not installed, and in CI " + what + " must be checked in a browser");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(available(), BINARY + " is not installed; " + what
        + " was not checked in a browser");
  }

  private static List<String> flags(Path profile) {
    return List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
  }

  /**
   * Lays {@code page} out as a reader's browser does, at {@code width} pixels, and runs
   * {@code script} on it; returns what the script put in {@code window.measured} (a string). The
   * page's Content-Security-Policy forbids scripts, so a copy without it is measured; nothing
   * else of the page changes.
   */
  public static String measure(Path page, String script, int width, Path work) throws IOException, InterruptedException {
    String html = Files.readString(page, StandardCharsets.UTF_8).replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    html = html.replace("</body>", "<script>window.addEventListener('load',function(){var measured='';" + script
        + ";var out=document.createElement('pre');out.id='measured';out.textContent=measured;"
        + "document.body.appendChild(out);});</script></body>");
    Path copy = Files.createTempFile(work, "measured", ".html");
    Files.writeString(copy, html, StandardCharsets.UTF_8);
    Path profile = Files.createTempDirectory(work, "profile");
    Path out = Files.createTempFile(work, "dom", ".html");
    List<String> command = new ArrayList<>(flags(profile));
    command.addAll(List.of("--window-size=" + width + ",2000", "--dump-dom", copy.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    int at = dom.indexOf("<pre id=\"measured\">");
    if (at < 0) {
      throw new AssertionError("the measuring script did not run:\n" + dom);
    }
    return dom.substring(at + 19, dom.indexOf("</pre>", at)).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Prints {@code page} to PDF on A4 as Chromium's print does (no header or footer); returns the number of pages. */
  public static int printedPages(Path page, Path work) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    Path pdf = work.resolve(page.getFileName() + ".pdf");
    List<String> command = new ArrayList<>(flags(profile));
    command.addAll(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
    int pages = 0;
    while (m.find()) {
      pages++;
    }
    return pages;
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
