package dev.ragft.bench.retrieval;

import java.util.Arrays;
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
 * the learned answer while still quoting only what the passages say now.
 */
public final class ExtractiveReader {
  /** How much the passage's retrieval score counts next to the sentence's own overlap. */
  private static final double PASSAGE_WEIGHT = 0.25;
  /** How much overlap with a hint counts next to overlap with the question. */
  private static final double HINT_WEIGHT = 0.5;

  /** The answer: a sentence and the passage it is quoted from. */
  public record Answer(String text, Passage source, double support) {}

  private final Bm25Index index;

  public ExtractiveReader(Bm25Index index) {
    this.index = index;
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
      for (String sentence : Sentences.split(f.passage().text())) {
        Set<String> terms = new HashSet<>(index.terms(sentence));
        double support = q.share(terms) + HINT_WEIGHT * hintWeight * h.share(terms) + PASSAGE_WEIGHT * passage;
        if (best == null || support > best.support()) {
          best = new Answer(sentence, f.passage(), support);
        }
      }
    }
    return Optional.ofNullable(best).map(a -> new Answer(span(a.text(), q.weights().keySet()), a.source(), a.support()));
  }

  /**
   * The span of a sentence that answers: the sentence without its leading words that only restate
   * the question or carry no content ("The Pro plan costs $12 ..." becomes "costs $12 ..."). Words
   * at the end stay: they are often the answer's unit ("per month"). A sentence made only of such
   * words stays whole.
   */
  String span(String sentence, Set<String> questionTerms) {
    String[] words = sentence.split("\\s+");
    int from = 0;
    int to = words.length;
    while (from < to && restates(words[from], questionTerms)) {
      from++;
    }
    if (from == to) {
      return sentence;
    }
    String span = String.join(" ", Arrays.asList(words).subList(from, to));
    return span.replaceAll("[.,;:!?]+$", "");
  }

  private boolean restates(String word, Set<String> questionTerms) {
    List<String> terms = index.terms(word);
    return questionTerms.containsAll(terms);
  }

  private Weighted weigh(String text) {
    Set<String> terms = new HashSet<>(index.terms(text));
    double total = 0;
    Map<String, Double> w = new HashMap<>();
    for (String t : terms) {
      double idf = index.idf(t);
      w.put(t, idf);
      total += idf;
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
