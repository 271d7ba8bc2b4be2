package dev.ragft.report.html;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Small inline SVG charts for {@link HtmlPage} reports, drawn by hand so a page needs no script
 * and no library: horizontal bars, grouped horizontal bars (e.g. one group per slice, one bar per
 * approach), vertical columns (e.g. a latency histogram), and a colour legend. Every chart is an
 * {@code <svg id=... role="img" aria-label=...>} whose bars carry a {@code <title>} tooltip, so a
 * screen reader and a mouse both get the exact figure. Coordinates are whole pixels and numbers
 * are formatted with {@link Locale#ROOT}: the same data gives the same bytes.
 *
 * <p>Colours come from {@link #PALETTE} by a stable index (an approach's position in the
 * framework, say), so a colour means the same thing in every chart of a page.
 */
public final class Svg {
  /**
   * Colour-blind-safe colours (Okabe and Ito): blue, reddish purple, vermilion, bluish green,
   * orange, sky blue. Pick with {@link #colour(int)}.
   */
  public static final List<String> PALETTE = List.of("#0072b2", "#cc79a7", "#d55e00", "#009e73", "#e69f00", "#56b4e9");

  /**
   * One bar.
   *
   * @param label plain text drawn beside the bar (left of it in {@link #horizontalBars}, under it in
   *     {@link #columns}); unused in {@link #groupedBars}, where the group is labelled and a legend names the colours
   * @param value the bar's length, in the chart's units (0 to the chart's {@code max})
   * @param valueText the figure written at the bar's end, e.g. {@code "72"} or {@code "0.81"}; empty for none
   * @param colour a CSS colour, usually {@link #colour(int)}
   * @param tooltip plain text shown on hover and read by screen readers, e.g. {@code "RAG: 72 of 100"}
   * @param error an error bar around the bar's end (an interval of the value), drawn in bar charts as a whisker
   */
  public record Bar(String label, double value, String valueText, String colour, String tooltip,
      java.util.Optional<Range> error) {
    public Bar {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(valueText, "valueText");
      Objects.requireNonNull(colour, "colour");
      Objects.requireNonNull(tooltip, "tooltip");
      Objects.requireNonNull(error, "error");
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException("bar value must be finite and at least 0, got " + value);
      }
    }

    /** A bar without an error bar. */
    public Bar(String label, double value, String valueText, String colour, String tooltip) {
      this(label, value, valueText, colour, tooltip, java.util.Optional.empty());
    }
  }

  /** The ends of an error bar, in the chart's units. */
  public record Range(double low, double high) {
    public Range {
      if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
        throw new IllegalArgumentException("error bar must be finite with low <= high, got " + low + " to " + high);
      }
    }
  }

  /** A labelled group of bars drawn together, e.g. a slice with one bar per approach. */
  public record Group(String label, List<Bar> bars) {
    public Group {
      Objects.requireNonNull(label, "label");
      bars = List.copyOf(bars);
    }
  }

  /** One entry of a legend: a colour swatch and its name. */
  public record Series(String name, String colour) {
    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(colour, "colour");
    }
  }

  /**
   * The geometry of a horizontal chart, in pixels.
   *
   * @param width the whole chart's width
   * @param labelWidth room left of the bars for labels (right-aligned, 10 px before the bars)
   * @param barHeight each bar's height
   * @param gap space between bars (or groups), and above the first and below the last
   * @param valueWidth room right of the longest bar for its value text
   * @param fontSize labels' and values' font size
   */
  public record Layout(int width, int labelWidth, int barHeight, int gap, int valueWidth, int fontSize) {
    /** 720 wide, 120 for labels, 30 high bars 12 apart, 80 for the value, 15 px text. */
    public static final Layout DEFAULT = new Layout(720, 120, 30, 12, 80, 15);

    public Layout {
      if (width <= labelWidth + valueWidth || barHeight <= 0 || gap < 0 || fontSize <= 0) {
        throw new IllegalArgumentException("layout leaves no room for bars: " + width + " wide, " + labelWidth
            + " for labels, " + valueWidth + " for values, bars " + barHeight + " high");
      }
    }

    /** The same layout with other label room, e.g. 260 for long slice or use-case names. */
    public Layout withLabelWidth(int w) {
      return new Layout(width, w, barHeight, gap, valueWidth, fontSize);
    }

    int barRoom() {
      return width - labelWidth - valueWidth;
    }

    /** Where text sits on a bar that starts at {@code y}: roughly centred for the font size. */
    int baseline(int y) {
      return y + barHeight / 2 + fontSize / 3;
    }
  }

  private Svg() {}

  /** The palette colour for a stable index (0 = first); indexes past the end wrap, negative ones give the first. */
  public static String colour(int index) {
    return PALETTE.get(Math.max(0, index) % PALETTE.size());
  }

  /**
   * The opening tag of a chart: {@code <svg id role="img" aria-label width height viewBox xmlns>}.
   * Close it with {@link #close()}. For charts these helpers do not draw (timelines, heat maps).
   *
   * @param id the element id (escaped)
   * @param ariaLabel what the chart shows, in words, for screen readers (escaped)
   */
  public static String open(String id, String ariaLabel, int width, int height) {
    return "<svg id=\"" + HtmlPage.esc(id) + "\" role=\"img\" aria-label=\"" + HtmlPage.esc(ariaLabel) + "\" width=\"" + width
        + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  }

  /** The closing tag of a chart {@link #open} started. */
  public static String close() {
    return "</svg>";
  }

  /**
   * A horizontal bar chart, one bar a row: the label right-aligned left of the bar, the bar scaled
   * so {@code max} fills the room between labels and values, its value text just after its end.
   * A bar of 0 is still drawn 2 px wide, so it reads as "none" rather than as missing. The chart is
   * {@code bars.size() * (barHeight + gap) + gap} high.
   *
   * @param max the value a full-length bar stands for (e.g. 100 for scores, the largest count);
   *     a {@code max} of 0 or less is taken as 1
   */
  public static void horizontalBars(HtmlPage page, String id, String ariaLabel, List<Bar> bars, double max, Layout l)
      throws IOException {
    int height = bars.size() * (l.barHeight() + l.gap()) + l.gap();
    page.line(open(id, ariaLabel, l.width(), height));
    int y = l.gap();
    for (Bar b : bars) {
      page.line("<text x=\"" + (l.labelWidth() - 10) + "\" y=\"" + l.baseline(y) + "\" text-anchor=\"end\" font-size=\""
          + l.fontSize() + "\">" + HtmlPage.esc(b.label()) + "</text>");
      bar(page, l, l.labelWidth(), y, b, max);
      y += l.barHeight() + l.gap();
    }
    page.line(close());
  }

  /**
   * Grouped horizontal bars: for each group its label (left, level with the group's first bar),
   * then its bars stacked 4 px apart, groups {@code gap} apart. Pair it with {@link #legend} to
   * name the colours; each bar's tooltip should name its series and figure.
   *
   * @param max the value a full-length bar stands for; 0 or less is taken as 1
   */
  public static void groupedBars(HtmlPage page, String id, String ariaLabel, List<Group> groups, double max, Layout l)
      throws IOException {
    int inner = 4;
    int height = l.gap();
    for (Group g : groups) {
      height += Math.max(1, g.bars().size()) * (l.barHeight() + inner) - inner + l.gap();
    }
    page.line(open(id, ariaLabel, l.width(), height));
    int y = l.gap();
    for (Group g : groups) {
      page.line("<g>");
      page.line("<text x=\"" + (l.labelWidth() - 10) + "\" y=\"" + l.baseline(y) + "\" text-anchor=\"end\" font-size=\""
          + l.fontSize() + "\" font-weight=\"600\">" + HtmlPage.esc(g.label()) + "</text>");
      for (Bar b : g.bars()) {
        bar(page, l, l.labelWidth(), y, b, max);
        y += l.barHeight() + inner;
      }
      if (g.bars().isEmpty()) {
        y += l.barHeight() + inner;
      }
      y += l.gap() - inner;
      page.line("</g>");
    }
    page.line(close());
  }

  /**
   * Vertical columns side by side, e.g. a histogram of latencies with one column per bucket: each
   * column's value text above it, its label (e.g. {@code "100–200 ms"}) under it in 12 px text.
   * Columns share the width equally, with a 6 px gap. Labels too wide for their column
   * ({@code "0.01–0.02"} under a 60 px column) go on two rows, every other one lower, so that no
   * two touch.
   *
   * @param height the whole chart's height, labels included (at least 80)
   * @param max the value a full-height column stands for; 0 or less is taken as 1
   */
  /** The widest a character of 12 px label text is taken to be (digits and dashes are narrower). */
  private static final int LABEL_CHAR_PX = 7;

  public static void columns(HtmlPage page, String id, String ariaLabel, List<Bar> bars, double max, int width, int height)
      throws IOException {
    if (height < 80 || bars.isEmpty() || width < bars.size() * 8) {
      throw new IllegalArgumentException("columns need at least 80 px of height and 8 px per column: " + bars.size()
          + " columns in " + width + " x " + height);
    }
    int top = 20;
    int step = width / bars.size();
    int widest = 0;
    for (Bar b : bars) {
      widest = Math.max(widest, b.label().length());
    }
    // 12 px text is at most about 7 px a character; a label needs that, plus a gap, within its column.
    boolean twoRows = widest * LABEL_CHAR_PX + 4 > step;
    int bottom = height - (twoRows ? 38 : 24);
    int room = bottom - top;
    int w = step - 6;
    double scale = max > 0 ? max : 1;
    page.line(open(id, ariaLabel, width, height));
    page.line("<line x1=\"0\" y1=\"" + bottom + "\" x2=\"" + width + "\" y2=\"" + bottom + "\" stroke=\"#9aa5b1\"/>");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int x = i * step + 3;
      int h = Math.max(1, (int) Math.round(room * Math.min(b.value(), scale) / scale));
      int cx = x + w / 2;
      page.line("<rect x=\"" + x + "\" y=\"" + (bottom - h) + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + b.colour()
          + "\"><title>" + HtmlPage.esc(b.tooltip()) + "</title></rect>");
      if (!b.valueText().isEmpty()) {
        page.line("<text x=\"" + cx + "\" y=\"" + (bottom - h - 5) + "\" text-anchor=\"middle\" font-size=\"12\""
            + " font-weight=\"600\">" + HtmlPage.esc(b.valueText()) + "</text>");
      }
      int labelY = twoRows && i % 2 == 0 ? height - 22 : height - 8;
      page.line("<text x=\"" + cx + "\" y=\"" + labelY + "\" text-anchor=\"middle\" font-size=\"12\">"
          + HtmlPage.esc(b.label()) + "</text>");
    }
    page.line(close());
  }

  /**
   * A legend paragraph ({@code <p class="legend note">}; needs {@link HtmlPage#LEGEND_CSS}):
   * {@code noteHtml} as given, then one swatch and name per series.
   */
  public static String legend(String noteHtml, List<Series> series) {
    StringBuilder b = new StringBuilder("<p class=\"legend note\">").append(noteHtml);
    for (Series s : series) {
      b.append("<span><i style=\"background:").append(s.colour()).append("\"></i>").append(HtmlPage.esc(s.name())).append("</span>");
    }
    return b.append("</p>").toString();
  }

  /** A number with fixed decimals for an SVG attribute or label, e.g. {@code fixed(0.456, 2)} is {@code "0.46"}. */
  public static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void bar(HtmlPage page, Layout l, int x, int y, Bar b, double max) throws IOException {
    double scale = max > 0 ? max : 1;
    int w = Math.max((int) Math.round(l.barRoom() * Math.min(b.value(), scale) / scale), 2);
    page.line("<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + l.barHeight() + "\" rx=\"3\" fill=\""
        + b.colour() + "\"><title>" + HtmlPage.esc(b.tooltip()) + "</title></rect>");
    int end = x + w;
    if (b.error().isPresent()) {
      int lo = x + (int) Math.round(l.barRoom() * Math.max(0, Math.min(b.error().get().low(), scale)) / scale);
      int hi = x + (int) Math.round(l.barRoom() * Math.max(0, Math.min(b.error().get().high(), scale)) / scale);
      int mid = y + l.barHeight() / 2;
      int top = y + l.barHeight() / 4;
      int bottom = y + l.barHeight() - l.barHeight() / 4;
      page.line("<path class=\"error-bar\" d=\"M" + lo + " " + mid + "H" + hi + "M" + lo + " " + top + "V" + bottom + "M" + hi
          + " " + top + "V" + bottom + "\" stroke=\"#1f2933\" stroke-width=\"2\" fill=\"none\"/>");
      end = Math.max(end, hi);
    }
    if (!b.valueText().isEmpty()) {
      page.line("<text x=\"" + (end + 8) + "\" y=\"" + l.baseline(y) + "\" font-size=\"" + l.fontSize()
          + "\" font-weight=\"600\">" + HtmlPage.esc(b.valueText()) + "</text>");
    }
  }
}
