package dev.ragft.report.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes one self-contained HTML report page, line by line, to a {@link Writer}: the doctype, a
 * Content-Security-Policy that forbids loading anything (no script, font, image or stylesheet from
 * anywhere; only the inline style), the base stylesheet every ragft report shares, a header, the
 * sections the caller writes, and a footer. Every line ends with {@code "\n"}; nothing depends on
 * the clock or the machine, so the same calls give the same bytes.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * HtmlPage page = new HtmlPage(writer);
 * page.begin("Benchmark: RAG vs fine-tuning", List.of(HtmlPage.LEGEND_CSS, HtmlPage.PRINT_CSS));
 * page.header("Benchmark: RAG vs fine-tuning", "<p>" + HtmlPage.esc(intro) + "</p>");
 * page.section("slices", "Score per slice");
 * Svg.groupedBars(page, "slice-chart", "Score per slice", groups, 1.0, Svg.Layout.DEFAULT);
 * page.endSection();
 * page.end("Made by ragft bench.");
 * }</pre>
 *
 * <p>Methods that take HTML (named {@code ...Html}) write it as given: escape any text that came
 * from input with {@link #esc(String)} first. Methods that take plain text escape it themselves.
 */
public final class HtmlPage {
  /** Warnings as a compact list: {@code <ul class="warn"><li>...</li></ul>}. */
  public static final String WARNINGS_CSS = "ul.warn{margin:0;padding-left:18px}ul.warn li{font-size:13px}";

  /** A colour legend as {@link Svg#legend} writes it: {@code <p class="legend"><span><i style=...></i>name</span>...}. */
  public static final String LEGEND_CSS = ".legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;"
      + "width:12px;height:12px;margin-right:5px;border-radius:2px;vertical-align:-1px}";

  /**
   * Printing to PDF (A4 or Letter): no page margin of the body's own, colours kept (bars and
   * pills are meaningless in grey), and no chart, table row or section header split across pages.
   */
  public static final String PRINT_CSS = "@media print{@page{margin:14mm}body{max-width:none;padding:0;font-size:12px}"
      + "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{break-after:avoid}"
      + "svg,tr,li{break-inside:avoid}a{color:inherit;text-decoration:none}}";

  /** The stylesheet every page starts with: typography, headings, muted notes, charts, tables, pills, ids. */
  private static final List<String> BASE_CSS = List.of(
      ":root{color-scheme:light;--ink:#1f2933;--muted:#52606d;--line:#d9e2ec}",
      "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink);"
          + "max-width:1180px;margin:0 auto;padding:24px 28px 48px;background:#fff}",
      "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 8px;border-bottom:1px solid var(--line);"
          + "padding-bottom:4px}h3{font-size:16px;margin:18px 0 4px}",
      "header p,.note,footer{color:var(--muted)}footer{margin-top:40px;font-size:13px}",
      "svg{display:block;max-width:100%;height:auto}svg text{font-family:inherit}",
      "table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);"
          + "padding:6px 8px;text-align:left;vertical-align:top}th{background:#f5f7fa}td.num{text-align:right}",
      ".pill{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:13px;white-space:nowrap}",
      ".id{color:var(--muted);font-size:12px;font-family:ui-monospace,Menlo,Consolas,monospace}");

  private final Writer out;

  /** A page written to {@code out}; the caller owns the writer ({@link #end} flushes it but does not close it). */
  public HtmlPage(Writer out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Writes everything up to and including {@code <body>}: doctype, {@code <html lang="en">},
   * charset, the Content-Security-Policy ({@code default-src 'none'; style-src 'unsafe-inline'}),
   * viewport, {@code <title>} (escaped), and one {@code <style>} block with the base rules
   * followed by {@code extraCss}, one rule set per line, in the order given.
   *
   * @param title plain text, escaped here
   * @param extraCss further CSS lines for this page, e.g. {@link #WARNINGS_CSS}, {@link #LEGEND_CSS},
   *     {@link #PRINT_CSS} or the page's own rules; written as given
   */
  public void begin(String title, List<String> extraCss) throws IOException {
    line("<!DOCTYPE html>");
    line("<html lang=\"en\">");
    line("<head>");
    line("<meta charset=\"utf-8\">");
    line("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    line("<title>" + esc(title) + "</title>");
    line("<style>");
    for (String css : BASE_CSS) {
      line(css);
    }
    for (String css : extraCss) {
      line(css);
    }
    line("</style>");
    line("</head>");
    line("<body>");
  }

  /**
   * Writes {@code <header><h1>title</h1>introHtml</header>}, one element a line.
   *
   * @param title plain text, escaped here
   * @param introHtml HTML written as given (usually one {@code <p>}); empty for none
   */
  public void header(String title, String introHtml) throws IOException {
    line("<header>");
    line("<h1>" + esc(title) + "</h1>");
    if (!introHtml.isEmpty()) {
      line(introHtml);
    }
    line("</header>");
  }

  /**
   * Opens {@code <section id="id">} with an {@code <h2>} heading; close it with {@link #endSection()}.
   * The id is the anchor other parts of the page (and tests) refer to.
   *
   * @param id an HTML id: letters, digits and hyphens (escaped anyway)
   * @param heading plain text, escaped here
   */
  public void section(String id, String heading) throws IOException {
    line("<section id=\"" + esc(id) + "\">");
    line("<h2>" + esc(heading) + "</h2>");
  }

  /** Closes the section {@link #section} opened. */
  public void endSection() throws IOException {
    line("</section>");
  }

  /** Writes one line of HTML as given, followed by {@code "\n"}. */
  public void line(String html) throws IOException {
    out.write(html);
    out.write('\n');
  }

  /**
   * Writes {@code <footer>footerHtml</footer>}, closes body and html, and flushes the writer.
   *
   * @param footerHtml HTML written as given
   */
  public void end(String footerHtml) throws IOException {
    line("<footer>" + footerHtml + "</footer>");
    line("</body>");
    line("</html>");
    out.flush();
  }

  /**
   * Escapes text for HTML element content and double- or single-quoted attribute values:
   * {@code & < > " '}. Everything else, including non-ASCII, is kept (pages are UTF-8).
   */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
