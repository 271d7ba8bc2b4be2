package dev.ragft.bench.retrieval;

/** One search result: the position of the text in the indexed list, and its score (BM25, cosine or fused). */
public record Hit(int ord, float score) {}
