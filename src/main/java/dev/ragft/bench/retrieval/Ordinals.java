package dev.ragft.bench.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * How both indexes name their texts: each Lucene document stores its position in the indexed
 * list, read back once into a table, so that a search answers with {@link Hit}s by position
 * whatever order Lucene keeps the documents in.
 */
final class Ordinals {
  static final String ORD = "ord";

  private final int[] ordOf;
  private final int[] docOf;

  Ordinals(DirectoryReader reader) throws IOException {
    ordOf = new int[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues dv = leaf.reader().getNumericDocValues(ORD);
      if (dv == null) {
        continue; // a segment without documents of ours
      }
      for (int doc = dv.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
        ordOf[leaf.docBase + doc] = (int) dv.longValue();
      }
    }
    docOf = new int[ordOf.length];
    for (int doc = 0; doc < ordOf.length; doc++) {
      docOf[ordOf[doc]] = doc;
    }
  }

  /** The Lucene document of the text at position {@code ord}. */
  int docOf(int ord) {
    return docOf[ord];
  }

  /** Marks {@code d} as the text at position {@code ord}. */
  static void add(Document d, int ord) {
    d.add(new NumericDocValuesField(ORD, ord));
  }

  /** The best {@code k} documents for {@code query}, as hits by position, best first. */
  List<Hit> top(IndexSearcher searcher, Query query, int k) {
    try {
      ScoreDoc[] docs = searcher.search(query, k).scoreDocs;
      List<Hit> hits = new ArrayList<>(docs.length);
      for (ScoreDoc d : docs) {
        hits.add(new Hit(ordOf[d.doc], d.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
