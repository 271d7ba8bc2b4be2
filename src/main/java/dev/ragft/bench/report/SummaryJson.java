package dev.ragft.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.metrics.Interval;
import dev.ragft.bench.metrics.MetricId;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.BenchSummary;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.ModelUse;
import dev.ragft.bench.run.Slice;
import dev.ragft.input.Node;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stable JSON form of a bench summary ({@code summary.json}), for trend tracking: keys in a
 * fixed order, numbers with four decimals, latency in milliseconds with three, absent metrics left
 * out. {@code schema} names the version of this layout.
 */
public final class SummaryJson {
  /**
   * The format of summary.json. Version 2: a question's {@code score} needs every figure of the
   * expected answer (version 1's was plain token F1), so the two do not compare.
   */
  public static final String SCHEMA = "ragft-bench-summary/2";

  /**
   * Why {@code root} is not a summary this ragft reads (render and compare both ask), or empty
   * when it is one.
   */
  public static Optional<String> notASummary(Node root) {
    String schema = root instanceof Node.MapNode m && m.entries().containsKey("schema")
        && m.entries().get("schema").value() instanceof Node.ScalarNode s ? s.text() : "";
    if (schema.equals(SCHEMA)) {
      return Optional.empty();
    }
    if (schema.equals("ragft-bench-summary/1")) {
      return Optional.of("a bench summary of an earlier ragft (schema ragft-bench-summary/1), whose question score was"
          + " plain token F1 and does not compare with this version's, which needs every figure of the expected"
          + " answer; rerun ragft bench");
    }
    return Optional.of("not a bench summary: expected \"schema\": \"" + SCHEMA
        + "\" (the summary.json of ragft bench --report-dir)");
  }
  private static final JsonFactory FACTORY = new JsonFactory();

  private SummaryJson() {}

  /** The summary without provenance, for comparing two runs' measurements. */
  public static String render(BenchSummary s, List<Gate.Result> gates) {
    return render(s, gates, java.util.Optional.empty());
  }

  /** The summary with its provenance: the ragft version and the dataset's hash. */
  public static String render(BenchSummary s, List<Gate.Result> gates, Provenance p) {
    return render(s, gates, java.util.Optional.of(p));
  }

