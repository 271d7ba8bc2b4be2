package dev.ragft.bench.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How passages (and labelled examples, for the retrieval vote) are ranked for a query. */
public enum RetrieverKind {
  /** Lucene BM25 over analysed terms. */
  BM25("bm25", "BM25 (Lucene)"),
  /** Nearest sentence embeddings in an HNSW graph. */
  DENSE("dense", "dense (sentence embeddings, HNSW)"),
  /** BM25 and dense rankings fused by reciprocal rank. */
  HYBRID("hybrid", "hybrid (BM25 + dense, reciprocal-rank fusion)"),
  /** The team's own search service over HTTP ({@code retriever:} in ragft.yaml); labelled examples by BM25. */
  HTTP("http", "the team's search service over HTTP");

  private final String id;
  private final String description;

  RetrieverKind(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Whether this ranking needs the embedding model. */
  public boolean usesEmbeddings() {
    return this == DENSE || this == HYBRID;
  }

  public static Optional<RetrieverKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(RetrieverKind::id).collect(Collectors.joining(", "));
  }
}
