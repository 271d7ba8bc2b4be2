package dev.ragft.bench.retrieval;

import dev.ragft.bench.dataset.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;

/**
 * BM25 retrieval over a corpus cut into passages: the top passages for a question, and the
 * documents they come from in rank order (what Recall@k, MRR and nDCG judge).
 */
public final class Retriever implements AutoCloseable {
  /** A passage found for a query, with its score. */
  public record Found(Passage passage, float score) {}

  private final List<Passage> passages;
  private final Bm25Index index;

  private Retriever(List<Passage> passages, Bm25Index index) {
    this.passages = List.copyOf(passages);
    this.index = index;
  }

  /**
   * Indexes {@code corpus}: in memory, or on disk under {@code cacheFolder} (when present) once the
   * corpus has more than {@code diskThreshold} passages; the folder is keyed by {@code corpusHash}.
   */
  public static Retriever build(
      List<Document> corpus, Chunker chunker, String corpusHash, Optional<Path> cacheFolder, int diskThreshold) {
    List<Passage> passages = chunker.chunk(corpus);
    List<String> texts = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      texts.add(p.title().isEmpty() ? p.text() : p.title() + "\n" + p.text());
    }
    Bm25Index index = cacheFolder.isPresent() && passages.size() > diskThreshold
        ? Bm25Index.onDisk(texts, cacheFolder.get().resolve("index").resolve(corpusHash + "-" + chunker.key()))
        : Bm25Index.inMemory(texts);
    return new Retriever(passages, index);
  }

  /** The {@code n} best passages, best first. */
  public List<Found> passages(String query, int n) {
    List<Found> out = new ArrayList<>();
    for (Hit h : index.search(query, n)) {
      out.add(new Found(passages.get(h.ord()), h.score()));
    }
    return out;
  }

  /**
   * The {@code n} best passages for a question steered by a hint: the hint's terms count too, with
   * {@code hintWeight} (0 to 1) next to the question's weight of 1.
   */
  public List<Found> passages(String query, String hint, float hintWeight, int n) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // Lucene limits the clauses of the whole query: each half gets half of them.
    int half = IndexSearcher.getMaxClauseCount() / 2;
    b.add(Bm25Index.query(index.terms(query), half), BooleanClause.Occur.SHOULD);
    b.add(new BoostQuery(Bm25Index.query(index.terms(hint), half), hintWeight), BooleanClause.Occur.SHOULD);
    List<Found> out = new ArrayList<>();
    for (Hit h : index.search(b.build(), n)) {
      out.add(new Found(passages.get(h.ord()), h.score()));
    }
    return out;
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
  }
}
