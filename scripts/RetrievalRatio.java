// Reads JMH's JSON result of RetrievalBenchmark and prints ragft's throughput as a share of raw
// Lucene's. Run by scripts/bench-retrieval.sh.

import dev.ragft.input.Node;
import dev.ragft.input.YamlTree;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

public class RetrievalRatio {
  public static void main(String[] args) {
    Node.ListNode runs = (Node.ListNode) YamlTree.read(Path.of(args[0]), args[0]);
    Map<String, Double> score = new HashMap<>();
    for (Node run : runs.items()) {
      Node.MapNode m = (Node.MapNode) run;
      String name = ((Node.ScalarNode) m.entries().get("benchmark").value()).text();
      Node.MapNode primary = (Node.MapNode) m.entries().get("primaryMetric").value();
      score.put(name.substring(name.lastIndexOf('.') + 1),
          Double.parseDouble(((Node.ScalarNode) primary.entries().get("score").value()).text()));
    }
    double ragft = score.get("ragft");
    double lucene = score.get("lucene");
    System.out.printf(Locale.ROOT, "ragft %.0f queries/s, raw Lucene %.0f queries/s: ragft at %.1f%% of raw Lucene%n",
        ragft, lucene, 100 * ragft / lucene);
  }
}
