package dev.ragft.report;

import dev.ragft.framework.Framework;
import dev.ragft.usecase.Portfolio;
import dev.ragft.usecase.ScoredUseCase;
import dev.ragft.usecase.UseCase;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code score --format json}: an array of the objects {@code recommend --format json} prints,
 * each with the use case's id and its roadmap wave (DESIGN §4). Written as it comes.
 */
public final class PortfolioJson implements PortfolioReport {
  private final Framework framework;
  private final JsonReport.ArrayWriter out;

  public PortfolioJson(Writer out, Framework framework) throws IOException {
    this.framework = framework;
    this.out = new JsonReport.ArrayWriter(out);
  }

  @Override
  public void add(ScoredUseCase s) throws IOException {
    UseCase u = s.useCase();
    out.write(new Recommendation(u.id(), u.name(), u.description(), framework, s.assessment()), s.placement());
  }

  @Override
  public void finish(Portfolio.Result result) throws IOException {
    out.close();
  }
}
