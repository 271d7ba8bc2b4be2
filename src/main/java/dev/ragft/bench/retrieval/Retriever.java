package dev.ragft.bench.retrieval;

import dev.ragft.bench.dataset.Corpus;
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

  /** Told how many documents of the corpus have been indexed, for a progress bar. */
  @FunctionalInterface
  public interface Indexing {
    Indexing NONE = (done, total) -> {};

    void indexed(int done, int total);
  }

  private final Bm25Index index;
  private final Ranker ranker;
  // Null when the ranker is BM25 alone: then no embedding model is loaded.
  private final DenseSpace dense;

  private Retriever(Bm25Index index, Ranker ranker, DenseSpace dense) {
    this.index = index;
    this.ranker = ranker;
    this.dense = dense;
  }

  /**
   * Indexes {@code corpus}: in memory, or on disk under {@code cacheFolder} (when present) once the
   * corpus has more than {@code diskThreshold} documents; the folder is keyed by {@code corpusHash}.
   */
  public static Retriever build(
      List<Document> corpus, Chunker chunker, String corpusHash, Optional<Path> cacheFolder, int diskThreshold) {
    return build(Corpus.of(corpus), chunker, corpusHash, cacheFolder, diskThreshold, Ranker.BM25, () -> {
      throw new IllegalStateException("BM25 needs no embedder");
    }, Indexing.NONE);
  }

  /** As {@link #build(Corpus, Chunker, String, Optional, int, Ranker, Supplier, Indexing)}, silently. */
  public static Retriever build(List<Document> corpus, Chunker chunker, String corpusHash, Optional<Path> cacheFolder,
      int diskThreshold, Ranker ranker, Supplier<Embedder> embedder) {
    return build(Corpus.of(corpus), chunker, corpusHash, cacheFolder, diskThreshold, ranker, embedder, Indexing.NONE);
  }

  /**
   * Indexes {@code corpus}, streaming: each document is read, cut into passages and indexed, and
   * nothing of it stays in memory but the index (on disk under {@code cacheFolder}, keyed by the
   * corpus hash and the chunking, once the corpus has more than {@code diskThreshold} documents;
   * a later run opens it without reading the corpus). Hits are read back from the index's stored
   * fields. When the ranker needs embeddings, the passages are embedded by {@code embedder} (asked
   * for only then), through the embedding cache under {@code cacheFolder}.
   */
  public static Retriever build(Corpus corpus, Chunker chunker, String corpusHash, Optional<Path> cacheFolder,
      int diskThreshold, Ranker ranker, Supplier<Embedder> embedder, Indexing indexing) {
    int total = corpus.size();
    java.util.function.Consumer<Bm25Index.Sink> feed = sink -> {
      int[] done = {0};
      corpus.forEach(d -> {
        for (Passage p : chunker.chunk(d)) {
          sink.add(p);
        }
        indexing.indexed(++done[0], total);
      });
    };
    Bm25Index index = cacheFolder.isPresent() && total > diskThreshold
        ? Bm25Index.onDisk(cacheFolder.get().resolve("index").resolve(corpusHash + "-" + chunker.key() + "-v2"), feed)
        : Bm25Index.inMemory(feed);
    DenseSpace dense = null;
    if (ranker.kind().usesEmbeddings()) {
      List<Hit> all = new ArrayList<>(index.size());
      for (int i = 0; i < index.size(); i++) {
        all.add(new Hit(i, 0));
      }
      List<String> texts = new ArrayList<>(index.size());
      for (Passage p : index.passages(all)) {
        texts.add(p.title().isEmpty() ? p.text() : p.title() + "\n" + p.text());
      }
      EmbeddingCache cache = new EmbeddingCache(cacheFolder.map(f -> f.resolve("embeddings")));
      dense = DenseSpace.build(embedder.get(), cache, "corpus-" + corpusHash + "-" + chunker.key(), texts);
    }
    return new Retriever(index, ranker, dense);
  }

  /** The {@code n} best passages, best first. */
  public List<Found> passages(String query, int n) {
    return found(ranker.rank(k -> index.search(query, k), k -> dense.search(query, k), n));
  }

  private List<Found> found(List<Hit> hits) {
    List<Passage> ps = index.passages(hits);
    List<Found> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      out.add(new Found(ps.get(i), hits.get(i).score()));
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
    return index.size();
  }

  @Override
  public void close() {
    index.close();
    if (dense != null) {
      dense.close();
    }
  }
}
