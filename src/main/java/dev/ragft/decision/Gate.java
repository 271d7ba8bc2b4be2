package dev.ragft.decision;

import java.util.List;

/** A gate that fired: these approaches cannot be the starting point, for this reason. */
public record Gate(String rule, List<String> excludes, String reason) {
  public Gate {
    excludes = List.copyOf(excludes);
  }
}
