package dev.ragft.framework;

/** One of the approaches the framework chooses between (rag, fine-tune, hybrid). */
public record Approach(String id, String name, String summary) {}
