package dev.ragft.report;

import dev.ragft.decision.Sequencer;
import java.io.IOException;
import java.util.List;

/**
 * A renderer of {@code score} output. It is handed the scored use cases one at a time, in output
 * order, then the roadmap. Formats that can (CSV, JSON) write each use case as
 * it comes, so memory stays flat; the others keep a small row per use case until the end.
 */
public interface PortfolioReport {
  void add(ScoredUseCase scored) throws IOException;

  void finish(List<Sequencer.Group> roadmap) throws IOException;
}
