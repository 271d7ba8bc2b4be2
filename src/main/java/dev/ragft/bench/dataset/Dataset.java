package dev.ragft.bench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * A benchmark dataset folder, read and checked (docs/bench.md, "The dataset format"). {@code displayName} is the folder as
 * the user named it; {@code contentHash} identifies the bytes of its files (for result logs);
 * {@code corpusHash} those of the corpus alone (for the on-disk index cache). The corpus is read
 * from its file on every pass, never held whole (see {@link Corpus}). {@code excludedOverlap}: the
 * eval cases left out of {@code eval} because their input also occurs in train.
 */
public record Dataset(
    String displayName, DatasetInfo info, Corpus corpus, List<TrainExample> train, List<EvalCase> eval,
    String contentHash, String corpusHash, int excludedOverlap) {
  /** A dataset with no eval case left out for overlap. */
  public Dataset(String displayName, DatasetInfo info, Corpus corpus, List<TrainExample> train, List<EvalCase> eval,
      String contentHash, String corpusHash) {
    this(displayName, info, corpus, train, eval, contentHash, corpusHash, 0);
  }

  /** A dataset whose corpus is in memory (tests, tools), with no eval case left out for overlap. */
  public Dataset(String displayName, DatasetInfo info, List<Document> corpus, List<TrainExample> train,
      List<EvalCase> eval, String contentHash, String corpusHash) {
    this(displayName, info, Corpus.of(corpus), train, eval, contentHash, corpusHash, 0);
  }

  /** A dataset whose corpus is in memory (tests, tools). */
  public Dataset(String displayName, DatasetInfo info, List<Document> corpus, List<TrainExample> train,
      List<EvalCase> eval, String contentHash, String corpusHash, int excludedOverlap) {
    this(displayName, info, Corpus.of(corpus), train, eval, contentHash, corpusHash, excludedOverlap);
  }

  public Dataset {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(corpus, "corpus");
    train = List.copyOf(train);
    eval = List.copyOf(eval);
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(corpusHash, "corpusHash");
    if (excludedOverlap < 0) {
      throw new IllegalArgumentException("excludedOverlap: expected 0 or more, got " + excludedOverlap);
    }
  }

  public List<TrainExample> train(Task task) {
    return train.stream().filter(t -> t.task() == task).toList();
  }

  public boolean hasEval(Task task) {
    return eval.stream().anyMatch(c -> c.task() == task);
  }
}
