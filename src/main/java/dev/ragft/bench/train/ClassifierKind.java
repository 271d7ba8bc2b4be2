package dev.ragft.bench.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the fine-tune proxy's classifier reads: hashed word n-grams, or sentence embeddings. */
public enum ClassifierKind {
  NGRAMS("ngrams"),
  EMBEDDINGS("embeddings");

  private final String id;

  ClassifierKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ClassifierKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(ClassifierKind::id).collect(Collectors.joining(", "));
  }
}
