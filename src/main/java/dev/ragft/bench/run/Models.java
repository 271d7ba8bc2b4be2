package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.bench.retrieval.Chunker;
import dev.ragft.bench.retrieval.ExtractiveReader;
import dev.ragft.bench.retrieval.Retriever;
import dev.ragft.bench.retrieval.VoteClassifier;
import dev.ragft.bench.train.LogisticRegression;
import dev.ragft.bench.train.NearestPairResponder;
import dev.ragft.bench.train.TextClassifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The indexes and trained models the approaches share, each built once and only when a chosen
 * approach needs it for a task the eval split has: the corpus index, the vote index over labelled
 * examples, the classifier and the qa responder.
 */
final class Models implements AutoCloseable {
  private final Dataset dataset;
  private final BenchSettings settings;
  private final Optional<Path> cacheFolder;
  private Retriever retriever;
  private ExtractiveReader reader;
  private VoteClassifier voter;
  private TextClassifier classifier;
  private NearestPairResponder responder;
  private List<String> labels;

  Models(Dataset dataset, BenchSettings settings, Optional<Path> cacheFolder) {
    this.dataset = dataset;
    this.settings = settings;
    this.cacheFolder = cacheFolder;
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
          settings.diskThreshold());
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
      voter = new VoteClassifier(dataset.train(Task.CLASSIFICATION).stream()
          .map(t -> new VoteClassifier.Example(t.id(), t.input(), t.output())).toList(), settings.voteK());
    }
    return voter;
  }

  TextClassifier classifier() {
    if (classifier == null) {
      List<TextClassifier.Example> examples = dataset.train(Task.CLASSIFICATION).stream()
          .map(t -> new TextClassifier.Example(t.input(), t.output())).toList();
      classifier = TextClassifier.train(examples, settings.featureBits(),
          new LogisticRegression.Settings(settings.epochs(), settings.learningRate(), settings.seed()));
    }
    return classifier;
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
  }
}
