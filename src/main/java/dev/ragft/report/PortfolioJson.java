package dev.ragft.report;

import dev.ragft.decision.Sequencer;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code score --format json}: an array of the objects {@code recommend --format json} prints,
 * each with the use case's id and its roadmap wave (docs/score.md), and the pass-through columns of a
 * CSV row as {@code columns}. Written as it comes.
 */
public final class PortfolioJson implements PortfolioReport {
  private final JsonReport.ArrayWriter out;

  public PortfolioJson(Writer out, String ragftVersion) throws IOException {
    this.out = new JsonReport.ArrayWriter(out, ragftVersion);
  }

  @Override
  public void add(ScoredUseCase s) throws IOException {
    out.write(s.recommendation(), s.placement(), s.extra());
  }

  @Override
  public void finish(List<Sequencer.Group> roadmap) throws IOException {
    out.close();
  }
}
