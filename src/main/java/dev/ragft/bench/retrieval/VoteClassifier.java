package dev.ragft.bench.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a retrieval system labels without training: it retrieves the labelled examples most
 * similar to the input (BM25, dense or hybrid, as its {@link Ranker} says) and lets the top
 * {@code k} vote, each with its score.
 */
public final class VoteClassifier implements AutoCloseable {
  /** The winning label, its share of the vote, and the ids of the examples that voted. */
  public record Vote(String label, double share, List<String> voters) {}

  /** A labelled example. */
  public record Example(String id, String text, String label) {}

  private final List<Example> examples;
  private final Bm25Index index;
  private final int k;
  private final Ranker ranker;
  // Null when the ranker is BM25 alone. Not closed here: its owner may share it.
  private final DenseSpace dense;

  /** Votes by BM25. */
  public VoteClassifier(List<Example> examples, int k) {
    this(examples, k, Ranker.BM25, Optional.empty());
  }

  /**
   * Votes by {@code ranker}; {@code dense} holds the examples' embeddings, in order, and must be
   * present when the ranker uses them.
   */
  public VoteClassifier(List<Example> examples, int k, Ranker ranker, Optional<DenseSpace> dense) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be 1 or more, got " + k);
    }
    if (ranker.kind().usesEmbeddings() && dense.isEmpty()) {
      throw new IllegalArgumentException(ranker.kind().id() + " retrieval needs the examples' embeddings");
    }
    this.examples = List.copyOf(examples);
    this.index = Bm25Index.inMemory(examples.stream().map(Example::text).toList());
    this.k = k;
    this.ranker = ranker;
    this.dense = dense.orElse(null);
  }

  public Optional<Vote> classify(String text) {
    List<Hit> hits = ranker.rank(n -> index.search(text, n), n -> dense.search(text, n), k);
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> votes = new HashMap<>();
    List<String> voters = new ArrayList<>();
    double total = 0;
    String best = null;
    for (Hit h : hits) {
      Example e = examples.get(h.ord());
      voters.add(e.id());
      total += h.score();
      double v = votes.merge(e.label(), (double) h.score(), Double::sum);
      // Ties go to the label that reached the score first, i.e. the one with the better hits.
      if (best == null || v > votes.get(best)) {
        best = e.label();
      }
    }
    return Optional.of(new Vote(best, total > 0 ? votes.get(best) / total : 0, voters));
  }

  @Override
  public void close() {
    index.close();
  }
}
