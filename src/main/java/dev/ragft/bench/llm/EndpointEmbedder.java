package dev.ragft.bench.llm;

import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.embedding.EmbeddingCache;
import dev.ragft.input.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Sentence embeddings from an OpenAI-compatible {@code /embeddings} endpoint (OpenAI, vLLM, Ollama,
 * text-embeddings-inference) instead of the in-process model: texts go out in batches of
 * {@code batch-size}, at most {@code concurrency} requests in flight, each retried as every service
 * call is. Each batch's vectors are cached under the cache folder by the model id and the hash of
 * the batch's texts, so a rerun, or a run interrupted half-way through a large corpus, asks only
 * for what it has not had. Vectors are scaled to unit length, as the rest of ragft expects.
 */
public final class EndpointEmbedder implements Embedder, AutoCloseable {
  private final EmbeddingsConfig config;
  private final ServiceClient client;
  private final EmbeddingCache cache;
  private final ExecutorService pool;
  private final Embedder raw = new Raw();
  private volatile IntConsumer progress = n -> {};
  private volatile int dimensions = -1;

  public EndpointEmbedder(EmbeddingsConfig config, Map<String, String> env, Optional<Path> cacheFolder,
      Sleeper sleeper, Clock clock, long seed, LongSupplier nanoTime) {
    this.config = config;
    List<ServiceConfig.EnvHeader> headers = env.getOrDefault(config.apiKeyEnv(), "").isBlank() ? List.of()
        : List.of(new ServiceConfig.EnvHeader("Authorization", config.apiKeyEnv(), "Bearer "));
    ServiceConfig service = new ServiceConfig("embeddings", "POST", new RequestTemplate(config.url(), "{}"), headers,
        config.concurrency(), config.timeout(), config.maxAttempts(), config.backoff(), config.maxBackoff());
    this.client = new ServiceClient(service, env, sleeper, clock, seed, nanoTime);
    this.cache = new EmbeddingCache(cacheFolder);
    this.pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
      Thread t = new Thread(r, "ragft-embeddings");
      t.setDaemon(true);
      return t;
    });
  }

  public EmbeddingsConfig config() {
    return config;
  }

  /** Told the number of texts embedded (or read from the cache) so far, for a progress bar. */
  public void onProgress(IntConsumer p) {
    this.progress = p;
  }

  @Override
  public String id() {
    return "api-" + config.model();
  }

  @Override
  public int dimensions() {
    if (dimensions < 0) {
      embed(List.of("dimensions"));
    }
    return dimensions;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<Future<List<float[]>>> batches = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += config.batchSize()) {
      List<String> batch = List.copyOf(texts.subList(from, Math.min(texts.size(), from + config.batchSize())));
      batches.add(pool.submit(() -> cache.embed(raw, "batch-" + EmbeddingCache.shortHash(batch), batch)));
    }
    List<float[]> out = new ArrayList<>(texts.size());
    try {
      for (Future<List<float[]>> f : batches) {
        List<float[]> v = f.get();
        out.addAll(v);
        if (!v.isEmpty()) {
          dimensions = v.get(0).length;
        }
        progress.accept(out.size());
      }
    } catch (ExecutionException e) {
      batches.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the embeddings endpoint", e);
    }
    return out;
  }

  /** One request for one batch, uncached. */
  private final class Raw implements Embedder {
    @Override
    public String id() {
      return EndpointEmbedder.this.id();
    }

    @Override
    public int dimensions() {
      return EndpointEmbedder.this.dimensions;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      StringBuilder body = new StringBuilder("{\"model\":").append(RequestTemplate.jsonString(config.model()))
          .append(",\"input\":[");
      for (int i = 0; i < texts.size(); i++) {
        body.append(i == 0 ? "" : ",").append(RequestTemplate.jsonString(texts.get(i)));
      }
      body.append("]}");
      ServiceClient.Response r = client.send(config.url(), body.toString());
      String url = config.displayUrl();
      Optional<Node> data = JsonPointer.parse("/data").at(r.json());
      if (data.isEmpty() || !(data.get() instanceof Node.ListNode items) || items.items().size() != texts.size()) {
        throw client.fail(url, "the reply is not an embeddings reply for " + texts.size() + " texts (no list of "
            + texts.size() + " at /data); is base-url the API's /v1 root?");
      }
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < items.items().size(); i++) {
        Node item = items.items().get(i);
        int index = JsonPointer.parse("/index").text(item).map(Integer::parseInt).orElse(i);
        Optional<Node> v = JsonPointer.parse("/embedding").at(item);
        if (index < 0 || index >= out.length || v.isEmpty() || !(v.get() instanceof Node.ListNode nums)
            || nums.items().isEmpty()) {
          throw client.fail(url, "item " + i + " of /data has no /embedding list of numbers for its /index");
        }
        out[index] = unit(nums, url, i);
      }
      return List.of(out);
    }

    private float[] unit(Node.ListNode nums, String url, int item) {
      float[] v = new float[nums.items().size()];
      double norm = 0;
      for (int d = 0; d < v.length; d++) {
        try {
          v[d] = Float.parseFloat(((Node.ScalarNode) nums.items().get(d)).text());
        } catch (ClassCastException | NumberFormatException e) {
          throw client.fail(url, "item " + item + " of /data: /embedding/" + d + " is not a number");
        }
        norm += (double) v[d] * v[d];
      }
      if (norm > 0) {
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
          v[d] *= inv;
        }
      }
      return v;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
