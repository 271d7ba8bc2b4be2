package dev.ragft.report;

import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.Costs;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Driver;
import dev.ragft.decision.Warning;
import dev.ragft.decision.WhatIf;
import dev.ragft.framework.Approach;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Situation;
import java.util.List;

/** GitHub-flavoured Markdown for a client document or a pull request: summary first, details folded. */
public final class MarkdownReport {
  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  public static String render(Recommendation r, Options options) {
    MarkdownReport m = new MarkdownReport();
    m.recommendation(r, options);
    m.line("");
    m.line("_" + esc(Narrative.madeBy(options.ragftVersion(), r.framework(), List.of(r))) + "_");
    return m.out.toString();
  }

  private void recommendation(Recommendation r, Options options) {
    Framework f = r.framework();
    Assessment a = r.assessment();
    line("## " + esc(r.name()) + ": " + f.approachName(a.approach()));
    line("");
    line("**Recommended approach: " + f.approachName(a.approach()) + "** (confidence " + Format.confidence(a.confidence())
        + ") · use case `" + r.id() + "` · framework `" + a.frameworkId() + "` " + esc(a.frameworkVersion()));
    if (!Narrative.gated(f, a).isEmpty()) {
      line("");
      line(":warning: " + esc(Narrative.gated(f, a)));
    }
    if (!r.description().isEmpty()) {
      line("");
      line("> " + esc(r.description()));
    }
    line("");
    line("| Approach | Score |");
    line("|---|---:|");
    for (Approach x : f.approaches()) {
      String name = x.id().equals(a.approach()) ? "**" + x.name() + "**" : x.name();
      line("| " + name + " | " + a.score(x.id()) + " |");
    }
    line("");
    line("### Why");
    line("");
    for (String w : Narrative.why(f, a)) {
      line("- " + esc(w));
    }
    for (Situation s : a.situations()) {
      if (s.approach().equals(a.approach())) {
        line("- Where " + f.approachName(a.approach()) + " wins: **" + esc(s.title()) + "**. " + esc(s.description()));
      }
    }
    if (!a.warnings().isEmpty()) {
      line("");
      line("### Warnings");
      line("");
      for (Warning w : a.warnings()) {
        line("- :warning: " + esc(w.message()));
      }
    }
    if (r.costs() instanceof Costs.Estimated est) {
      costs(f, est.estimate());
    }
    line("");
    line("### Stack");
    line("");
    line("| # | Layer | Role | Built with |");
    line("|---|---|---|---|");
    int i = 1;
    for (Layer l : a.stack()) {
      line("| " + i++ + " | " + esc(l.name()) + " | " + esc(l.role()) + " | " + esc(l.component()) + " |");
    }
    line("");
    line("### Rollout (" + Format.weeks(Narrative.totalWeeks(a)) + ")");
    line("");
    line("| # | Phase | Weeks | Goal | Exit criteria | Gate metric |");
    line("|---|---|---:|---|---|---|");
    i = 1;
    for (Phase p : a.rollout()) {
      line("| " + i++ + " | " + esc(p.name()) + " | " + p.weeks() + " | " + esc(p.goal()) + " | " + esc(p.exitCriteria())
          + " | " + esc(p.gateMetric()) + " |");
    }
    if (options.whatIf()) {
      line("");
      line("### What would change the recommendation");
      line("");
      if (a.whatIf().isEmpty()) {
        line("No change to one or two answers would change it.");
      }
      for (WhatIf w : a.whatIf()) {
        line("- " + esc(w.summary()));
      }
    }
    if (options.explain()) {
      explain(f, a);
    }
  }

  private void explain(Framework f, Assessment a) {
    line("");
    line("<details><summary>How the scores are computed</summary>");
    line("");
    line("Each score starts at the framework's baseline, adds every driver's effect, and is kept within 0..100."
        + " Gates take approaches out of the running without changing their scores.");
    line("");
    StringBuilder header = new StringBuilder("| Rule | Question | Answer |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (Approach x : f.approaches()) {
      header.append(' ').append(x.name()).append(" |");
      rule.append("---:|");
    }
    line(header.toString());
    line(rule.toString());
    for (List<String> row : Narrative.arithmetic(f, a)) {
      StringBuilder b = new StringBuilder("|");
      for (String cell : row) {
        b.append(' ').append(esc(cell)).append(" |");
      }
      line(b.toString());
    }
    line("");
    line(esc(Narrative.confidenceRule(f, a)));
    line("");
    for (Driver d : a.drivers()) {
      line("- `" + d.rule() + "`: " + esc(d.reason()));
    }
    for (var g : a.gates()) {
      line("- gate `rules." + g.rule() + "` excludes " + String.join(", ", g.excludes()) + ": " + esc(g.reason()));
    }
    line("");
    line("</details>");
  }

  private void costs(Framework f, CostEstimate e) {
    line("");
    line("### Cost and latency");
    line("");
    line(esc(CostTable.basis(e)));
    line("");
    List<String> header = CostTable.header(e);
    line("| " + String.join(" | ", header) + " |");
    line("|---" + "|---:".repeat(header.size() - 1) + "|");
    for (List<String> row : CostTable.rows(f, e)) {
      line("| " + String.join(" | ", row.stream().map(MarkdownReport::esc).toList()) + " |");
    }
    line("");
    for (String b : CostTable.breakEvens(f, e)) {
      line("- " + esc(b));
    }
  }

  /** Escapes what would break a table cell or start markup. */
  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
