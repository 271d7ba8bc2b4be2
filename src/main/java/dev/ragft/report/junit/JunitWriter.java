package dev.ragft.report.junit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes JUnit XML, the format CI dashboards (Jenkins, GitLab, GitHub test reporters) read, for
 * every ragft command that gates something: {@code bench} and {@code score}. Callers build
 * {@link Suite}s of {@link Case}s; this class counts tests, failures, errors and skipped cases,
 * sums times, escapes every attribute and text, and writes the schema Jenkins and Ant publish
 * (validated against it in tests). No timestamp, host name or path is written, so the same
 * suites give the same bytes.
 */
public final class JunitWriter {
  /** How a test case ended. */
  public sealed interface Outcome permits Passed, Failed, Errored, Skipped {}

  /** It ran and passed. */
  public record Passed() implements Outcome {}

  /** It ran and did not pass: {@code <failure type message>message</failure>}. */
  public record Failed(String type, String message) implements Outcome {
    public Failed {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
    }
  }

  /** It could not run (bad input, no result): {@code <error type message>message</error>}. */
  public record Errored(String type, String message) implements Outcome {
    public Errored {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
    }
  }

  /** It did not apply (a figure it checks is unknown): {@code <skipped message/>}. */
  public record Skipped(String message) implements Outcome {
    public Skipped {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * One {@code <testcase>}; {@code seconds} is a measured time, 0 when nothing was timed;
   * {@code output}, when not empty, goes into its {@code <system-out>} (what a CI view shows of a
   * passed case).
   */
  public record Case(String classname, String name, double seconds, Outcome outcome, String output) {
    public Case {
      Objects.requireNonNull(classname, "classname");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(output, "output");
    }

    /** A case without output. */
    public Case(String classname, String name, double seconds, Outcome outcome) {
      this(classname, name, seconds, outcome, "");
    }

    public static Case passed(String classname, String name, double seconds) {
      return new Case(classname, name, seconds, new Passed());
    }
  }

  /** One {@code <testsuite>}: its name, its properties in the order given, its cases. */
  public record Suite(String name, Map<String, String> properties, List<Case> cases) {
    public Suite {
      Objects.requireNonNull(name, "name");
      properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
      cases = List.copyOf(cases);
    }

    public int failures() {
      return count(Failed.class);
    }

    public int errors() {
      return count(Errored.class);
    }

    public int skipped() {
      return count(Skipped.class);
    }

    public double seconds() {
      return cases.stream().mapToDouble(Case::seconds).sum();
    }

    private int count(Class<? extends Outcome> kind) {
      return (int) cases.stream().filter(c -> kind.isInstance(c.outcome())).count();
    }
  }

  private JunitWriter() {}

  /** The whole document: an XML declaration and {@code <testsuites name>} around every suite, counts summed. */
  public static String render(String name, List<Suite> suites) {
    int tests = suites.stream().mapToInt(s -> s.cases().size()).sum();
    int failures = suites.stream().mapToInt(Suite::failures).sum();
    int errors = suites.stream().mapToInt(Suite::errors).sum();
    double time = 0;
    for (Suite s : suites) {
      time += s.seconds();
    }
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"").append(attr(name)).append("\" tests=\"").append(tests).append("\" failures=\"")
        .append(failures).append("\" errors=\"").append(errors).append("\" time=\"").append(seconds(time)).append("\">\n");
    for (Suite s : suites) {
      suite(b, s);
    }
    return b.append("</testsuites>\n").toString();
  }

  private static void suite(StringBuilder b, Suite s) {
    b.append("  <testsuite name=\"").append(attr(s.name())).append("\" tests=\"").append(s.cases().size())
        .append("\" failures=\"").append(s.failures()).append("\" errors=\"").append(s.errors()).append("\" skipped=\"")
        .append(s.skipped()).append("\" time=\"").append(seconds(s.seconds())).append("\">\n");
    b.append("    <properties>\n");
    s.properties().forEach((k, v) -> b.append("      <property name=\"").append(attr(k)).append("\" value=\"")
        .append(attr(v)).append("\"/>\n"));
    b.append("    </properties>\n");
    for (Case c : s.cases()) {
      b.append("    <testcase classname=\"").append(attr(c.classname())).append("\" name=\"").append(attr(c.name()))
          .append("\" time=\"").append(seconds(c.seconds())).append('"');
      if (c.outcome() instanceof Passed && c.output().isEmpty()) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n");
      if (c.outcome() instanceof Failed f) {
        b.append("      <failure type=\"").append(attr(f.type())).append("\" message=\"").append(attr(f.message()))
            .append("\">").append(text(f.message())).append("</failure>\n");
      } else if (c.outcome() instanceof Errored e) {
        b.append("      <error type=\"").append(attr(e.type())).append("\" message=\"").append(attr(e.message()))
            .append("\">").append(text(e.message())).append("</error>\n");
      } else if (c.outcome() instanceof Skipped k) {
        b.append("      <skipped message=\"").append(attr(k.message())).append("\"/>\n");
      }
      if (!c.output().isEmpty()) {
        b.append("      <system-out>").append(text(c.output())).append("</system-out>\n");
      }
      b.append("    </testcase>\n");
    }
    b.append("  </testsuite>\n");
  }

  /** Seconds as JUnit writes them: three decimals. */
  public static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** Escaped for a double-quoted attribute: markup, quotes and the whitespace an attribute would fold. */
  static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;");
  }

  /** Escapes markup and replaces the characters XML 1.0 cannot hold at all with U+FFFD. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
          b.appendCodePoint(legal ? cp : 0xFFFD);
        }
      }
    });
    return b.toString();
  }
}
