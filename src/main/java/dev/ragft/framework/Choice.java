package dev.ragft.framework;

/** One answer to a choice question and what choosing it means for each approach. */
public record Choice(String id, String label, String help, Effects effects, String reason) {}
