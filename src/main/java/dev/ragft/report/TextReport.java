package dev.ragft.report;

import dev.ragft.cost.CostEstimate;
import dev.ragft.cost.Costs;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Warning;
import dev.ragft.decision.WhatIf;
import dev.ragft.framework.Approach;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Situation;
import java.util.List;

/** The terminal form of a recommendation: a headline, score bars, why, stack and phases. */
public final class TextReport {
  private static final int WIDTH = 100;
  private static final int BAR = 30;
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final Options options;
  private final StringBuilder out = new StringBuilder();

  private TextReport(Options options) {
    this.options = options;
  }

  public static String render(Recommendation r, Options options) {
    TextReport t = new TextReport(options);
    t.recommendation(r);
    return t.out.toString();
  }

  private void recommendation(Recommendation r) {
    Framework f = r.framework();
    Assessment a = r.assessment();
    String headline = f.approachName(a.approach()) + " for " + r.name();
    line(style(BOLD, headline));
    line(style(DIM, "use case " + r.id() + " · framework " + a.frameworkId() + " " + a.frameworkVersion()
        + " · confidence " + Format.confidence(a.confidence())));
    if (!Narrative.gated(f, a).isEmpty()) {
      wrapped(style(YELLOW, "! "), "  ", Narrative.gated(f, a));
    }
    line("");
    line(style(BOLD, "Scores"));
    int nameWidth = f.approaches().stream().mapToInt(x -> x.name().length()).max().orElse(0);
    for (Approach x : f.approaches()) {
      int s = a.score(x.id());
      int filled = Math.round(s * BAR / 100f);
      String full = options.unicode() ? "█" : "#";
      String empty = options.unicode() ? "░" : ".";
      String bar = full.repeat(filled) + empty.repeat(BAR - filled);
      boolean chosen = x.id().equals(a.approach());
      String row = "  " + Format.pad(x.name(), nameWidth) + "  " + (chosen ? style(GREEN, bar) : bar) + " "
          + Format.padLeft(Integer.toString(s), 3) + (chosen ? "  <- recommended" : "");
      line(row);
    }
    line("");
    line(style(BOLD, "Why"));
    for (String w : Narrative.why(f, a)) {
      wrapped("  - ", "    ", w);
    }
    List<Situation> wins = a.situations().stream().filter(s -> s.approach().equals(a.approach())).toList();
    for (Situation s : wins) {
      wrapped("  - ", "    ", "Where " + f.approachName(a.approach()) + " wins: " + s.title() + ". " + s.description());
    }
    if (!a.warnings().isEmpty()) {
      line("");
      line(style(BOLD, "Warnings"));
      for (Warning w : a.warnings()) {
        wrapped("  " + style(YELLOW, "!") + " ", "    ", w.message());
      }
    }
    if (r.costs() instanceof Costs.Estimated est) {
      costs(f, est.estimate());
    }
    line("");
    line(style(BOLD, "Stack"));
    int i = 1;
    for (Layer l : a.stack()) {
      wrapped("  " + i++ + ". ", "     ", l.name() + ": " + l.role());
      wrapped("     ", "     ", "Built with: " + l.component());
    }
    line("");
    line(style(BOLD, "Rollout (" + Format.weeks(Narrative.totalWeeks(a)) + ")"));
    i = 1;
    for (Phase p : a.rollout()) {
      wrapped("  " + i++ + ". ", "     ", p.name() + " (" + Format.weeks(p.weeks()) + "): " + p.goal());
      wrapped("     ", "     ", "Exit: " + p.exitCriteria());
      wrapped("     ", "     ", "Gate metric: " + p.gateMetric());
    }
    if (options.whatIf()) {
      line("");
      line(style(BOLD, "What would change the recommendation"));
      if (a.whatIf().isEmpty()) {
        wrapped("  ", "  ", "No change to one or two answers would change it.");
      }
      for (WhatIf w : a.whatIf()) {
        wrapped("  - ", "    ", w.summary());
      }
    }
    if (options.explain()) {
      explain(f, a);
    }
  }

  private void explain(Framework f, Assessment a) {
    line("");
    line(style(BOLD, "How the scores are computed"));
    wrapped("  ", "  ", "Each score starts at the framework's baseline, adds every driver's effect, and is kept within"
        + " 0..100. Gates take approaches out of the running without changing their scores.");
    List<String> header = new java.util.ArrayList<>(List.of("rule", "question", "answer"));
    f.approaches().forEach(x -> header.add(x.name()));
    table(header, Narrative.arithmetic(f, a), 3);
    line("");
    wrapped("  ", "  ", Narrative.confidenceRule(f, a));
    for (var g : a.gates()) {
      wrapped("  ", "    ", "gate rules." + g.rule() + " excludes " + String.join(", ", g.excludes()) + ": " + g.reason());
    }
    line("");
    line(style(BOLD, "Drivers, largest first"));
    for (var d : a.drivers()) {
      wrapped("  - ", "    ", d.question() + " = " + d.answer() + ": " + d.reason());
    }
  }

  /** An aligned table: columns from {@code firstNumeric} on are right-aligned. */
  private void table(List<String> header, List<List<String>> body, int firstNumeric) {
    List<List<String>> rows = new java.util.ArrayList<>();
    rows.add(header);
    rows.addAll(body);
    int cols = header.size();
    int[] widths = new int[cols];
    for (List<String> row : rows) {
      for (int c = 0; c < cols; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder b = new StringBuilder("  ");
      for (int c = 0; c < cols; c++) {
        b.append(c < firstNumeric ? Format.pad(row.get(c), widths[c]) : Format.padLeft(row.get(c), widths[c]));
        b.append(c == cols - 1 ? "" : "  ");
      }
      line(b.toString().stripTrailing());
    }
  }

  private void costs(Framework f, CostEstimate e) {
    line("");
    line(style(BOLD, "Cost and latency"));
    wrapped("  ", "  ", CostTable.basis(e));
    table(CostTable.header(e), CostTable.rows(f, e), 1);
    for (String b : CostTable.breakEvens(f, e)) {
      wrapped("  ", "  ", b);
    }
  }

  private String style(String code, String text) {
    return options.color() ? code + text + RESET : text;
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  /** Word-wraps {@code text} to the report width; the first line starts with {@code first}. */
  private void wrapped(String first, String rest, String text) {
    Wrap.lines(first, rest, text, WIDTH).forEach(this::line);
  }
}
