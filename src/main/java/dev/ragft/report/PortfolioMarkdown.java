package dev.ragft.report;

import dev.ragft.decision.Sequencer;
import dev.ragft.decision.Warning;
import dev.ragft.framework.Approach;
import dev.ragft.framework.Framework;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code score --format markdown}: a portfolio recommendation ready to paste into a client
 * document: the approach counts, one table row per use case, the warnings, and the roadmap.
 */
public final class PortfolioMarkdown implements PortfolioReport {
  private final Writer out;
  private final Framework framework;
  private final List<PortfolioRow> rows = new ArrayList<>();

  public PortfolioMarkdown(Writer out, Framework framework) {
    this.out = out;
    this.framework = framework;
  }

  @Override
  public void add(ScoredUseCase s) {
    rows.add(PortfolioRow.of(s, framework));
  }

  @Override
  public void finish(List<Sequencer.Group> roadmap) throws IOException {
    line("# AI use-case portfolio: RAG, fine-tuning or hybrid");
    line("");
    line(rows.size() + (rows.size() == 1 ? " use case" : " use cases") + " scored with the framework *" + esc(framework.title())
        + "* (" + framework.id() + " " + esc(framework.version()) + ").");
    line("");
    line("| Approach | Use cases | Share |");
    line("|---|---:|---:|");
    for (Approach a : framework.approaches()) {
      long n = rows.stream().filter(r -> r.approach().equals(a.id())).count();
      line("| " + esc(a.name()) + " | " + n + " | " + (rows.isEmpty() ? "-" : Format.percent(n / (double) rows.size())) + " |");
    }
    line("");
    line(esc(PortfolioRow.total(rows)));
    line("");
    line("## Use cases");
    line("");
    line("| Use case | Id | Approach | Confidence | Per month | Why (top drivers) | Warnings | Wave |");
    line("|---|---|---|---:|---:|---|---:|---:|");
    for (PortfolioRow r : rows) {
      line("| " + esc(r.name()) + " | `" + r.id() + "` | **" + esc(r.approachName()) + "** | " + r.confidenceText() + " | "
          + esc(r.monthlyText()) + " | " + esc(String.join("; ", r.drivers())) + " | " + r.warnings().size() + " | "
          + r.placement().number() + " |");
    }
    warnings();
    roadmap(roadmap);
    out.flush();
  }

  private void warnings() throws IOException {
    if (rows.stream().allMatch(r -> r.warnings().isEmpty())) {
      return;
    }
    line("");
    line("## Warnings");
    for (PortfolioRow r : rows) {
      if (r.warnings().isEmpty()) {
        continue;
      }
      line("");
      line("**" + esc(r.name()) + "** (`" + r.id() + "`)");
      line("");
      for (Warning w : r.warnings()) {
        line("- " + esc(w.message()));
      }
    }
  }

  private void roadmap(List<Sequencer.Group> groups) throws IOException {
    line("");
    line("## Roadmap");
    line("");
    line(esc(Narrative.roadmapIntro(framework)));
    for (Sequencer.Group g : groups) {
      line("");
      line("### Wave " + g.number() + ": " + esc(g.wave().name()) + " (" + esc(g.wave().timing()) + ")");
      line("");
      line(esc(g.wave().goal()));
      line("");
      if (g.entries().isEmpty()) {
        line("No use cases in this wave.");
        continue;
      }
      for (Sequencer.Entry e : g.entries()) {
        line("- " + esc(e.name()) + " (`" + e.id() + "`): " + esc(PortfolioRow.outlook(e.placement(), framework)));
      }
    }
  }

  private static String esc(String s) {
    return MarkdownReport.esc(s);
  }

  private void line(String s) throws IOException {
    out.write(s);
    out.write('\n');
  }
}