  private static String render(BenchSummary s, List<Gate.Result> gates, java.util.Optional<Provenance> p) {
    StringWriter out = new StringWriter();
    Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = FACTORY.createGenerator(out).setPrettyPrinter(pp)) {
      write(g, s, gates, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void write(JsonGenerator g, BenchSummary s, List<Gate.Result> gates,
      java.util.Optional<Provenance> p) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    if (p.isPresent()) {
      g.writeObjectFieldStart("provenance");
      g.writeStringField("ragftVersion", p.get().ragftVersion());
      g.writeStringField("datasetName", s.info().name());
      g.writeStringField("datasetHash", p.get().datasetHash());
      g.writeNumberField("seed", s.settings().seed());
      g.writeStringField("retriever", s.settings().dense().retriever().id());
      g.writeEndObject();
    }
    g.writeObjectFieldStart("dataset");
    g.writeStringField("name", s.info().name());
    g.writeStringField("description", s.info().description());
    g.writeStringField("source", s.info().source());
    g.writeStringField("licence", s.info().licence());
    g.writeBooleanField("synthetic", s.info().synthetic());
    g.writeStringField("trainingSnapshot", s.info().trainingSnapshot());
    g.writeNumberField("documents", s.documents());
    g.writeNumberField("passages", s.passages());
    g.writeNumberField("train", s.trainExamples());
    g.writeNumberField("eval", s.evalCases());
    g.writeNumberField("unseenLabelCases", s.unseenLabelCases());
    g.writeNumberField("excludedOverlap", s.excludedOverlap());
    if (s.settings().outOfScope().named()) {
      g.writeStringField("outOfScopeLabel", s.settings().outOfScope().label());
      g.writeFieldName("abstainBelow");
      g.writeNumber(MetricId.SCORE.format(s.abstainBelow()));
    }
    g.writeEndObject();
    BenchSettings st = s.settings();
    g.writeObjectFieldStart("settings");
    g.writeNumberField("topK", st.topK());
    g.writeNumberField("seed", st.seed());
    g.writeBooleanField("timing", st.timing());
    g.writeNumberField("chunkWords", st.chunkWords());
    g.writeNumberField("voteK", st.voteK());
    g.writeNumberField("neighbours", st.neighbours());
    g.writeNumberField("featureBits", st.featureBits());
    g.writeNumberField("epochs", st.epochs());
    g.writeNumberField("learningRate", st.learningRate());
    g.writeStringField("retriever", st.dense().retriever().id());
    g.writeNumberField("rrfK", st.dense().rrfK());
    g.writeStringField("classifier", st.dense().classifier().id());
    g.writeNumberField("bootstrap", st.bootstrap());
    g.writeStringField("questionScore", st.questionScoreId());
    g.writeBooleanField("embeddingMetrics", st.embeddingMetrics());
    if (st.outOfScope().named()) {
      g.writeStringField("outOfScopeLabel", st.outOfScope().label());
      g.writeNumberField("outOfScopeHoldout", st.outOfScope().holdout());
    }
    if (st.dense().usesEmbeddings() || st.embeddingMetrics()) {
      g.writeStringField("embeddingModel", st.dense().usesEmbeddings() ? st.dense().embeddingModel() : Embedder.MINILM);
    }
    g.writeEndObject();
    g.writeArrayFieldStart("approaches");
    for (ApproachId a : st.approaches()) {
      g.writeStartObject();
      g.writeStringField("id", a.id());
      java.util.Optional<ModelUse> m = s.model(a);
      if (m.isPresent()) {
        g.writeBooleanField("offlineProxy", false);
        g.writeStringField("description", m.get().description());
        g.writeObjectFieldStart("model");
        g.writeStringField("id", m.get().model());
        g.writeStringField("endpoint", m.get().endpoint());
        g.writeNumberField("calls", m.get().calls());
        g.writeNumberField("inputTokens", m.get().inputTokens());
        g.writeNumberField("outputTokens", m.get().outputTokens());
        g.writeNumberField("unparseableLabels", m.get().unparseableLabels());
        g.writeEndObject();
      } else {
        g.writeBooleanField("offlineProxy", a.trained());
        g.writeStringField("description", a.description(st.dense()));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("slices");
    for (Slice sl : s.slices()) {
      g.writeStartObject();
      g.writeStringField("slice", sl.name());
      g.writeStringField("kind", sl.kind().name().toLowerCase(Locale.ROOT));
      g.writeNumberField("cases", sl.cases());
      g.writeObjectFieldStart("metrics");
      for (Map.Entry<ApproachId, Map<MetricId, Double>> e : sl.metrics().entrySet()) {
        g.writeObjectFieldStart(e.getKey().id());
        for (Map.Entry<MetricId, Double> m : e.getValue().entrySet()) {
          g.writeFieldName(m.getKey().id());
          g.writeNumber(number(m.getKey(), m.getValue()));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      Slice rounded = reported(sl);
      if (!rounded.intervals().isEmpty()) {
        g.writeObjectFieldStart("intervals");
        for (Map.Entry<ApproachId, Map<MetricId, Interval>> e : rounded.intervals().entrySet()) {
          g.writeObjectFieldStart(e.getKey().id());
          for (Map.Entry<MetricId, Interval> m : e.getValue().entrySet()) {
            g.writeFieldName(m.getKey().id());
            interval(g, m.getKey(), m.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      var w = rounded.winner();
      if (w.isPresent()) {
        g.writeObjectFieldStart("winner");
        g.writeArrayFieldStart("approaches");
        for (ApproachId a : w.get().leaders()) {
          g.writeString(a.id());
        }
        g.writeEndArray();
        g.writeStringField("metric", MetricId.SCORE.id());
        g.writeFieldName("margin");
        g.writeNumber(MetricId.SCORE.format(w.get().margin()));
        if (w.get().tested()) {
          g.writeFieldName("margin95");
          interval(g, MetricId.SCORE, w.get().margin95().orElseThrow());
          g.writeObjectFieldStart("differences");
          for (Map.Entry<ApproachId, Interval> d : rounded.differences().entrySet()) {
            g.writeFieldName(d.getKey().id());
            interval(g, MetricId.SCORE, d.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("warnings");
    for (String w : s.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("gates");
    for (Gate.Result r : gates) {
      g.writeStartObject();
      g.writeStringField("gate", r.gate().text());
      g.writeNumberField("threshold", r.gate().threshold());
      g.writeFieldName("value");
      if (r.unmeasured().isPresent()) {
        g.writeNull();
      } else {
        g.writeNumber(String.format(Locale.ROOT, "%.4f", r.value()));
      }
      g.writeBooleanField("passed", r.passed());
      if (r.unmeasured().isPresent()) {
        g.writeStringField("unmeasured", r.unmeasured().get());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The slice at the precision this file reports, so the winner's margin is the difference of the
   * printed scores, and a report read back from this file names the same winner by the same margin.
   */
  static Slice reported(Slice sl) {
    return sl.rounded();
  }

  /** {@code [low, high]} on one line, at the metric's precision. */
  private static void interval(JsonGenerator g, MetricId m, Interval v) throws IOException {
    g.writeRawValue("[" + m.format(v.low()) + ", " + m.format(v.high()) + "]");
  }

  static String number(MetricId m, double v) {
    return m.format(v);
  }
}
