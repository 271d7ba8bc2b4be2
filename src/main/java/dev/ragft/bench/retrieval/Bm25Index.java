package dev.ragft.bench.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene BM25 index over a list of texts (English analysis: stop words, Porter stemming; k1 1.2,
 * b 0.75). Small collections live in memory; {@link #onDisk} keeps large ones under a cache folder
 * keyed by their content, built once and reused. Hits name texts by their position in the list.
 */
public final class Bm25Index implements AutoCloseable {
  static final String FIELD = "text";
  private static final String COMPLETE = "ragft-index-complete";
  private static final String PASSAGE_ID = "passage";
  private static final String DOC_ID = "doc";
  private static final String TITLE = "title";
  private static final String BODY = "body";

  /** Where a build's passages go, one at a time. */
  @FunctionalInterface
  public interface Sink {
    void add(Passage p);
  }

  private final Analyzer analyzer;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Ordinals ordinals;

  private Bm25Index(Analyzer analyzer, Directory directory) throws IOException {
    this.analyzer = analyzer;
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
    this.ordinals = new Ordinals(reader);
  }

  /** An index in memory. */
  public static Bm25Index inMemory(List<String> texts) {
    Analyzer analyzer = new EnglishAnalyzer();
    Directory dir = new ByteBuffersDirectory();
    try {
      write(dir, analyzer, texts);
      return new Bm25Index(analyzer, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An index in memory of the passages {@code feed} gives, each stored with its ids, title and text
   * so that hits come back as passages ({@link #passage(int)}).
   */
  public static Bm25Index inMemory(Consumer<Sink> feed) {
    Analyzer analyzer = new EnglishAnalyzer();
    Directory dir = new ByteBuffersDirectory();
    try {
      write(dir, analyzer, feed);
      return new Bm25Index(analyzer, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #inMemory(Consumer)}, on disk in {@code folder}: opened when a complete index is there
   * ({@code feed} is then never called), otherwise built in a temporary sibling folder, streaming,
   * and moved in place. {@code folder}'s name must identify the passages (a hash of them).
   */
  public static Bm25Index onDisk(Path folder, Consumer<Sink> feed) {
    Analyzer analyzer = new EnglishAnalyzer();
    try {
      if (!Files.exists(folder.resolve(COMPLETE))) {
        Files.createDirectories(folder.getParent());
        Path tmp = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".building-");
        int n;
        try (Directory dir = FSDirectory.open(tmp)) {
          n = write(dir, analyzer, feed);
        }
        Files.writeString(tmp.resolve(COMPLETE), n + "\n", StandardCharsets.UTF_8);
        moveInPlace(tmp, folder);
      }
      return new Bm25Index(analyzer, FSDirectory.open(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a complete index is in {@code folder}, so that opening it reads no corpus. */
  public static boolean builtIn(Path folder) {
    return Files.exists(folder.resolve(COMPLETE));
  }

  private static int write(Directory dir, Analyzer analyzer, Consumer<Sink> feed) throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setSimilarity(new BM25Similarity(1.2f, 0.75f))
        .setRAMBufferSizeMB(64);
    int[] n = {0};
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
      TextField text = new TextField(FIELD, "", Field.Store.NO);
      StoredField pid = new StoredField(PASSAGE_ID, "");
      StoredField doc = new StoredField(DOC_ID, "");
      StoredField title = new StoredField(TITLE, "");
      StoredField body = new StoredField(BODY, "");
      NumericDocValuesField ord = new NumericDocValuesField(Ordinals.ORD, 0);
      for (org.apache.lucene.index.IndexableField f : List.of(text, pid, doc, title, body, ord)) {
        d.add(f);
      }
      try {
        feed.accept(p -> {
          // One document's fields, reused: the writer copies what it needs, so the build allocates little.
          text.setStringValue(p.title().isEmpty() ? p.text() : p.title() + "\n" + p.text());
          pid.setStringValue(p.id());
          doc.setStringValue(p.docId());
          title.setStringValue(p.title());
          body.setStringValue(p.text());
          ord.setLongValue(n[0]++);
          try {
            w.addDocument(d);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      w.commit();
    }
    return n[0];
  }

  /** The passage at position {@code ord} of an index built from passages. */
  public Passage passage(int ord) {
    return passages(List.of(new Hit(ord, 0))).get(0);
  }

  /** The passages of {@code hits}, in order, read from the stored fields (one reader for all: not thread-safe). */
  public List<Passage> passages(List<Hit> hits) {
    try {
      org.apache.lucene.index.StoredFields stored = reader.storedFields();
      List<Passage> out = new ArrayList<>(hits.size());
      for (Hit h : hits) {
        org.apache.lucene.document.Document d = stored.document(ordinals.docOf(h.ord()));
        out.add(new Passage(d.get(PASSAGE_ID), d.get(DOC_ID), d.get(TITLE), d.get(BODY)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An index in {@code folder}: opened when a complete index is there, otherwise built in a
   * temporary sibling folder and moved in place, so an interrupted build never leaves a broken
   * index behind. {@code folder}'s name must identify {@code texts} (a hash of them).
   */
  public static Bm25Index onDisk(List<String> texts, Path folder) {
    Analyzer analyzer = new EnglishAnalyzer();
    try {
      if (!Files.exists(folder.resolve(COMPLETE))) {
        Files.createDirectories(folder.getParent());
        Path tmp = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".building-");
        try (Directory dir = FSDirectory.open(tmp)) {
          write(dir, analyzer, texts);
        }
        Files.writeString(tmp.resolve(COMPLETE), texts.size() + "\n", StandardCharsets.UTF_8);
        moveInPlace(tmp, folder);
      }
      return new Bm25Index(analyzer, FSDirectory.open(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void moveInPlace(Path tmp, Path folder) throws IOException {
    try {
      deleteTree(folder); // an incomplete index left by an older crash
      Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another run built the same index meanwhile: keep theirs.
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  private static void write(Directory dir, Analyzer analyzer, List<String> texts) throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setSimilarity(new BM25Similarity(1.2f, 0.75f))
        .setRAMBufferSizeMB(64);
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (int i = 0; i < texts.size(); i++) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        d.add(new TextField(FIELD, texts.get(i), Field.Store.NO));
        Ordinals.add(d, i);
        w.addDocument(d);
      }
      w.commit();
    }
  }

  /** The {@code n} best texts for {@code text}, best first (ties: earlier text first). */
  public List<Hit> search(String text, int n) {
    return search(query(terms(text)), n);
  }

  /** The BM25 query for {@code terms}: one optional clause per distinct term, boosted by its count. */
  public static Query query(List<String> terms) {
    return query(terms, IndexSearcher.getMaxClauseCount());
  }

  /** As {@link #query(List)}, with at most {@code maxClauses} clauses (the first distinct terms). */
  public static Query query(List<String> terms, int maxClauses) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String t : terms) {
      counts.merge(t, 1, Integer::sum);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (clauses++ == maxClauses) {
        break;
      }
      Query q = new TermQuery(new Term(FIELD, e.getKey()));
      b.add(e.getValue() == 1 ? q : new BoostQuery(q, e.getValue()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  public List<Hit> search(Query query, int n) {
    if (n < 1 || reader.maxDoc() == 0) {
      return List.of();
    }
    return ordinals.top(searcher, query, Math.min(n, reader.maxDoc()));
  }

  /** The index terms of {@code text}, in order, as the index analyses it. */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** BM25's inverse document frequency of an index term: rarer terms weigh more. */
  public double idf(String term) {
    try {
      int n = reader.numDocs();
      int df = reader.docFreq(new Term(FIELD, term));
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The searcher itself, for benchmarks that compare against raw Lucene. */
  public IndexSearcher searcher() {
    return searcher;
  }

  public int size() {
    return reader.maxDoc();
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
