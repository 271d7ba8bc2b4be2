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
 * {@code score --format table}: an aligned terminal table that fits 100 columns, one use case per
 * row with its top two drivers on a second line, then the warnings and the roadmap. Column
 * widths follow the content, so rows are kept (as small {@link PortfolioRow}s) until the end.
 */
public final class PortfolioTable implements PortfolioReport {
  private static final int WIDTH = 100;
  private static final int MAX_ID = 32;
  private static final int GAP = 2;
  private static final String BOLD = "\u001b[1m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final Writer out;
  private final Framework framework;
  private final Options options;
  private final List<PortfolioRow> rows = new ArrayList<>();

  public PortfolioTable(Writer out, Framework framework, Options options) {
    this.out = out;
    this.framework = framework;
    this.options = options;
  }

  @Override
  public void add(ScoredUseCase s) {
    rows.add(PortfolioRow.of(s, framework));
  }

  @Override
  public void finish(List<Sequencer.Group> roadmap) throws IOException {
    line(style(BOLD, "Portfolio: " + useCases(rows.size()) + ", framework " + framework.id() + " " + framework.version()));
    line(counts());
    for (String l : Wrap.lines("", "  ", PortfolioRow.total(rows), WIDTH)) {
      line(l);
    }
    line("");
    table();
    warnings();
    roadmap(roadmap);
    out.flush();
  }

  private String counts() {
    List<String> parts = new ArrayList<>();
    for (Approach a : framework.approaches()) {
      long n = rows.stream().filter(r -> r.approach().equals(a.id())).count();
      parts.add(a.name() + " " + n);
    }
    return String.join(", ", parts);
  }

  private void table() throws IOException {
    int approachWidth = Math.max("APPROACH".length(),
        framework.approaches().stream().mapToInt(a -> a.name().length()).max().orElse(0));
    int idWidth = Math.min(MAX_ID, Math.max(2, rows.stream().mapToInt(r -> r.id().length()).max().orElse(0)));
    int costWidth = Math.max("PER MONTH".length(), rows.stream().mapToInt(r -> r.monthlyText().length()).max().orElse(0));
    int fixed = idWidth + approachWidth + "CONF".length() + costWidth + "WAVE".length() + "WARN".length() + 6 * GAP;
    int nameWidth = Math.max(4, Math.min(WIDTH - fixed, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0)));
    String indent = " ".repeat(idWidth + GAP);
    if (rows.isEmpty()) {
      line("No use case could be scored.");
      return;
    }
    line(style(BOLD, cells(idWidth, nameWidth, approachWidth, costWidth, "ID", "NAME", "APPROACH", "CONF", "PER MONTH", "WAVE",
        "WARN")));
    for (PortfolioRow r : rows) {
      String warn = Integer.toString(r.warnings().size());
      String row = cells(idWidth, nameWidth, approachWidth, costWidth, cut(r.id(), idWidth), cut(r.name(), nameWidth),
          r.approachName(), r.confidenceText(), r.monthlyText(), Integer.toString(r.placement().number()), warn);
      if (!r.warnings().isEmpty() && options.color()) {
        row = row.substring(0, row.length() - warn.length()) + style(YELLOW, warn);
      }
      line(row);
      if (!r.drivers().isEmpty()) {
        line(style(DIM, indent + cut(String.join(", ", r.drivers()), WIDTH - indent.length())));
      }
    }
  }

  private String cells(int idWidth, int nameWidth, int approachWidth, int costWidth, String id, String name, String approach,
      String conf, String cost, String wave, String warn) {
    String gap = " ".repeat(GAP);
    return Format.pad(id, idWidth) + gap + Format.pad(name, nameWidth) + gap + Format.pad(approach, approachWidth) + gap
        + Format.padLeft(conf, 4) + gap + Format.padLeft(cost, costWidth) + gap + Format.padLeft(wave, 4) + gap
        + Format.padLeft(warn, 4);
  }

  private void warnings() throws IOException {
    if (rows.stream().allMatch(r -> r.warnings().isEmpty())) {
      return;
    }
    line("");
    line(style(BOLD, "Warnings"));
    for (PortfolioRow r : rows) {
      if (r.warnings().isEmpty()) {
        continue;
      }
      line("  " + r.id());
      for (Warning w : r.warnings()) {
        for (String l : Wrap.lines("    " + style(YELLOW, "!") + " ", "      ", w.message(), WIDTH)) {
          line(l);
        }
      }
    }
  }

  private void roadmap(List<Sequencer.Group> groups) throws IOException {
    line("");
    line(style(BOLD, "Roadmap"));
    List<Sequencer.Entry> all = groups.stream().flatMap(g -> g.entries().stream()).toList();
    int idWidth = Math.min(MAX_ID, all.stream().mapToInt(e -> e.id().length()).max().orElse(0));
    for (Sequencer.Group g : groups) {
      // Per wave: the outlooks of waiting use cases are long, the others are an approach name.
      int outlookWidth = g.entries().stream().mapToInt(e -> PortfolioRow.outlook(e.placement(), framework).length()).max().orElse(0);
      int nameWidth = WIDTH - "    - ".length() - idWidth - GAP - outlookWidth - GAP;
      line("");
      line(style(BOLD, "  Wave " + g.number() + ": " + g.wave().name()) + " (" + g.wave().timing() + ", "
          + useCases(g.entries().size()) + ")");
      for (String l : Wrap.lines("    ", "    ", g.wave().goal(), WIDTH)) {
        line(style(DIM, l));
      }
      for (Sequencer.Entry e : g.entries()) {
        // Names only where they fit beside the outlook; the table above has them all.
        String name = nameWidth < 12 ? "" : cut(e.name(), nameWidth);
        line(("    - " + Format.pad(cut(e.id(), idWidth), idWidth) + "  "
            + Format.pad(PortfolioRow.outlook(e.placement(), framework), outlookWidth) + "  " + name).stripTrailing());
      }
    }
  }

  /** {@code s} on one line (a CSV name may hold a line break or a tab), cut to {@code width}. */
  private String cut(String s, int width) {
    return Wrap.truncate(s.strip().replaceAll("\\s+", " "), width, options.unicode());
  }

  private static String useCases(int n) {
    return n == 1 ? "1 use case" : n + " use cases";
  }

  private String style(String code, String text) {
    return options.color() ? code + text + RESET : text;
  }

  private void line(String s) throws IOException {
    out.write(s);
    out.write('\n');
  }
}
