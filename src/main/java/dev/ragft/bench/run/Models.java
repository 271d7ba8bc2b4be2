package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.bench.embedding.EmbeddingCache;
import dev.ragft.bench.embedding.Embedder;
import dev.ragft.bench.embedding.MiniLmEmbedder;
import dev.ragft.bench.retrieval.Chunker;
import dev.ragft.bench.retrieval.DenseSpace;
import dev.ragft.bench.retrieval.ExtractiveReader;
import dev.ragft.bench.retrieval.Ranker;
import dev.ragft.bench.retrieval.Retriever;
import dev.ragft.bench.retrieval.VoteClassifier;
import dev.ragft.bench.train.Classifier;
import dev.ragft.bench.train.AbstainingClassifier;
import dev.ragft.bench.train.ClassifierKind;
import dev.ragft.bench.train.EmbeddingClassifier;
import dev.ragft.bench.train.LogisticRegression;
import dev.ragft.bench.train.NearestPairResponder;
import dev.ragft.bench.train.TextClassifier;
import dev.ragft.bench.llm.Online;
import dev.ragft.bench.llm.SearchService;
import dev.ragft.bench.retrieval.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The indexes and trained models the approaches share, each built once and only when a chosen
 * approach needs it for a task the eval split has: the corpus index, the vote index over labelled
 * examples, the classifier and the qa responder. The embedding model is loaded only when the
 * retriever or the classifier asks for embeddings; the labelled examples are embedded once for both.
 */
final class Models implements AutoCloseable {
  private final Dataset dataset;
  private final BenchSettings settings;
  private final Optional<Path> cacheFolder;
  private final Optional<SearchService> search;
  private final Optional<Online> online;
  private final Progress progress;
  private Retriever retriever;
  private ExtractiveReader reader;
  private VoteClassifier voter;
  private Classifier classifier;
  private NearestPairResponder responder;
  private List<String> labels;
  private Embedder embedder;
  private double abstainBelow;
  private DenseSpace examples;

  Models(Dataset dataset, BenchSettings settings, Optional<Path> cacheFolder) {
    this(dataset, settings, cacheFolder, Optional.empty());
  }

  /** With the team's search service as the retriever, when one is configured. */
  Models(Dataset dataset, BenchSettings settings, Optional<Path> cacheFolder, Optional<Online> online) {
    this(dataset, settings, cacheFolder, online, Progress.NONE);
  }

  /** As above, telling {@code progress} how indexing and embedding go. */
  Models(Dataset dataset, BenchSettings settings, Optional<Path> cacheFolder, Optional<Online> online,
      Progress progress) {
    this.progress = progress;
    this.dataset = dataset;
    this.settings = settings;
    this.cacheFolder = cacheFolder;
    this.search = online.flatMap(Online::search);
    this.online = online;
  }

  /** Whether passages come from the team's search service rather than ragft's own index. */
  boolean remoteRetrieval() {
    return search.isPresent();
  }

  /**
   * The {@code n} best passages for a question: from the team's search service when configured
   * (called without a lock: its client is thread-safe), else from the corpus index.
   */
  List<Retriever.Found> passages(String question, int n) {
    if (search.isPresent()) {
      return remote(question, n);
    }
    synchronized (this) {
      return retriever().passages(question, n);
    }
  }

  /**
   * As {@link #passages(String, int)}, steered by a hint. The team's service is asked the question
   * alone: its ranking is its own, and the hint steers only the reader.
   */
  List<Retriever.Found> passages(String question, String hint, float hintWeight, int n) {
    if (search.isPresent()) {
      return remote(question, n);
    }
    synchronized (this) {
      return retriever().passages(question, hint, hintWeight, n);
    }
  }

  private List<Retriever.Found> remote(String question, int n) {
    SearchService s = search.orElseThrow();
    float[] vector;
    synchronized (this) {
      vector = s.usesVector() ? embedder().embed(question) : new float[0];
    }
    List<SearchService.Hit> hits = s.search(question, n, vector);
    List<Retriever.Found> out = new ArrayList<>(hits.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < hits.size(); i++) {
      SearchService.Hit h = hits.get(i);
      String id = ids.add(h.docId()) ? h.docId() : h.docId() + "#" + (i + 1);
      out.add(new Retriever.Found(new Passage(id, h.docId(), h.title(), h.text()), h.score()));
    }
    return out;
  }

  /**
   * Builds now what the approaches will need, so that no case's latency includes indexing or
   * training.
   */
  void prepare(List<ApproachId> approaches) {
    boolean qa = dataset.hasEval(Task.QA);
    boolean labels = dataset.hasEval(Task.CLASSIFICATION);
    boolean trained = approaches.stream().anyMatch(ApproachId::trained);
    if (qa && (approaches.contains(ApproachId.RAG) || approaches.contains(ApproachId.HYBRID))) {
      reader();
    }
    if (labels && approaches.contains(ApproachId.RAG)) {
      voter();
    }
    if (labels && trained) {
      classifier();
    }
    if (qa && trained) {
      responder();
    }
  }

  /** Passages in the corpus index, 0 when no approach needed it. */
  int passageCount() {
    return retriever == null ? 0 : retriever.passageCount();
  }

  BenchSettings settings() {
    return settings;
  }

  Retriever retriever() {
    if (retriever == null) {
      retriever = Retriever.build(dataset.corpus(), new Chunker(settings.chunkWords()), dataset.corpusHash(), cacheFolder,
          settings.diskThreshold(), settings.dense().ranker(), this::embedder,
          (done, total) -> progress.task("indexing", done, total));
    }
    return retriever;
  }

  ExtractiveReader reader() {
    if (reader == null) {
      reader = new ExtractiveReader(retriever().index());
    }
    return reader;
  }

