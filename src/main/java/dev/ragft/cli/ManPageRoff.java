package dev.ragft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build step: the man pages picocli's ManPageGenerator writes (AsciiDoc of doctype manpage, one
 * page per command) as roff, for {@code man}. Converting AsciiDoc in general takes Asciidoctor
 * and a Ruby runtime, seconds of every build; the generator writes a small, regular part of
 * AsciiDoc, and that part is converted here:
 *
 * <ul>
 *   <li>{@code = ragft-bench(1)} is the title; {@code == Options} a section;
 *   <li>{@code term::} with indented lines (continued after a {@code +} line) an entry of a list;
 *   <li>{@code *bold*}, {@code _italic_} and {@code xref:page.adoc[label]} inline;
 *   <li>the synopsis, and indented lines elsewhere (examples, tables), kept as they are laid out;
 *   <li>comments ({@code //}) and attributes ({@code :name: value}) are read, not printed.
 * </ul>
 *
 * Anything else stops the build with the line, so that a new kind of line is noticed, not lost.
 */
public final class ManPageRoff {
  private static final Pattern TITLE = Pattern.compile("= ([a-z0-9-]+)\\((\\d)\\)");
  private static final Pattern ATTRIBUTE = Pattern.compile(":([a-z-]+):(.*)");
  private static final Pattern XREF = Pattern.compile("xref:[^\\[]*\\[([^\\]]*)]");
  private static final Pattern BOLD = Pattern.compile("\\*([^*\\s][^*]*?)\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w])_(\\S(?:.*?\\S)?)_(?![\\w])");
  /** AsciiDoc the generator does not write: block attributes, delimited blocks, tables, directives. */
  private static final Pattern UNKNOWN = Pattern.compile("\\[.*]|-{4,}|\\.{4,}|\\|===.*|[a-z]+::.*\\[.*]");

  private ManPageRoff() {}

  /** Converts every {@code .adoc} file in {@code args[0]} to {@code NAME.SECTION} in {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    Path from = Path.of(args[0]);
    Path to = Files.createDirectories(Path.of(args[1]));
    try (DirectoryStream<Path> pages = Files.newDirectoryStream(from, "*.adoc")) {
      for (Path page : pages) {
        String adoc = Files.readString(page, StandardCharsets.UTF_8);
        Matcher title = TITLE.matcher(adoc.lines().filter(l -> l.startsWith("= ")).findFirst().orElse(""));
        if (!title.matches()) {
          throw new IllegalStateException(page + ": no title such as '= ragft(1)'");
        }
        Files.writeString(to.resolve(title.group(1) + "." + title.group(2)), convert(adoc, page.toString()),
            StandardCharsets.UTF_8);
      }
    }
  }

  /** One page as roff; {@code where} names it in errors. */
  public static String convert(String adoc, String where) {
    StringBuilder out = new StringBuilder();
    String manual = "";
    String source = "";
    String section = "";
    boolean inEntry = false;
    boolean literal = false;
    boolean paragraph = false;
    List<String> lines = adoc.lines().toList();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      Matcher attribute = ATTRIBUTE.matcher(line);
      Matcher title = TITLE.matcher(line);
      if (line.startsWith("//")) {
        continue;
      }
      if (UNKNOWN.matcher(line).matches() || line.startsWith(" ") && !line.startsWith("  ")) {
        throw new IllegalStateException(where + ":" + (n + 1) + ": a line the man page converter does not know: " + line);
      }
      if (!line.isBlank() && !line.startsWith(" ") && literal) {
        out.append(".fi\n");
        literal = false;
      }
      if (attribute.matches()) {
        if (attribute.group(1).equals("manmanual")) {
          manual = attribute.group(2).strip();
        } else if (attribute.group(1).equals("mansource")) {
          source = attribute.group(2).strip();
        }
      } else if (title.matches()) {
        out.append(".TH \"").append(title.group(1).toUpperCase(Locale.ROOT)).append("\" \"").append(title.group(2))
            .append("\" \"\" \"").append(escape(source)).append("\" \"").append(escape(manual)).append("\"\n")
            .append(".nh\n.ad l\n"); // no hyphens inside option names, ragged right as --help is
      } else if (line.startsWith("== ") || line.startsWith("==  ")) {
        section = line.substring(2).strip().replaceFirst(":$", "").toUpperCase(Locale.ROOT);
        out.append(".SH \"").append(escape(section)).append("\"\n");
        inEntry = false;
        paragraph = false;
      } else if (line.isBlank()) {
        paragraph = false;
      } else if (line.equals("+")) {
        paragraph = true; // the entry's text goes on: one paragraph
      } else if (line.endsWith("::") && !line.startsWith(" ")) {
        out.append(".TP\n").append(inline(line.substring(0, line.length() - 2))).append('\n');
        inEntry = true;
        paragraph = true;
      } else if (section.equals("SYNOPSIS") || line.startsWith("  ") && !inEntry) {
        if (!literal) {
          out.append(paragraph ? "" : ".PP\n").append(".nf\n");
          literal = true;
        }
        out.append(inline(line.stripTrailing())).append('\n');
        paragraph = true;
      } else {
        if (!paragraph) {
          out.append(inEntry ? ".IP\n" : ".PP\n");
          paragraph = true;
        }
        out.append(inline(line.strip())).append('\n');
      }
    }
    if (literal) {
      out.append(".fi\n");
    }
    return out.toString();
  }

  /** Inline markup as roff fonts; roff's own characters escaped. */
  static String inline(String text) {
    String s = escape(XREF.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1))));
    s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\fB" + m.group(1) + "\\fR"));
    s = ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\fI" + m.group(1) + "\\fR"));
    return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
  }

  /** Backslashes and hyphens as roff wants them: an option's '-' must stay a plain minus. */
  private static String escape(String text) {
    List<String> parts = new ArrayList<>();
    for (char c : text.toCharArray()) {
      parts.add(c == '\\' ? "\\e" : c == '-' ? "\\-" : String.valueOf(c));
    }
    return String.join("", parts);
  }
}
