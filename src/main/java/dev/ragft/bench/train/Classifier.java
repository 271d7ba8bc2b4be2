package dev.ragft.bench.train;

/** A trained labeller: the offline proxy for a fine-tuned model doing classification. */
public interface Classifier {
  TextClassifier.Prediction predict(String text);
}
