package dev.ragft.bench.retrieval;

/** One search result: the position of the text in the indexed list, and its BM25 score. */
public record Hit(int ord, float score) {}
