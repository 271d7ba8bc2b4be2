// Corpus scale: index build time, query throughput and peak heap of ragft's streaming BM25 path
// against raw Lucene (IndexWriter / IndexSearcher, the same EnglishAnalyzer, BM25 k1 1.2 b 0.75,
// the same 64 MB RAM buffer, the same stored fields) on a synthetic corpus. Run by
// scripts/bench-corpus-scale.sh with target/ragft.jar on the class path.
//
//   java -Xmx1g -cp target/ragft.jar scripts/CorpusScale.java PASSAGES OUT_DIR [ROUNDS] [QUERIES]
//
// Builds are interleaved (raw, ragft, raw, ragft, ...) and so are blocks of queries, so both
// paths see the same load on a shared machine; CPU time is the process's (Lucene merges in
// background threads) for builds and the calling thread's for queries.

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.retrieval.Chunker;
import dev.ragft.bench.retrieval.Ranker;
import dev.ragft.bench.retrieval.Retriever;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

public class CorpusScale {
  static final int VOCABULARY = 30_000;
  static final int DEPTH = 30; // what bench asks for: enough passages for 10 documents

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0].replace("_", "").replace(",", ""));
    Path out = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int queries = args.length > 3 ? Integer.parseInt(args[3]) : 4_000;
    Path data = out.resolve("corpus-" + n);
    long t0 = System.nanoTime();
    if (!Files.exists(data.resolve("corpus.jsonl"))) {
      generate(data, n);
      System.out.printf(Locale.ROOT, "generated %,d passages in %.1f s (%,d MB)%n", n, (System.nanoTime() - t0) / 1e9,
          Files.size(data.resolve("corpus.jsonl")) >> 20);
    }
    System.out.printf(Locale.ROOT, "corpus: %,d passages, %,d MB; max heap %,d MB; %d cores%n", n,
        Files.size(data.resolve("corpus.jsonl")) >> 20, Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());

    List<double[]> raw = new ArrayList<>();
    List<double[]> ours = new ArrayList<>();
    long ragftPeak = 0;
    long rawPeak = 0;
    for (int r = 1; r <= rounds; r++) {
      Path rawDir = out.resolve("raw-index");
      Path cache = out.resolve("ragft-cache");
      delete(rawDir);
      delete(cache);
      gc();
      resetPeaks();
      raw.add(timed(() -> rawBuild(data.resolve("corpus.jsonl"), rawDir)));
      rawPeak = Math.max(rawPeak, peakHeap());
      gc();
      resetPeaks();
      ours.add(timed(() -> ragftBuild(data, cache).close()));
      ragftPeak = Math.max(ragftPeak, peakHeap());
      System.out.printf(Locale.ROOT, "round %d: build raw Lucene %.1f s wall / %.1f s CPU, ragft (check + index)"
          + " %.1f s wall / %.1f s CPU%n", r, raw.get(r - 1)[0], raw.get(r - 1)[1], ours.get(r - 1)[0],
          ours.get(r - 1)[1]);
    }
    double rawWall = median(raw, 0);
    double rawCpu = median(raw, 1);
    double ourWall = median(ours, 0);
    double ourCpu = median(ours, 1);
    System.out.printf(Locale.ROOT, "build, median of %d: raw Lucene %.1f s wall, %.1f s CPU; ragft %.1f s wall, %.1f s"
        + " CPU: ragft/raw %.2fx wall, %.2fx CPU (target <= 1.5x)%n", rounds, rawWall, rawCpu, ourWall, ourCpu,
        ourWall / rawWall, ourCpu / rawCpu);
    System.out.printf(Locale.ROOT, "peak heap during the build (sum of the heap pools' peaks, an upper bound): raw"
        + " Lucene %,d MB, ragft %,d MB%n", rawPeak >> 20, ragftPeak >> 20);

    // Queries: the last round's indexes, reopened as a later run would open them.
    gc();
    resetPeaks();
    Dataset d = DatasetReader.read(data, data.toString()).orThrow();
    try (Retriever ragft = Retriever.build(d.corpus(), new Chunker(120), d.corpusHash(),
             Optional.of(out.resolve("ragft-cache")), 0, Ranker.BM25, () -> null, Retriever.Indexing.NONE);
         DirectoryReader reader = DirectoryReader.open(FSDirectory.open(out.resolve("raw-index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
      Analyzer analyzer = new EnglishAnalyzer();
      SplittableRandom random = new SplittableRandom(7);
      String[] qs = new String[queries];
      for (int i = 0; i < queries; i++) {
        StringBuilder q = new StringBuilder();
        int words = 2 + random.nextInt(4);
        for (int w = 0; w < words; w++) {
          q.append(word(zipf(random))).append(' ');
        }
        qs[i] = q.toString().strip();
      }
      // Warm-up, then interleaved blocks of 100 queries, each path timed by the calling thread's CPU.
      long sink = 0;
      for (int i = 0; i < Math.min(500, queries); i++) {
        sink += ragft.passages(qs[i], DEPTH).size() + rawQuery(searcher, analyzer, qs[i]);
      }
      long ourNanos = 0;
      long rawNanos = 0;
      var bean = ManagementFactory.getThreadMXBean();
      for (int from = 0; from < queries; from += 100) {
        int to = Math.min(queries, from + 100);
        long a = bean.getCurrentThreadCpuTime();
        for (int i = from; i < to; i++) {
          sink += rawQuery(searcher, analyzer, qs[i]);
        }
        long b = bean.getCurrentThreadCpuTime();
        for (int i = from; i < to; i++) {
          sink += ragft.passages(qs[i], DEPTH).size();
        }
        long c = bean.getCurrentThreadCpuTime();
        rawNanos += b - a;
        ourNanos += c - b;
      }
      double rawQps = queries / (rawNanos / 1e9);
      double ourQps = queries / (ourNanos / 1e9);
      System.out.printf(Locale.ROOT, "queries (%,d, top %d with id, title and text of each hit, one thread, CPU time):"
          + " raw Lucene %,.0f/s, ragft %,.0f/s: ragft at %.1f%% (target >= 90%%) [%d]%n", queries, DEPTH, rawQps,
          ourQps, 100 * ourQps / rawQps, sink % 10);
      System.out.printf(Locale.ROOT, "peak heap while reading the dataset, opening the index and querying: %,d MB%n",
          peakHeap() >> 20);
    }
  }

  /** What one query costs raw Lucene: analysis, a BooleanQuery of term queries, search, each hit's stored fields. */
  static int rawQuery(IndexSearcher searcher, Analyzer analyzer, String q) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream("text", q)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        b.add(new TermQuery(new Term("text", t.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    }
    ScoreDoc[] hits = searcher.search(b.build(), DEPTH).scoreDocs;
    StoredFields stored = searcher.getIndexReader().storedFields();
    int n = 0;
    for (ScoreDoc h : hits) {
      Document doc = stored.document(h.doc);
      n += doc.get("id").length() + doc.get("title").length() + doc.get("body").length() > 0 ? 1 : 0;
    }
    return n;
  }

  /** Raw Lucene: read the JSON lines with Jackson's streaming parser, index text, store id, title and text. */
  static void rawBuild(Path corpus, Path dir) throws IOException {
    Analyzer analyzer = new EnglishAnalyzer();
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setSimilarity(new BM25Similarity(1.2f, 0.75f)).setRAMBufferSizeMB(64);
    JsonFactory json = new JsonFactory();
    try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), cfg);
         BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = "";
        String title = "";
        String text = "";
        try (JsonParser p = json.createParser(line)) {
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
              case "id" -> id = p.getText();
              case "title" -> title = p.getText();
              case "text" -> text = p.getText();
              default -> p.skipChildren();
            }
          }
        }
        Document d = new Document();
        d.add(new TextField("text", title + "\n" + text, Field.Store.NO));
        d.add(new StoredField("id", id));
        d.add(new StoredField("title", title));
        d.add(new StoredField("body", text));
        w.addDocument(d);
      }
      w.commit();
    }
  }

  /** ragft: read and check the dataset (one streaming pass), then index it on disk (a second pass). */
  static Retriever ragftBuild(Path data, Path cache) {
    Dataset d = DatasetReader.read(data, data.toString()).orThrow();
    return Retriever.build(d.corpus(), new Chunker(120), d.corpusHash(), Optional.of(cache), 0, Ranker.BM25,
        () -> null, Retriever.Indexing.NONE);
  }

  /** Passages of 40 to 80 words drawn from a Zipf-like vocabulary, one sentence each 8 to 16 words. */
  static void generate(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("dataset.yaml"), "name: synthetic-" + n + "\ntasks: [qa]\nsynthetic: true\n");
    Files.writeString(dir.resolve("eval.jsonl"), "{\"id\": \"q1\", \"task\": \"qa\", \"input\": \"" + word(3) + " "
        + word(40) + "\", \"expected\": \"" + word(3) + "\", \"relevant\": [\"p0\"]}\n");
    SplittableRandom random = new SplittableRandom(42);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      StringBuilder b = new StringBuilder(1024);
      for (int i = 0; i < n; i++) {
        b.setLength(0);
        b.append("{\"id\": \"p").append(i).append("\", \"title\": \"").append(word(zipf(random))).append(' ')
            .append(word(zipf(random))).append("\", \"text\": \"");
        int words = 40 + random.nextInt(41);
        int sentence = 8 + random.nextInt(9);
        for (int k = 0; k < words; k++) {
          b.append(word(zipf(random)));
          if (--sentence == 0 || k == words - 1) {
            b.append(". ");
            sentence = 8 + random.nextInt(9);
          } else {
            b.append(' ');
          }
        }
        b.setLength(b.length() - 1);
        b.append("\"}\n");
        w.write(b.toString());
      }
    }
  }

  static int zipf(SplittableRandom r) {
    return (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, r.nextDouble())) - 1);
  }

  /** A pronounceable synthetic word for rank {@code i}: stable, distinct per rank. */
  static String word(int i) {
    String c = "bcdfghklmnprstvz";
    String v = "aeiou";
    StringBuilder b = new StringBuilder();
    int x = i + 17;
    do {
      b.append(c.charAt(x % c.length())).append(v.charAt((x / c.length()) % v.length()));
      x /= c.length() * v.length();
    } while (x > 0);
    return b.toString();
  }

  interface Build {
    void run() throws Exception;
  }

  /** Wall seconds and process CPU seconds of {@code b}. */
  static double[] timed(Build b) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    b.run();
    return new double[] {(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
  }

  static double median(List<double[]> xs, int i) {
    double[] v = xs.stream().mapToDouble(x -> x[i]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  static void delete(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
