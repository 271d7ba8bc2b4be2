package dev.ragft.bench.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a question with the best-supported sentence of the retrieved passages, and cites the
 * passage it came from. A sentence's support is the share of the question's weight (BM25 idf of
 * its index terms) that it contains, plus a smaller share for the rank of its passage, so a
 * sentence that restates the question in the best passage wins over a chance match further down.
 *
 * <p>An optional hint (the answer a trained model would give) adds the share of the hint's
 * weight that a sentence contains: the hybrid approach uses it to prefer sentences shaped like
 * the learned answer while still quoting only what the passages say now. The answer is then cut
 * out of the sentence by {@link Spans}.
 */
public final class ExtractiveReader {
  /** How much the passage's retrieval score counts next to the sentence's own overlap. */
  private static final double PASSAGE_WEIGHT = 0.25;
  /** How much overlap with a hint counts next to overlap with the question. */
  private static final double HINT_WEIGHT = 0.5;

  /** The answer: a sentence and the passage it is quoted from. */
  public record Answer(String text, Passage source, double support) {}

  /** A sentence of a passage with its index terms. */
  private record Sentence(String text, Set<String> terms) {}

  private final Bm25Index index;
  // Caches, since the same passages, terms and words come back query after query. Not thread-safe:
  // a reader serves one bench run.
  private final Map<String, List<Sentence>> sentences = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final Map<String, List<String>> wordTerms = new HashMap<>();
  private final Spans spans;

  public ExtractiveReader(Bm25Index index) {
    this.index = index;
    this.spans = new Spans(w -> wordTerms.computeIfAbsent(w, index::terms));
  }

  /** The best-supported sentence of {@code found}; {@code hintWeight} (0 to 1) scales the hint's say. */
  public Optional<Answer> read(String question, String hint, double hintWeight, List<Retriever.Found> found) {
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Weighted q = weigh(question);
    Weighted h = weigh(hint);
    float top = found.get(0).score();
    Answer best = null;
    for (Retriever.Found f : found) {
      double passage = top > 0 ? f.score() / top : 0;
      for (Sentence sentence : sentences(f.passage())) {
        double support = q.share(sentence.terms()) + HINT_WEIGHT * hintWeight * h.share(sentence.terms())
            + PASSAGE_WEIGHT * passage;
        if (best == null || support > best.support()) {
          best = new Answer(sentence.text(), f.passage(), support);
        }
      }
    }
    return Optional.ofNullable(best).map(a -> new Answer(
        spans.span(a.text(), question, q.weights().keySet(), hintWeight > 0 ? hint : ""), a.source(), a.support()));
  }

  private List<Sentence> sentences(Passage p) {
    return sentences.computeIfAbsent(p.id(), id -> Sentences.split(p.text()).stream()
        .map(t -> new Sentence(t, new HashSet<>(index.terms(t)))).toList());
  }

  private Weighted weigh(String text) {
    Set<String> terms = new HashSet<>(index.terms(text));
    double total = 0;
    Map<String, Double> w = new HashMap<>();
    for (String t : terms) {
      double weight = idf.computeIfAbsent(t, index::idf);
      w.put(t, weight);
      total += weight;
    }
    return new Weighted(w, total);
  }

  /** Terms with their weights, and the sum of the weights. */
  private record Weighted(Map<String, Double> weights, double total) {
    double share(Set<String> terms) {
      if (total <= 0) {
        return 0;
      }
      double in = 0;
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        if (terms.contains(e.getKey())) {
          in += e.getValue();
        }
      }
      return in / total;
    }
  }
}