  VoteClassifier voter() {
    if (voter == null) {
      Ranker ranker = settings.dense().ranker();
      voter = new VoteClassifier(dataset.train(Task.CLASSIFICATION).stream()
          .map(t -> new VoteClassifier.Example(t.id(), t.input(), t.output())).toList(), settings.voteK(), ranker,
          ranker.kind().usesEmbeddings() ? Optional.of(examples()) : Optional.empty());
    }
    return voter;
  }

  Classifier classifier() {
    if (classifier == null) {
      List<TextClassifier.Example> examples = dataset.train(Task.CLASSIFICATION).stream()
          .map(t -> new TextClassifier.Example(t.input(), t.output())).toList();
      LogisticRegression.Settings training =
          new LogisticRegression.Settings(settings.epochs(), settings.learningRate(), settings.seed());
      boolean embeddings = settings.dense().classifier() == ClassifierKind.EMBEDDINGS;
      List<float[]> vectors = embeddings ? examples().vectors() : List.of();
      if (!settings.outOfScope().named()) {
        classifier = embeddings ? EmbeddingClassifier.train(examples, vectors, embedder(), training)
            : TextClassifier.train(examples, settings.featureBits(), training);
      } else {
        classifier = abstaining(examples, vectors, embeddings, training);
      }
    }
    return classifier;
  }

  /**
   * With an out-of-scope label: a seeded share of train is held out; the classifier learns the
   * in-scope labels of the rest, and abstains below the confidence that labels the held-out part best.
   */
  private Classifier abstaining(List<TextClassifier.Example> examples, List<float[]> vectors, boolean embeddings,
      LogisticRegression.Settings training) {
    String oos = settings.outOfScope().label();
    List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(settings.seed());
    for (int i = order.size() - 1; i > 0; i--) {
      java.util.Collections.swap(order, i, random.nextInt(i + 1));
    }
    int held = (int) Math.round(examples.size() * settings.outOfScope().holdout());
    List<TextClassifier.Example> heldOut = new java.util.ArrayList<>();
    List<TextClassifier.Example> fit = new java.util.ArrayList<>();
    List<float[]> fitVectors = new java.util.ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      TextClassifier.Example e = examples.get(order.get(k));
      if (k < held) {
        heldOut.add(e);
      } else if (!e.label().equals(oos)) {
        fit.add(e);
        if (embeddings) {
          fitVectors.add(vectors.get(order.get(k)));
        }
      }
    }
    if (fit.isEmpty()) {
      throw new dev.ragft.input.BadInputException(dev.ragft.input.Location.ofFile(dataset.displayName()
          + "/train.jsonl"), "after holding out " + held + " examples to choose the out-of-scope threshold, no"
          + " in-scope classification example is left to train on");
    }
    Classifier inner = embeddings ? EmbeddingClassifier.train(fit, fitVectors, embedder(), training)
        : TextClassifier.train(fit, settings.featureBits(), training);
    abstainBelow = AbstainingClassifier.choose(inner, heldOut, oos);
    return new AbstainingClassifier(inner, abstainBelow, oos);
  }

  /** The confidence below which the classifier abstains; 0 without an out-of-scope label. */
  double abstainBelow() {
    return abstainBelow;
  }

  /** The embedding model, loaded on first use. */
  Embedder embedder() {
    if (embedder == null) {
      embedder = new Reporting(online.flatMap(Online::embedder).<Embedder>map(e -> e).orElseGet(MiniLmEmbedder::new),
          progress);
    }
    return embedder;
  }

  /** An embedder that tells the progress bar how a long list of texts goes, slice by slice. */
  private record Reporting(Embedder inner, Progress progress) implements Embedder {
    private static final int SLICE = 256;

    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public int dimensions() {
      return inner.dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      if (texts.size() <= SLICE) {
        return inner.embed(texts);
      }
      List<float[]> out = new ArrayList<>(texts.size());
      for (int from = 0; from < texts.size(); from += SLICE) {
        out.addAll(inner.embed(texts.subList(from, Math.min(texts.size(), from + SLICE))));
        progress.task("embedding", out.size(), texts.size());
      }
      return out;
    }
  }

  /** The labelled examples' embeddings (through the cache), shared by the vote and the classifier. */
  private DenseSpace examples() {
    if (examples == null) {
      List<String> texts = dataset.train(Task.CLASSIFICATION).stream().map(TrainExample::input).toList();
      EmbeddingCache cache = new EmbeddingCache(cacheFolder.map(f -> f.resolve("embeddings")));
      examples = DenseSpace.build(embedder(), cache, "train-" + EmbeddingCache.shortHash(texts), texts);
    }
    return examples;
  }

  NearestPairResponder responder() {
    if (responder == null) {
      List<TrainExample> qa = dataset.train(Task.QA);
      responder = NearestPairResponder.train(
          qa.stream().map(t -> new NearestPairResponder.Pair(t.id(), t.input(), t.output())).toList(),
          settings.featureBits(), settings.neighbours());
    }
    return responder;
  }

  /** The label set a model is asked to choose from (see {@link OnlineApproach#labelSet}). */
  List<String> labels() {
    if (labels == null) {
      labels = OnlineApproach.labelSet(dataset.train(), dataset.eval());
    }
    return labels;
  }

  Optional<TrainExample> trainExample(String id) {
    return dataset.train().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Passages retrieved for retrieval metrics: at least 10 documents' worth, for MRR@10 and nDCG@10. */
  int searchDepth() {
    return Math.max(settings.topK(), 10) * 3;
  }

  int rankedDocuments() {
    return Math.max(settings.topK(), 10);
  }

  @Override
  public void close() {
    if (retriever != null) {
      retriever.close();
    }
    if (voter != null) {
      voter.close();
    }
    if (examples != null) {
      examples.close();
    }
  }
}
