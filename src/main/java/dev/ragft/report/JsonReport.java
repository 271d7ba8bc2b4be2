package dev.ragft.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.Costs;
import dev.ragft.decision.Answer;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Driver;
import dev.ragft.decision.Gate;
import dev.ragft.decision.Placement;
import dev.ragft.decision.Warning;
import dev.ragft.decision.WhatIf;
import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Situation;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON form of a recommendation (docs/decisions.md, "JSON output"). Written with Jackson's streaming
 * generator: keys in a fixed order, two-space indent, "\n" line ends, so the same assessment
 * always gives the same bytes.
 */
public final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  /**
   * One recommendation as a JSON document.
   *
   * @param ragftVersion the version of ragft that made it, written as provenance beside the framework's
   */
  public static String render(Recommendation r, String ragftVersion) {
    return write(g -> object(g, r, ragftVersion));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = generator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static JsonGenerator generator(Writer out) throws IOException {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return FACTORY.createGenerator(out).setPrettyPrinter(pp);
  }

  /**
   * Writes recommendations one at a time as a JSON array, the form {@code score --format json}
   * prints: each object is exactly what {@link #render} prints for one use case, plus a trailing
   * {@code wave} object with its place in the portfolio roadmap. Nothing is held back, so a large
   * portfolio streams through.
   */
  public static final class ArrayWriter implements Closeable {
    private final Writer out;
    private final JsonGenerator g;
    private final String ragftVersion;

    public ArrayWriter(Writer out, String ragftVersion) throws IOException {
      this.out = out;
      this.ragftVersion = ragftVersion;
      this.g = generator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
    }

    /**
     * One use case; {@code columns} are the pass-through columns of its CSV row (by name, in the
     * file's order), written as {@code columns} when there are any, so that {@code report render
     * --format csv} gives them back.
     */
    public void write(Recommendation r, Placement p, java.util.Map<String, String> columns) throws IOException {
      g.writeStartObject();
      fields(g, r, ragftVersion);
      g.writeObjectFieldStart("wave");
      g.writeNumberField("number", p.number());
      g.writeStringField("id", p.wave().id());
      g.writeStringField("name", p.wave().name());
      g.writeStringField("timing", p.wave().timing());
      g.writeNumberField("pairsNeeded", p.pairsNeeded());
      g.writeStringField("target", p.target());
      g.writeEndObject();
      if (!columns.isEmpty()) {
        g.writeObjectFieldStart("columns");
        for (java.util.Map.Entry<String, String> c : columns.entrySet()) {
          g.writeStringField(c.getKey(), c.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    /** Ends the array; the writer it was given stays open. */
    @Override
    public void close() throws IOException {
      g.writeEndArray();
      g.close();
      out.write("\n");
    }
  }

  private static void object(JsonGenerator g, Recommendation r, String ragftVersion) throws IOException {
    g.writeStartObject();
    fields(g, r, ragftVersion);
    g.writeEndObject();
  }

  private static void fields(JsonGenerator g, Recommendation r, String ragftVersion) throws IOException {
    Assessment a = r.assessment();
    g.writeStringField("id", r.id());
    g.writeStringField("name", r.name());
    g.writeStringField("description", r.description());
    g.writeObjectFieldStart("framework");
    g.writeStringField("id", a.frameworkId());
    g.writeStringField("version", a.frameworkVersion());
    g.writeEndObject();
    g.writeStringField("ragftVersion", ragftVersion);
    g.writeObjectFieldStart("answers");
    for (Map.Entry<String, Answer> e : a.answers().values().entrySet()) {
      if (e.getValue() instanceof Answer.NumberAnswer n) {
        g.writeNumberField(e.getKey(), n.number());
      } else {
        g.writeStringField(e.getKey(), e.getValue().value());
      }
    }
    g.writeEndObject();
    terms(g, r);
    g.writeStringField("approach", a.approach());
    g.writeStringField("approachName", r.framework().approachName(a.approach()));
    g.writeStringField("highestScoring", a.highestScoring());
    ints(g, "scores", a.scores());
    g.writeNumberField("confidence", a.confidence());
    g.writeNumberField("signal", a.signal());
    strings(g, "closeCall", a.closeCall());
    g.writeObjectFieldStart("arithmetic");
    ints(g, "baseline", a.baseline());
    ints(g, "sums", a.sums());
    Map<String, Integer> measured = new java.util.LinkedHashMap<>();
    for (String id : r.framework().approachIds()) {
      measured.put(id, Narrative.fromEvidence(a, id));
    }
    ints(g, "fromEvidence", measured);
    g.writeEndObject();
    g.writeArrayFieldStart("drivers");
    for (Driver d : a.drivers()) {
      g.writeStartObject();
      g.writeStringField("question", d.question());
      g.writeStringField("answer", d.answer());
      g.writeStringField("rule", d.rule());
      ints(g, "effects", d.effects());
      g.writeStringField("reason", d.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("gates");
    for (Gate gate : a.gates()) {
      g.writeStartObject();
      g.writeStringField("rule", gate.rule());
      strings(g, "excludes", gate.excludes());
      g.writeStringField("reason", gate.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("warnings");
    for (Warning w : a.warnings()) {
      g.writeStartObject();
      g.writeStringField("id", w.id());
      g.writeStringField("message", w.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("situations");
    for (Situation s : a.situations()) {
      g.writeStartObject();
      g.writeStringField("id", s.id());
      g.writeStringField("approach", s.approach());
      g.writeStringField("title", s.title());
      g.writeStringField("description", s.description());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("stack");
    g.writeStringField("approach", a.approach());
    g.writeArrayFieldStart("layers");
    for (Layer l : a.stack()) {
      g.writeStartObject();
      g.writeStringField("id", l.id());
      g.writeStringField("name", l.name());
      g.writeStringField("role", l.role());
      g.writeStringField("component", l.component());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("rollout");
    for (Phase p : a.rollout()) {
      g.writeStartObject();
      g.writeStringField("id", p.id());
      g.writeStringField("name", p.name());
      g.writeNumberField("weeks", p.weeks());
      g.writeStringField("goal", p.goal());
      g.writeStringField("exitCriteria", p.exitCriteria());
      g.writeStringField("gateMetric", p.gateMetric());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (r.costs() instanceof Costs.Estimated est) {
      cost(g, est.estimate());
    }
    g.writeArrayFieldStart("whatIf");
    for (WhatIf w : a.whatIf()) {
      g.writeStartObject();
      g.writeArrayFieldStart("changes");
      for (WhatIf.Change c : w.changes()) {
        g.writeStartObject();
        g.writeStringField("question", c.question());
        g.writeStringField("from", c.from());
        g.writeStringField("to", c.to());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("approach", w.approach());
      g.writeStringField("summary", w.summary());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void cost(JsonGenerator g, CostEstimate e) throws IOException {
    g.writeObjectFieldStart("cost");
    g.writeObjectFieldStart("prices");
    g.writeStringField("id", e.pricesId());
    g.writeStringField("date", e.pricesDate());
    g.writeStringField("currency", e.currency());
    g.writeEndObject();
    g.writeStringField("basis", e.basis());
    numberOrNull(g, "volumePerDay", e.volumeKnown(), BigDecimal.valueOf(e.volumePerDay()));
    numberOrNull(g, "latencyBudgetMs", e.budgetMs() != Long.MAX_VALUE, BigDecimal.valueOf(e.budgetMs()));
    g.writeStringField("latencyBudgetFrom", e.budgetStated() ? "latency-budget-ms" : "latency:" + e.latencyAnswer());
    numberOrNull(g, "valuePerRequest", e.valueKnown(), e.valuePerRequest());
    g.writeObjectFieldStart("approaches");
    for (CostEstimate.ApproachCost c : e.approaches()) {
      g.writeObjectFieldStart(c.approach());
      g.writeNumberField("perRequest", Money.exact(c.perRequest(), 6));
      g.writeNumberField("per1000", Money.exact(c.per1000(), 4));
      numberOrNull(g, "monthly", e.volumeKnown(), Money.exact(c.monthly(), 2));
      g.writeNumberField("oneTime", Money.exact(c.oneTime(), 2));
      g.writeNumberField("pairsToPrepare", c.pairsToPrepare());
      g.writeNumberField("retrainsPerYear", c.retrainsPerYear());
      g.writeNumberField("retraining", Money.exact(c.retraining(), 2));
      numberOrNull(g, "twelveMonth", e.volumeKnown(), Money.exact(c.twelveMonth(), 2));
      g.writeNumberField("latencyMs", c.latencyMs());
      g.writeBooleanField("overBudget", c.overBudget());
      g.writeArrayFieldStart("wouldFit");
      for (CostEstimate.Remedy x : c.remedies()) {
        g.writeStartObject();
        g.writeStringField("change", x.change());
        g.writeNumberField("latencyMs", x.latencyMs());
        g.writeEndObject();
      }
      g.writeEndArray();
      boolean months = c.payback() instanceof CostEstimate.Payback.Months;
      numberOrNull(g, "paybackMonths", months, months ? ((CostEstimate.Payback.Months) c.payback()).months() : BigDecimal.ZERO);
      g.writeBooleanField("paysBack", !(c.payback() instanceof CostEstimate.Payback.Never));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("breakEven");
    for (CostEstimate.BreakEven b : e.breakEvens()) {
      g.writeStartObject();
      g.writeStringField("approach", b.approach());
      g.writeStringField("versus", b.versus());
      boolean at = b instanceof CostEstimate.BreakEven.At;
      numberOrNull(g, "requestsPerDay", at, BigDecimal.valueOf(at ? ((CostEstimate.BreakEven.At) b).requestsPerDay() : 0));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The use case's own terms, so that a saved result recomputes with them; null when not stated. */
  private static void terms(JsonGenerator g, Recommendation r) throws IOException {
    g.writeObjectFieldStart("terms");
    if (r.costs() instanceof Costs.Estimated est) {
      CostEstimate e = est.estimate();
      numberOrNull(g, dev.ragft.usecase.Terms.LATENCY_BUDGET, e.budgetStated(), BigDecimal.valueOf(e.budgetMs()));
      numberOrNull(g, dev.ragft.usecase.Terms.VALUE, e.valueKnown(), e.valuePerRequest());
    } else {
      g.writeNullField(dev.ragft.usecase.Terms.LATENCY_BUDGET);
      g.writeNullField(dev.ragft.usecase.Terms.VALUE);
    }
    g.writeEndObject();
  }

  /** A figure that may be unknown: JSON null then, never a misleading 0. */
  private static void numberOrNull(JsonGenerator g, String field, boolean known, BigDecimal value) throws IOException {
    if (known) {
      g.writeNumberField(field, value);
    } else {
      g.writeNullField(field);
    }
  }

  private static void ints(JsonGenerator g, String field, Map<String, Integer> values) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
