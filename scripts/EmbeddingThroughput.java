// Embedding throughput of the in-process model (all-MiniLM-L6-v2, onnxruntime) on this machine.
// Run by scripts/bench-dense.sh with the ragft jar on the class path:
//   java -cp target/ragft.jar scripts/EmbeddingThroughput.java DATASET_DIR
//
// Prints the model's load time, passages/s for the dataset's corpus passages (cut as bench cuts
// them, embedded in one call, as bench does when it builds the dense index), and queries/s with
// p50/p95 latency for its eval inputs embedded one at a time (as bench embeds each question).
// The CPU time beside each wall time tells the cost when the machine is shared.

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.embedding.MiniLmEmbedder;
import dev.ragft.bench.retrieval.Chunker;
import dev.ragft.bench.retrieval.Passage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public class EmbeddingThroughput {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU time of the whole process (onnxruntime's threads included), in seconds. */
  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        / 1e9;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: EmbeddingThroughput DATASET_DIR");
      System.exit(2);
    }
    Dataset d = DatasetReader.read(Path.of(args[0]), args[0]).orThrow();
    List<String> passages = new ArrayList<>();
    for (Passage p : new Chunker(120).chunk(d.corpus())) { // Chunker.chunk(Corpus): every passage, in memory
      passages.add(p.title().isEmpty() ? p.text() : p.title() + "\n" + p.text());
    }
    List<String> queries = d.eval().stream().map(EvalCase::input).toList();

    double c0 = cpu();
    long t0 = System.nanoTime();
    Embedder m = new MiniLmEmbedder();
    double load = (System.nanoTime() - t0) / 1e9;
    double loadCpu = cpu() - c0;
    m.embed(passages.subList(0, Math.min(20, passages.size()))); // warm-up: first calls compile the hot paths

    c0 = cpu();
    t0 = System.nanoTime();
    m.embed(passages);
    double wall = (System.nanoTime() - t0) / 1e9;
    double passCpu = cpu() - c0;

    long[] micros = new long[queries.size()];
    c0 = cpu();
    long q0 = System.nanoTime();
    for (int i = 0; i < queries.size(); i++) {
      long s = System.nanoTime();
      m.embed(queries.get(i));
      micros[i] = (System.nanoTime() - s) / 1000;
    }
    double qWall = (System.nanoTime() - q0) / 1e9;
    double qCpu = cpu() - c0;
    Arrays.sort(micros);

    System.out.printf(Locale.ROOT, "model %s, %d dimensions, %d cores; loaded in %.2f s wall (%.2f s CPU)%n", m.id(),
        m.dimensions(), Runtime.getRuntime().availableProcessors(), load, loadCpu);
    System.out.printf(Locale.ROOT, "passages: %d in %.2f s wall (%.2f s CPU): %.1f passages/s%n", passages.size(), wall,
        passCpu, passages.size() / wall);
    System.out.printf(Locale.ROOT, "queries:  %d one at a time in %.2f s wall (%.2f s CPU): %.1f queries/s,"
        + " p50 %.1f ms, p95 %.1f ms%n", queries.size(), qWall, qCpu, queries.size() / qWall,
        micros[micros.length / 2] / 1000.0, micros[(int) Math.min(micros.length - 1, Math.ceil(micros.length * 0.95) - 1)]
            / 1000.0);
    System.exit(0);
  }
}
