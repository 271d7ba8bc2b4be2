package dev.ragft.decision;

import java.util.List;

/** A smallest set of answer changes that would change the recommended approach. */
public record WhatIf(List<Change> changes, String approach, String summary) {
  public WhatIf {
    changes = List.copyOf(changes);
  }

  /** One changed answer; {@code from} is empty when the question was not answered. */
  public record Change(String question, String from, String to) {}
}
