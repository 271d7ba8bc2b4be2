package dev.ragft.bench.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link Comparison} as text, Markdown or JSON. Each lists the metrics that moved (or that one
 * run did not measure), then a summary line; unchanged metrics are only counted.
 */
public final class ComparisonReport {
  public static final String SCHEMA = "ragft-bench-compare/1";
  private static final JsonFactory FACTORY = new JsonFactory();

  private ComparisonReport() {}

  public static String text(Comparison c) {
    StringBuilder b = new StringBuilder();
    b.append("Comparison of ").append(c.baseline().file()).append(" (baseline) and ").append(c.current().file())
        .append(" (current)\n");
    c.warnings().forEach(w -> b.append("Warning: ").append(w).append(".\n"));
    List<Comparison.Row> moved = c.rows().stream().filter(Comparison.Row::moved).toList();
    if (moved.isEmpty()) {
      b.append("\nNo metric moved.\n");
    } else {
      int w = Math.max("metric".length(), moved.stream().mapToInt(r -> r.key().length()).max().orElse(0));
      b.append('\n').append(String.format(Locale.ROOT, "%-" + w + "s  %10s  %10s  %10s  %9s  %s\n", "metric", "baseline",
          "current", "change", "relative", "status"));
      for (Comparison.Row r : moved) {
        b.append(String.format(Locale.ROOT, "%-" + w + "s  %10s  %10s  %10s  %9s  %s", r.key(), value(r, r.baseline()),
            value(r, r.current()), change(r), relative(r), status(r)).stripTrailing()).append('\n');
      }
    }
    return b.append('\n').append(summary(c)).append('\n').toString();
  }

  public static String markdown(Comparison c) {
    StringBuilder b = new StringBuilder("## ragft bench: comparison\n\n");
    b.append("Baseline `").append(c.baseline().file()).append("`, current `").append(c.current().file()).append("`.");
    c.warnings().forEach(w -> b.append(" Warning: ").append(w).append('.'));
    b.append("\n\n**").append(summary(c)).append("**\n");
    List<Comparison.Row> moved = c.rows().stream().filter(Comparison.Row::moved).toList();
    if (!moved.isEmpty()) {
      b.append("\n| metric | baseline | current | change | relative | status |\n");
      b.append("|---|---:|---:|---:|---:|---|\n");
      for (Comparison.Row r : moved) {
        String st = r.status() == Comparison.Status.REGRESSION ? "**" + status(r) + "**" : status(r);
        b.append("| `").append(r.key()).append("` | ").append(value(r, r.baseline())).append(" | ")
            .append(value(r, r.current())).append(" | ").append(change(r)).append(" | ").append(relative(r))
            .append(" | ").append(st).append(" |\n");
      }
    }
    return b.toString();
  }

  public static String json(Comparison c) {
    StringWriter out = new StringWriter();
    Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = FACTORY.createGenerator(out).setPrettyPrinter(pp)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      run(g, "baseline", c.baseline());
      run(g, "current", c.current());
      g.writeArrayFieldStart("thresholds");
      for (Threshold t : c.thresholds()) {
        g.writeString(t.text());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (String w : c.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("unmeasurable");
      for (Comparison.Row r : c.unmeasurable()) {
        g.writeString(r.threshold().get().text());
      }
      g.writeEndArray();
      g.writeObjectFieldStart("counts");
      for (Comparison.Status s : Comparison.Status.values()) {
        g.writeNumberField(s.name().toLowerCase(Locale.ROOT), c.count(s));
      }
      g.writeEndObject();
      g.writeArrayFieldStart("changes");
      for (Comparison.Row r : c.rows()) {
        if (!r.moved()) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("approach", r.approach());
        g.writeStringField("slice", r.slice());
        g.writeStringField("metric", r.metric());
        g.writeBooleanField("higherIsBetter", r.higherIsBetter());
        number(g, "baseline", r.baseline().map(v -> number(r, v)));
        number(g, "current", r.current().map(v -> number(r, v)));
        number(g, "change", r.change().map(v -> number(r, v)));
        number(g, "relative", r.relative().map(v -> String.format(Locale.ROOT, "%.4f", v)));
        g.writeStringField("status", r.status().name().toLowerCase(Locale.ROOT));
        if (r.threshold().isPresent()) {
          g.writeStringField("threshold", r.threshold().get().text());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void run(JsonGenerator g, String field, Comparison.Run r) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("file", r.file());
    g.writeStringField("dataset", r.dataset());
    if (r.datasetHash().isPresent()) {
      g.writeStringField("datasetHash", r.datasetHash().get());
    } else {
      g.writeNullField("datasetHash");
    }
    g.writeEndObject();
  }

  /** An unmeasured value is JSON null: absent, never 0. */
  private static void number(JsonGenerator g, String field, Optional<String> v) throws IOException {
    g.writeFieldName(field);
    if (v.isPresent()) {
      g.writeNumber(v.get());
    } else {
      g.writeNull();
    }
  }

  private static String summary(Comparison c) {
    long regressions = c.count(Comparison.Status.REGRESSION);
    return String.format(Locale.ROOT, "%d metrics: %d improved, %d worse, %d unchanged, %d unmeasured; %s",
        c.rows().size(), c.count(Comparison.Status.IMPROVED),
        c.count(Comparison.Status.WORSE) + regressions, c.count(Comparison.Status.UNCHANGED),
        c.count(Comparison.Status.UNMEASURED), regressions == 0 ? (c.thresholds().isEmpty()
            ? "no regression thresholds given" : "no regression beyond the thresholds")
            : regressions + (regressions == 1 ? " regression" : " regressions") + " beyond the thresholds")
        + (c.unmeasurable().isEmpty() ? "" : "; " + c.unmeasurable().size()
            + (c.unmeasurable().size() == 1 ? " threshold" : " thresholds") + " could not be checked (unmeasured)");
  }

  private static String status(Comparison.Row r) {
    if (r.status() == Comparison.Status.REGRESSION) {
      return "REGRESSION (" + r.threshold().get().text() + ")";
    }
    if (r.status() == Comparison.Status.UNMEASURED) {
      return "unmeasured in " + (r.baseline().isEmpty() ? "baseline" : "current");
    }
    return r.status().label();
  }

  private static String value(Comparison.Row r, Optional<Double> v) {
    return v.map(x -> number(r, x)).orElse("unmeasured");
  }

  private static String change(Comparison.Row r) {
    return r.change().map(x -> (x >= 0 ? "+" : "") + number(r, x)).orElse("");
  }

  private static String relative(Comparison.Row r) {
    if (r.change().isEmpty()) {
      return "";
    }
    return r.relative().map(x -> String.format(Locale.ROOT, "%+.1f%%", x * 100)).orElse("n/a");
  }

  /** At the precision summary.json uses: 3 decimals for latency in ms, 4 otherwise. */
  private static String number(Comparison.Row r, double v) {
    return String.format(Locale.ROOT, r.higherIsBetter() ? "%.4f" : "%.3f", v);
  }
}
