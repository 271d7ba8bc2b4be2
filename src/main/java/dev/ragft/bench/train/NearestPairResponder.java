package dev.ragft.bench.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline proxy for a fine-tuned model answering questions: it maps a question to the answer
 * of the most similar training questions (cosine over {@link Vectorizer} features), the answers of
 * the {@code neighbours} closest pairs voting with their similarity. Like a fine-tuned model, it
 * knows only what its training pairs taught it: a fact that changed after training comes back as
 * it was, and a question unlike any training pair gets the nearest, likely wrong, answer.
 */
public final class NearestPairResponder {
  /** A training question with its answer and id. */
  public record Pair(String id, String question, String answer) {}

  /** The answer given, how similar the closest training question was, and which pair it was. */
  public record Response(String answer, double similarity, String pairId) {}

  private final Vectorizer vectorizer;
  private final List<Pair> pairs;
  private final int neighbours;
  // The training vectors inverted, by feature (compressed rows): the pairs that have feature f are
  // postingPair[start[f] .. start[f + 1]), with their values. A question then touches only the
  // pairs that share a feature with it.
  private final int[] start;
  private final int[] postingPair;
  private final float[] postingValue;

  private NearestPairResponder(Vectorizer vectorizer, List<Pair> pairs, SparseVector[] vectors, int neighbours) {
    this.vectorizer = vectorizer;
    this.pairs = pairs;
    this.neighbours = neighbours;
    int dims = vectorizer.dimensions();
    start = new int[dims + 1];
    for (SparseVector v : vectors) {
      for (int f : v.indices()) {
        start[f + 1]++;
      }
    }
    for (int f = 0; f < dims; f++) {
      start[f + 1] += start[f];
    }
    postingPair = new int[start[dims]];
    postingValue = new float[start[dims]];
    int[] fill = java.util.Arrays.copyOf(start, dims);
    for (int p = 0; p < vectors.length; p++) {
      for (int i = 0; i < vectors[p].size(); i++) {
        int at = fill[vectors[p].indices()[i]]++;
        postingPair[at] = p;
        postingValue[at] = vectors[p].values()[i];
      }
    }
  }

  public static NearestPairResponder train(List<Pair> pairs, int bits, int neighbours) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be 1 or more, got " + neighbours);
    }
    Vectorizer v = Vectorizer.fit(pairs.stream().map(Pair::question).toList(), bits);
    SparseVector[] vectors = new SparseVector[pairs.size()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = v.transform(pairs.get(i).question());
    }
    return new NearestPairResponder(v, List.copyOf(pairs), vectors, neighbours);
  }

  public Optional<Response> answer(String question) {
    if (pairs.isEmpty()) {
      return Optional.empty();
    }
    SparseVector qv = vectorizer.transform(question);
    double[] sim = new double[pairs.size()];
    for (int i = 0; i < qv.size(); i++) {
      int f = qv.indices()[i];
      float w = qv.values()[i];
      for (int at = start[f]; at < start[f + 1]; at++) {
        sim[postingPair[at]] += w * postingValue[at];
      }
    }
    // The closest pairs, best first; ties keep training order.
    List<Integer> top = new ArrayList<>();
    for (int i = 0; i < sim.length; i++) {
      int at = top.size();
      while (at > 0 && sim[top.get(at - 1)] < sim[i]) {
        at--;
      }
      if (at < neighbours) {
        top.add(at, i);
        if (top.size() > neighbours) {
          top.remove(top.size() - 1);
        }
      }
    }
    Map<String, Double> votes = new HashMap<>();
    String best = null;
    for (int i : top) {
      String a = pairs.get(i).answer();
      double total = votes.merge(a, Math.max(sim[i], 0), Double::sum);
      if (best == null || total > votes.get(best)) {
        best = a;
      }
    }
    int first = top.get(0);
    for (int i : top) {
      if (pairs.get(i).answer().equals(best)) {
        first = i;
        break;
      }
    }
    return Optional.of(new Response(best, sim[top.get(0)], pairs.get(first).id()));
  }
}
