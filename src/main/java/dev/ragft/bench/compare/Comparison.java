package dev.ragft.bench.compare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Two bench summaries side by side: every metric of every approach and slice in either, with its
 * change and, where a threshold applies, whether it regressed.
 *
 * @param baseline the earlier run, as the user named its file
 * @param current the later run
 * @param rows every metric in either run, in report order
 * @param thresholds the regression thresholds that were checked
 */
public record Comparison(Run baseline, Run current, List<Row> rows, List<Threshold> thresholds, List<String> warnings) {
  /**
   * One run: its file as named, its dataset and the dataset's hash (empty when not recorded), its
   * settings (name to value, as summary.json holds them) and its approaches.
   */
  public record Run(String file, String dataset, Optional<String> datasetHash, java.util.Map<String, String> settings,
      List<String> approaches) {
    public Run {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(datasetHash, "datasetHash");
      settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
      approaches = List.copyOf(approaches);
    }

    /** A run known by its file and dataset alone. */
    public Run(String file, String dataset, Optional<String> datasetHash) {
      this(file, dataset, datasetHash, java.util.Map.of(), List.of());
    }
  }

  /** What happened to one metric. */
  public enum Status {
    UNCHANGED("unchanged"),
    IMPROVED("improved"),
    WORSE("worse"),
    REGRESSION("REGRESSION"),
    UNMEASURED("unmeasured");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One metric of one approach on one slice, with its values (empty where it was not measured) and,
   * when a threshold names it, that threshold.
   */
  public record Row(
      String approach, String slice, String metric, boolean higherIsBetter, Optional<Double> baseline,
      Optional<Double> current, Optional<Threshold> threshold, Status status) {
    public Row {
      Objects.requireNonNull(approach, "approach");
      Objects.requireNonNull(slice, "slice");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(baseline, "baseline");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(threshold, "threshold");
      Objects.requireNonNull(status, "status");
    }

    /** approach.slice.metric, the name thresholds use. */
    public String key() {
      return approach + "." + slice + "." + metric;
    }

    /** current minus baseline; empty when either is unmeasured. */
    public Optional<Double> change() {
      return baseline.isPresent() && current.isPresent() ? Optional.of(current.get() - baseline.get()) : Optional.empty();
    }

    /** The change relative to the baseline; empty when unmeasured or the baseline is 0. */
    public Optional<Double> relative() {
      return change().filter(c -> baseline.get() != 0).map(c -> c / Math.abs(baseline.get()));
    }

    /** Whether it is worth listing: it moved, or one run did not measure it. */
    public boolean moved() {
      return status != Status.UNCHANGED;
    }
  }

  /**
   * @param warnings what makes the two runs less comparable (other datasets, settings or
   *     approaches), in report order
   */
  public Comparison {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    rows = List.copyOf(rows);
    thresholds = List.copyOf(thresholds);
    warnings = List.copyOf(warnings);
  }

  public List<Row> regressions() {
    return rows.stream().filter(r -> r.status() == Status.REGRESSION).toList();
  }

  /** The rows a threshold names that one run did not measure: gates that cannot be checked. */
  public List<Row> unmeasurable() {
    return rows.stream().filter(r -> r.threshold().isPresent() && r.status() == Status.UNMEASURED).toList();
  }

  public long count(Status s) {
    return rows.stream().filter(r -> r.status() == s).count();
  }
}
