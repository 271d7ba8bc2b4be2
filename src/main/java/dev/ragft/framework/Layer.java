package dev.ragft.framework;

/** One layer of a recommended stack: what it is for and what builds it. */
public record Layer(String id, String name, String role, String component) {}
