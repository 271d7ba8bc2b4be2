package dev.ragft.decision;

/** A tension the reader should know about; {@code id} names the framework rule or warning. */
public record Warning(String id, String message) {}
