package dev.ragft.bench.run;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The hand-made datasets under src/test/resources/datasets, and bench runs over them. */
final class Fixtures {
  static final List<ApproachId> ALL = List.of(ApproachId.RAG, ApproachId.FINE_TUNE, ApproachId.HYBRID);

  private Fixtures() {}

  static Dataset dataset(String name) {
    return DatasetReader.read(Path.of("src/test/resources/datasets").resolve(name), "datasets/" + name).orThrow();
  }

  static BenchSettings untimed(List<ApproachId> approaches) {
    return BenchSettings.of(approaches, BenchSettings.DEFAULT_TOP_K, BenchSettings.DEFAULT_SEED, false);
  }

  static BenchService.Outcome run(Dataset d, BenchSettings s, Path log, boolean resume, Progress progress) {
    return BenchService.run(new BenchService.Request(d, s, log, "cases.jsonl", resume, Optional.empty(), List.of()),
        () -> 0L, progress);
  }
}
