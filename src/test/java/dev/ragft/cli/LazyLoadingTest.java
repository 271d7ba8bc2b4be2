package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * recommend must start fast: Lucene and the bench classes load only when bench runs. Checked in a
 * fresh JVM that logs every class it loads.
 */
class LazyLoadingTest {
  static String classesLoaded(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void recommendLoadsNeitherLuceneNorTheBench() throws Exception {
    String loaded = classesLoaded("recommend", "examples/usecases/enterprise-sla-answers.yaml");
    assertThat(loaded).contains("dev.ragft.cli.RecommendCommand").doesNotContain("org.apache.lucene")
        .doesNotContain("dev.ragft.bench.");
  }

  @Test
  void recommendAndScoreBuildTheirCompiledModelsAndReadNoAnnotation() throws Exception {
    // The JDK makes a proxy class for each annotation type read; none may be, and no other
    // command's class loads (CompiledCommands).
    for (String[] args : List.of(new String[] {"recommend", "examples/usecases/enterprise-sla-answers.yaml"},
        new String[] {"score", "examples/usecases", "--format", "json"})) {
      assertThat(classesLoaded(args)).contains("dev.ragft.cli.CompiledCommands")
          .doesNotContain("__dynamic_proxy__")
          .doesNotContain("dev.ragft.cli.BenchCommand").doesNotContain("dev.ragft.cli.InterviewCommand");
    }
  }

  @Test
  void recommendSkipsPicocliConvertersForTypesNoOptionHas() throws Exception {
    String loaded = classesLoaded("recommend", "examples/usecases/enterprise-sla-answers.yaml", "--format", "json");
    // (SnakeYAML's Tag names java.sql.Date and Timestamp itself; nothing else of java.sql loads.)
    assertThat(loaded).contains("picocli.CommandLine$BuiltIn$FileConverter")
        .doesNotContain("java.sql.DriverManager").doesNotContain("java.time.")
        .doesNotContain("picocli.CommandLine$BuiltIn$ISO8601TimeConverter");
  }

  @Test
  void benchDoesLoadLucene() throws Exception {
    assertThat(classesLoaded("dataset", "validate", "src/test/resources/datasets/tiny"))
        .doesNotContain("org.apache.lucene");
    assertThat(classesLoaded("bench", "src/test/resources/datasets/tiny", "--approach", "rag", "--no-timing",
        "--cache-dir", "target/lazy-loading-cache")).contains("org.apache.lucene.search.IndexSearcher")
        .as("the embedding model loads only for dense or hybrid retrieval or the embeddings classifier")
        .doesNotContain("dev.langchain4j").doesNotContain("ai.onnxruntime").doesNotContain("ai.djl")
        .doesNotContain("dev.ragft.bench.embedding.MiniLmEmbedder");
  }
}
