package dev.ragft.bench.report;

import java.util.Objects;

/**
 * Where a bench result comes from, beside the settings the summary already carries: the ragft
 * version and the hash of the dataset's files. Deliberately holds no path and no timestamp, so a
 * report says what was measured without leaking the machine it ran on.
 */
public record Provenance(String ragftVersion, String datasetHash) {
  public Provenance {
    Objects.requireNonNull(ragftVersion, "ragftVersion");
    Objects.requireNonNull(datasetHash, "datasetHash");
  }
}
