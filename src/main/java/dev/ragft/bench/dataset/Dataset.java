package dev.ragft.bench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * A benchmark dataset folder, read and checked (DESIGN §4). {@code displayName} is the folder as
 * the user named it; {@code contentHash} identifies the bytes of its files (for result logs);
 * {@code corpusHash} those of the corpus alone (for the on-disk index cache); {@code excludedOverlap}
 * the eval cases left out of {@code eval} because their input also occurs in train.
 */
public record Dataset(
    String displayName, DatasetInfo info, List<Document> corpus, List<TrainExample> train, List<EvalCase> eval,
    String contentHash, String corpusHash, int excludedOverlap) {
  public Dataset {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(info, "info");
    corpus = List.copyOf(corpus);
    train = List.copyOf(train);
    eval = List.copyOf(eval);
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(corpusHash, "corpusHash");
    if (excludedOverlap < 0) {
      throw new IllegalArgumentException("excludedOverlap: expected 0 or more, got " + excludedOverlap);
    }
  }

  /** A dataset none of whose eval cases was left out. */
  public Dataset(
      String displayName, DatasetInfo info, List<Document> corpus, List<TrainExample> train, List<EvalCase> eval,
      String contentHash, String corpusHash) {
    this(displayName, info, corpus, train, eval, contentHash, corpusHash, 0);
  }

  public List<TrainExample> train(Task task) {
    return train.stream().filter(t -> t.task() == task).toList();
  }

  public boolean hasEval(Task task) {
    return eval.stream().anyMatch(c -> c.task() == task);
  }
}
