package dev.ragft.bench.run;

import dev.ragft.bench.dataset.DatasetInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a bench run: what was measured (dataset, sizes, settings) and the metrics per
 * slice. {@code unseenLabelCases} counts classification cases whose label train never shows;
 * {@code models} the approaches that called a real model (empty for an offline run);
 * {@code excludedOverlap} the eval cases left out because their input also occurs in train (not in
 * {@code evalCases}); {@code abstainBelow} the confidence below which the trained classifier answered
 * the out-of-scope label (0 when the dataset names none, or the classifier never abstains).
 */
public record BenchSummary(
    String dataset, DatasetInfo info, int documents, int passages, int trainExamples, int evalCases,
    BenchSettings settings, List<Slice> slices, List<String> warnings, int unseenLabelCases, List<ModelUse> models,
    int excludedOverlap, double abstainBelow) {
  public BenchSummary {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(settings, "settings");
    slices = List.copyOf(slices);
    warnings = List.copyOf(warnings);
    models = List.copyOf(models);
  }

  /** A summary none of whose eval cases was left out. */
  public BenchSummary(
      String dataset, DatasetInfo info, int documents, int passages, int trainExamples, int evalCases,
      BenchSettings settings, List<Slice> slices, List<String> warnings, int unseenLabelCases, List<ModelUse> models) {
    this(dataset, info, documents, passages, trainExamples, evalCases, settings, slices, warnings, unseenLabelCases,
        models, 0, 0);
  }

  /** A summary whose classifier never abstained. */
  public BenchSummary(
      String dataset, DatasetInfo info, int documents, int passages, int trainExamples, int evalCases,
      BenchSettings settings, List<Slice> slices, List<String> warnings, int unseenLabelCases, List<ModelUse> models,
      int excludedOverlap) {
    this(dataset, info, documents, passages, trainExamples, evalCases, settings, slices, warnings, unseenLabelCases,
        models, excludedOverlap, 0);
  }

  /** This summary with the confidence below which the classifier abstained. */
  public BenchSummary withAbstainBelow(double threshold) {
    return new BenchSummary(dataset, info, documents, passages, trainExamples, evalCases, settings, slices, warnings,
        unseenLabelCases, models, excludedOverlap, threshold);
  }

  /** An offline run's summary. */
  public BenchSummary(
      String dataset, DatasetInfo info, int documents, int passages, int trainExamples, int evalCases,
      BenchSettings settings, List<Slice> slices, List<String> warnings, int unseenLabelCases) {
    this(dataset, info, documents, passages, trainExamples, evalCases, settings, slices, warnings, unseenLabelCases,
        List.of());
  }

  /** This summary, naming the approaches that called a real model. */
  public BenchSummary withModels(List<ModelUse> used) {
    return new BenchSummary(dataset, info, documents, passages, trainExamples, evalCases, settings, slices, warnings,
        unseenLabelCases, used, excludedOverlap, abstainBelow);
  }

  /** What an approach ran, as reports name it: the real model it called, or the offline approach with its retrieval. */
  public String describe(ApproachId a) {
    return model(a).map(m -> m.label() + ": " + m.description()).orElseGet(() -> a.description(settings.dense()));
  }

  /** The real model an approach called, or empty when it ran offline. */
  public Optional<ModelUse> model(ApproachId a) {
    return models.stream().filter(m -> m.approach() == a).findFirst();
  }

  public Optional<Slice> slice(String name) {
    return slices.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
