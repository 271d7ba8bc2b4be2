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
 * document or a pull-request comment: the approach counts, the cost and the roadmap's waves first,
 * then in {@code <details>} blocks one table row per use case, the warnings, and each wave's use
 * cases; always under {@link MarkdownBudget#LIMIT} characters.
 */
public final class PortfolioMarkdown implements PortfolioReport {
  private final Writer out;
  private final Framework framework;
  private final List<PortfolioRow> rows = new ArrayList<>();

  private final String ragftVersion;
  private final List<Recommendation> recommendations = new ArrayList<>();

  public PortfolioMarkdown(Writer out, Framework framework, String ragftVersion) {
    this.out = out;
    this.framework = framework;
    this.ragftVersion = ragftVersion;
  }

  @Override
  public void add(ScoredUseCase s) {
    rows.add(PortfolioRow.of(s, framework));
    recommendations.add(s.recommendation());
  }

  @Override
  public void finish(List<Sequencer.Group> roadmap) throws IOException {
    // Summary first (counts, cost, the waves at a glance); the long lists in <details> blocks,
    // cut to stay under a pull-request comment's limit with a note saying where the rest is.
    StringBuilder head = new StringBuilder();
    head.append("# AI use-case portfolio: RAG, fine-tuning or hybrid\n\n");
    head.append(rows.size()).append(rows.size() == 1 ? " use case" : " use cases").append(" scored with the framework *")
        .append(esc(framework.title())).append("* (").append(framework.id()).append(' ').append(esc(framework.version()))
        .append(").\n\n");
    head.append("| Approach | Use cases | Share |\n|---|---:|---:|\n");
    for (Approach a : framework.approaches()) {
      long n = rows.stream().filter(r -> r.approach().equals(a.id())).count();
      head.append("| ").append(esc(a.name())).append(" | ").append(n).append(" | ")
          .append(rows.isEmpty() ? "-" : Format.percent(n / (double) rows.size())).append(" |\n");
    }
    head.append('\n').append(esc(PortfolioRow.total(rows))).append("\n\n");
    head.append("## Roadmap\n\n").append(esc(Narrative.roadmapIntro(framework))).append("\n\n");
    head.append("| Wave | When | Use cases | Goal |\n|---|---|---:|---|\n");
    for (Sequencer.Group g : roadmap) {
      head.append("| ").append(g.number()).append(". ").append(esc(g.wave().name())).append(" | ")
          .append(esc(g.wave().timing())).append(" | ").append(g.entries().size()).append(" | ").append(esc(g.wave().goal()))
          .append(" |\n");
    }

    String tableOpen = "\n<details>\n<summary>Use cases (" + rows.size() + ")</summary>\n\n"
        + "| Use case | Id | Approach | Confidence | Per month | Why (top drivers) | Warnings | Wave |\n"
        + "|---|---|---|---:|---:|---|---:|---:|\n";
    List<String> tableRows = new ArrayList<>();
    for (PortfolioRow r : rows) {
      tableRows.add("| " + esc(r.name()) + " | `" + r.id() + "` | **" + esc(r.approachName()) + "** | " + r.confidenceText()
          + " | " + esc(r.monthlyText()) + " | " + esc(String.join("; ", r.drivers())) + " | " + r.warnings().size() + " | "
          + r.placement().number() + " |\n");
    }
    List<String> warned = new ArrayList<>();
    for (PortfolioRow r : rows) {
      if (!r.warnings().isEmpty()) {
        StringBuilder w = new StringBuilder("\n**").append(esc(r.name())).append("** (`").append(r.id()).append("`)\n\n");
        for (Warning x : r.warnings()) {
          w.append("- ").append(esc(x.message())).append('\n');
        }
        warned.add(w.toString());
      }
    }
    String warningsOpen = warned.isEmpty() ? ""
        : "\n<details>\n<summary>Warnings (" + warned.size() + (warned.size() == 1 ? " use case" : " use cases")
            + ")</summary>\n";
    String close = "\n</details>\n";
    String wavesOpen = "\n<details>\n<summary>The use cases of each wave</summary>\n";
    List<String> waveHeads = new ArrayList<>();
    List<List<String>> waveEntries = new ArrayList<>();
    for (Sequencer.Group g : roadmap) {
      waveHeads.add("\n### Wave " + g.number() + ": " + esc(g.wave().name()) + " (" + esc(g.wave().timing()) + ")\n\n"
          + (g.entries().isEmpty() ? "No use cases in this wave.\n" : ""));
      List<String> entries = new ArrayList<>();
      for (Sequencer.Entry e : g.entries()) {
        entries.add("- " + esc(e.name()) + " (`" + e.id() + "`): " + esc(PortfolioRow.outlook(e.placement(), framework)) + "\n");
      }
      waveEntries.add(entries);
    }

    String footer = "\n_" + esc(Narrative.madeBy(ragftVersion, framework, recommendations)) + "_\n";
    int fixed = footer.length() + head.length() + tableOpen.length() + close.length() + wavesOpen.length() + close.length()
        + (warned.isEmpty() ? 0 : warningsOpen.length() + close.length())
        + waveHeads.stream().mapToInt(String::length).sum();
    MarkdownBudget room = new MarkdownBudget(fixed, 2 + roadmap.size());
    String where = "every use case is in 'ragft score --format csv' and '--format json'";
    StringBuilder b = new StringBuilder(head).append(tableOpen);
    room.append(b, tableRows, "use cases", where);
    b.append(close);
    if (!warned.isEmpty()) {
      b.append(warningsOpen);
      room.append(b, warned, "use cases' warnings", where);
      b.append(close);
    }
    b.append(wavesOpen);
    for (int i = 0; i < waveHeads.size(); i++) {
      b.append(waveHeads.get(i));
      room.append(b, waveEntries.get(i), "use cases of wave " + (i + 1), where);
    }
    b.append(close).append(footer);
    out.write(b.toString());
    out.flush();
  }

  private static String esc(String s) {
    return MarkdownReport.esc(s);
  }
}
