package dev.ragft.bench.run;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.llm.Judge;
import dev.ragft.bench.metrics.AnswerMetrics;
import dev.ragft.bench.metrics.MetricId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The answer-quality measures taken on a question's result as it completes, so the results log
 * keeps them: context recall by tokens for an approach that read passages, and, with a sentence
 * embedding model (--embedding-metrics), answer similarity (Risch et al., "Semantic Answer
 * Similarity for Evaluating Question Answering Models", MRQA 2021, with the bench's bi-encoder in
 * place of their cross-encoder) and context recall by embeddings, all offline; and, with a judge
 * model configured, its grades of correctness and faithfulness.
 */
final class AnswerQuality {
  private final Optional<Supplier<Embedder>> embedder;
  private final Optional<Judge> judge;

  /** @param embedder the model for the embedding measures, loaded on first use; empty for token measures only */
  AnswerQuality(Optional<Supplier<Embedder>> embedder) {
    this(embedder, Optional.empty());
  }

  /** @param judge the model that grades answers behind the endpoint, when one is configured */
  AnswerQuality(Optional<Supplier<Embedder>> embedder, Optional<Judge> judge) {
    this.embedder = embedder;
    this.judge = judge;
  }

  CaseResult measure(EvalCase c, CaseResult r) {
    if (c.task() != Task.QA) {
      return r;
    }
    Map<MetricId, Double> m = new EnumMap<>(MetricId.class);
    if (r.grounded()) {
      m.put(MetricId.CONTEXT_RECALL, AnswerMetrics.contextRecall(r.context(), c.expected()));
    }
    if (embedder.isPresent()) {
      List<String> texts = new ArrayList<>(c.expected());
      texts.addAll(r.context());
      boolean answered = !r.answer().isBlank();
      if (answered) {
        texts.add(r.answer());
      }
      List<float[]> v = embedder.get().get().embed(texts);
      int golds = c.expected().size();
      double similarity = 0;
      double recall = 0;
      for (int g = 0; g < golds; g++) {
        if (answered) {
          similarity = Math.max(similarity, dot(v.get(g), v.get(v.size() - 1)));
        }
        for (int p = 0; p < r.context().size(); p++) {
          recall = Math.max(recall, dot(v.get(g), v.get(golds + p)));
        }
      }
      m.put(MetricId.SIMILARITY, clamp(similarity));
      if (r.grounded()) {
        m.put(MetricId.CONTEXT_RECALL_EMBEDDING, clamp(recall));
      }
    }
    if (judge.isPresent()) {
      Judge.Grade g = judge.get().grade(c.input(), c.expected(), r.answer(), r.context());
      g.correctness().ifPresent(v -> m.put(MetricId.JUDGE_CORRECTNESS, v));
      if (r.grounded()) {
        g.faithfulness().ifPresent(v -> m.put(MetricId.JUDGE_FAITHFULNESS, v));
      }
    }
    return r.withMeasures(m);
  }

  /** The cosine of two unit vectors. */
  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /** A cosine below 0 (opposed meanings) counts as no similarity, so the measure stays 0 to 1 like the others. */
  private static double clamp(double cosine) {
    return Math.max(0, Math.min(1, cosine));
  }
}
