package dev.ragft.report;

/** The formats one recommendation renders to; every command that shows one uses this switch. */
public enum RecommendationFormat {
  text,
  markdown,
  json,
  html;

  public String render(Recommendation r, Options options) {
    return switch (this) {
      case text -> TextReport.render(r, options);
      case markdown -> MarkdownReport.render(r, options);
      case json -> JsonReport.render(r, options.ragftVersion());
      case html -> RecommendationHtml.render(r, options);
    };
  }

  /**
   * Whether the report shows the what-ifs, the costliest part of an assessment: text and Markdown
   * only when asked (--what-if), JSON and HTML always. A report that does not show them need not
   * have them searched.
   */
  public boolean showsWhatIfs(Options options) {
    return switch (this) {
      case text, markdown -> options.whatIf();
      case json, html -> true;
    };
  }
}
