package dev.ragft.bench.run;

import dev.ragft.bench.dataset.DatasetInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a bench run: what was measured (dataset, sizes, settings) and the metrics per
 * slice. {@code unseenLabelCases} counts classification cases whose label train never shows.
 */
public record BenchSummary(
    String dataset, DatasetInfo info, int documents, int passages, int trainExamples, int evalCases,
    BenchSettings settings, List<Slice> slices, List<String> warnings, int unseenLabelCases) {
  public BenchSummary {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(settings, "settings");
    slices = List.copyOf(slices);
    warnings = List.copyOf(warnings);
  }

  public Optional<Slice> slice(String name) {
    return slices.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
