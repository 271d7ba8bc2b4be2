package dev.ragft.bench.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Unit-length vectors in a Lucene HNSW graph, searched by dot product (the cosine, for unit
 * vectors; Lucene scores it as {@code (1 + cos) / 2}). Kept in memory: the vectors themselves are
 * what is expensive to make, and they are cached on disk by the embedding cache. One segment, so
 * that the graph, and with it every result, is the same on every run.
 */
public final class DenseIndex implements AutoCloseable {
  static final String FIELD = "vector";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Ordinals ordinals;
  private final int dimensions;

  private DenseIndex(Directory directory, int dimensions) throws IOException {
    this.directory = directory;
    this.dimensions = dimensions;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.ordinals = new Ordinals(reader);
  }

  /** An index of {@code vectors}, all of {@code dimensions} floats; hits name them by position. */
  public static DenseIndex of(List<float[]> vectors, int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be 1 or more, got " + dimensions);
    }
    Directory dir = new ByteBuffersDirectory();
    // Large enough that the writer never flushes mid-way: one segment, one graph.
    IndexWriterConfig cfg = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(Math.max(64, vectors.size() * (dimensions * 4.0 + 512) / (1 << 20) * 2));
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (int i = 0; i < vectors.size(); i++) {
        float[] v = vectors.get(i);
        if (v.length != dimensions) {
          throw new IllegalArgumentException("vector " + i + " has " + v.length + " dimensions, expected " + dimensions);
        }
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        d.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
        Ordinals.add(d, i);
        w.addDocument(d);
      }
      w.forceMerge(1);
      w.commit();
      return new DenseIndex(dir, dimensions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code n} nearest vectors to {@code query} (unit length), nearest first. */
  public List<Hit> search(float[] query, int n) {
    if (n < 1 || reader.maxDoc() == 0) {
      return List.of();
    }
    if (query.length != dimensions) {
      throw new IllegalArgumentException("query has " + query.length + " dimensions, expected " + dimensions);
    }
    int k = Math.min(n, reader.maxDoc());
    return ordinals.top(searcher, new KnnFloatVectorQuery(FIELD, query, k), k);
  }

  public int size() {
    return reader.maxDoc();
  }

  public int dimensions() {
    return dimensions;
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
