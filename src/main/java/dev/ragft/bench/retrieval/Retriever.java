package dev.ragft.bench.retrieval;

import dev.ragft.bench.dataset.Document;
import dev.ragft.bench.embedding.EmbeddingCache;
import dev.ragft.bench.embedding.Embedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;

/**
 * Retrieval over a corpus cut into passages: the top passages for a question, and the documents
 * they come from in rank order (what Recall@k, MRR and nDCG judge). Ranked by BM25, by sentence
 * embeddings, or by both fused, as its {@link Ranker} says; the BM25 index is always there, since
 * the reader weighs terms by its idf.
 */
public final class Retriever implements AutoCloseable {
  /** A passage found for a query, with its score. */
  public record Found(Passage passage, float score) {}

  private final List<Passage> passages;
  private final Bm25Index index;
  private final Ranker ranker;
  // Null when the ranker is BM25 alone: then no embedding model is loaded.
  private final DenseSpace dense;

  private Retriever(List<Passage> passages, Bm25Index index, Ranker ranker, DenseSpace dense) {
    this.passages = List.copyOf(passages);
    this.index = index;
    this.ranker = ranker;
    this.dense = dense;
  }

  /**
   * Indexes {@code corpus}: in memory, or on disk under {@code cacheFolder} (when present) once the
   * corpus has more than {@code diskThreshold} passages; the folder is keyed by {@code corpusHash}.
   */
  public static Retriever build(
      List<Document> corpus, Chunker chunker, String corpusHash, Optional<Path> cacheFolder, int diskThreshold) {
    return build(corpus, chunker, corpusHash, cacheFolder, diskThreshold, Ranker.BM25, () -> {
      throw new IllegalStateException("BM25 needs no embedder");
    });
  }

  /**
   * As {@link #build(List, Chunker, String, Optional, int)}, ranked by {@code ranker}; when it
   * needs embeddings, the passages are embedded by {@code embedder} (asked for only then), through
   * the embedding cache under {@code cacheFolder}, keyed by the corpus hash and the chunking.
   */
  public static Retriever build(List<Document> corpus, Chunker chunker, String corpusHash, Optional<Path> cacheFolder,
      int diskThreshold, Ranker ranker, Supplier<Embedder> embedder) {
    List<Passage> passages = chunker.chunk(corpus);
    List<String> texts = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      texts.add(p.title().isEmpty() ? p.text() : p.title() + "\n" + p.text());
    }
    Bm25Index index = cacheFolder.isPresent() && passages.size() > diskThreshold
        ? Bm25Index.onDisk(texts, cacheFolder.get().resolve("index").resolve(corpusHash + "-" + chunker.key()))
        : Bm25Index.inMemory(texts);
    DenseSpace dense = null;
    if (ranker.kind().usesEmbeddings()) {
      EmbeddingCache cache = new EmbeddingCache(cacheFolder.map(f -> f.resolve("embeddings")));
      dense = DenseSpace.build(embedder.get(), cache, "corpus-" + corpusHash + "-" + chunker.key(), texts);
    }
    return new Retriever(passages, index, ranker, dense);
  }

  /** The {@code n} best passages, best first. */
  public List<Found> passages(String query, int n) {
    return found(ranker.rank(k -> index.search(query, k), k -> dense.search(query, k), n));
  }

  private List<Found> found(List<Hit> hits) {
    List<Found> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      out.add(new Found(passages.get(h.ord()), h.score()));
    }
    return out;
  }

  /**
   * The {@code n} best passages for a question steered by a hint: the hint's terms count too, with
   * {@code hintWeight} (0 to 1) next to the question's weight of 1. Densely, the question's
   * embedding moves towards the hint's by the same weight.
   */
  public List<Found> passages(String query, String hint, float hintWeight, int n) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // Lucene limits the clauses of the whole query: each half gets half of them.
    int half = IndexSearcher.getMaxClauseCount() / 2;
    b.add(Bm25Index.query(index.terms(query), half), BooleanClause.Occur.SHOULD);
    b.add(new BoostQuery(Bm25Index.query(index.terms(hint), half), hintWeight), BooleanClause.Occur.SHOULD);
    BooleanQuery steered = b.build();
    return found(ranker.rank(k -> index.search(steered, k),
        k -> dense.search(dense.steered(query, hint, hintWeight), k), n));
  }

  /** The ids of the documents of {@code found}, in rank order, each once, at most {@code k}. */
  public static List<String> documents(List<Found> found, int k) {
    Set<String> ids = new LinkedHashSet<>();
    for (Found f : found) {
      if (ids.size() == k) {
        break;
      }
      ids.add(f.passage().docId());
    }
    return List.copyOf(ids);
  }

  public Bm25Index index() {
    return index;
  }

  public int passageCount() {
    return passages.size();
  }

  @Override
  public void close() {
    index.close();
    if (dense != null) {
      dense.close();
    }
  }
}
