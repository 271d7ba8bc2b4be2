package dev.ragft.report;

import dev.ragft.framework.Framework;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The formats a scored portfolio renders to; {@code score} and {@code report render} both open their report here. */
public enum PortfolioFormat {
  table,
  markdown,
  csv,
  json,
  html;

  /**
   * A report writing to {@code out}.
   *
   * @param extra CSV pass-through columns (CSV only; empty elsewhere)
   */
  public PortfolioReport open(Writer out, Framework f, List<String> extra, Options options) throws IOException {
    return switch (this) {
      case table -> new PortfolioTable(out, f, options);
      case markdown -> new PortfolioMarkdown(out, f, options.ragftVersion());
      case csv -> new PortfolioCsv(out, f, extra);
      case json -> new PortfolioJson(out, options.ragftVersion());
      case html -> new PortfolioHtml(out, f, options.ragftVersion());
    };
  }
}
