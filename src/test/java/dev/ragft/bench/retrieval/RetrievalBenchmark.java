package dev.ragft.bench.retrieval;

import dev.ragft.bench.dataset.Document;
import dev.ragft.input.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Retrieval throughput: ragft's {@link Retriever} (analysis, query, search, passages) against raw
 * Lucene on the same index ({@link IndexSearcher} with a query built from the same analyzer), over
 * a synthetic corpus of 100,000 passages with Zipf-distributed words. Not a test: run by
 * {@code scripts/bench-retrieval.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RetrievalBenchmark {
  @Param("100000")
  int passages;

  @Param("10")
  int k;

  Retriever retriever;
  IndexSearcher searcher;
  Analyzer analyzer;
  String[] queries;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(2026);
    String[] vocabulary = new String[20_000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = word(i);
    }
    List<Document> docs = new ArrayList<>(passages);
    for (int d = 0; d < passages; d++) {
      docs.add(new Document("d" + d, "", sentence(r, vocabulary, 40 + r.nextInt(60)), "", Location.ofFile("synthetic")));
    }
    // One passage per document: chunks larger than any document.
    retriever = Retriever.build(docs, new Chunker(1_000), "synthetic", Optional.empty(), Integer.MAX_VALUE);
    searcher = retriever.index().searcher();
    analyzer = new EnglishAnalyzer();
    queries = new String[1_000];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = sentence(r, vocabulary, 3 + r.nextInt(6));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    retriever.close();
  }

  /** ragft's path: analyse, build the BM25 query, search, map hits to passages. */
  @Benchmark
  public Object ragft() {
    return retriever.passages(queries[next++ % queries.length], k);
  }

  /** Raw Lucene on the same index: analyse, build the same kind of query, search. */
  @Benchmark
  public TopDocs lucene() throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream("text", queries[next++ % queries.length])) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        b.add(new TermQuery(new Term("text", t.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    }
    return searcher.search(b.build(), k);
  }

  /**
   * The same comparison by CPU time, the two paths interleaved in rounds of 500 queries in one
   * thread: on a machine shared with other work, JMH's sequential wall-clock runs of one benchmark
   * then the other see different loads, and this does not.
   */
  public static void main(String[] args) throws IOException {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    RetrievalBenchmark b = new RetrievalBenchmark();
    b.passages = 100_000;
    b.k = 10;
    b.setUp();
    long ragft = 0;
    long lucene = 0;
    int rounds = 20;
    int warmup = 5;
    int perRound = 500;
    for (int round = 0; round < rounds; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        b.ragft();
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        b.lucene();
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      if (round >= warmup) {
        ragft += t1 - t0;
        lucene += t2 - t1;
      }
    }
    double queries = (double) (rounds - warmup) * perRound;
    System.out.printf(java.util.Locale.ROOT, "interleaved CPU time: ragft %.0f queries/s, raw Lucene %.0f queries/s:"
        + " ragft at %.1f%% of raw Lucene%n", queries / (ragft / 1e9), queries / (lucene / 1e9), 100.0 * lucene / ragft);
    b.tearDown();
  }

  /** A pronounceable made-up word for rank {@code i}; low ranks are short, like real words. */
  static String word(int i) {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    StringBuilder s = new StringBuilder();
    int n = i;
    do {
      s.append(consonants.charAt(n % consonants.length())).append(vowels.charAt((n / 16) % vowels.length()));
      n /= 80;
    } while (n > 0);
    return s.toString();
  }

  /** Words drawn from a Zipf-like distribution (rank ~ 1/u^2), as in natural text. */
  static String sentence(SplittableRandom r, String[] vocabulary, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      double u = r.nextDouble(1e-3, 1.0);
      int rank = (int) Math.min(vocabulary.length - 1, Math.floor(1 / (u * u)) - 1);
      s.append(w == 0 ? "" : " ").append(vocabulary[rank]);
    }
    return s.toString();
  }
}
