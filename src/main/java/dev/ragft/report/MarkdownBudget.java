package dev.ragft.report;

import java.util.List;
import java.util.Locale;

/**
 * The room a Markdown report has: a GitHub pull-request comment holds at most 65,536 characters,
 * so every Markdown report stays under {@link #LIMIT}. A report writes its fixed parts (headings,
 * summary, the openings and closings of {@code <details>} blocks) in full and lets the long lists
 * share what is left: each list takes the items that fit and then says, in a visible note, how
 * many were left out and where the whole of them is.
 */
public final class MarkdownBudget {
  /** Under GitHub's 65,536 and leaving room for a heading a pipeline adds above the report. */
  public static final int LIMIT = 65_000;

  /** Room kept for one cut note (they are one line of under 320 characters). */
  public static final int NOTE = 320;

  private int room;

  /**
   * @param fixed the length of everything the report writes whatever happens
   * @param lists how many lists may be cut (each may need a note)
   */
  public MarkdownBudget(int fixed, int lists) {
    this.room = LIMIT - 1 - fixed - lists * NOTE;
  }

  /** Appends the items of {@code items} that fit, then a note naming how many were left out and {@code where} they all are. */
  public void append(StringBuilder b, List<String> items, String what, String where) {
    int n = 0;
    for (String item : items) {
      if (item.length() > room) {
        break;
      }
      b.append(item);
      room -= item.length();
      n++;
    }
    if (n < items.size()) {
      b.append(String.format(Locale.ROOT, "%n_%d more %s left out to keep this report under %,d characters"
          + " (a pull-request comment's limit); %s._%n", items.size() - n, what, LIMIT, where));
    }
  }
}
