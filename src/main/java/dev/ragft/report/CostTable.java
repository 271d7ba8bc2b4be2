package dev.ragft.report;

import dev.ragft.cost.CostEstimate;
import dev.ragft.framework.Framework;
import java.util.ArrayList;
import java.util.List;

/** The cost and latency figures as rows and sentences, shared by the text and Markdown reports. */
final class CostTable {
  private CostTable() {}

  static List<String> header(CostEstimate e) {
    List<String> h = new ArrayList<>(List.of("Approach", "per 1,000", "per month", "one-time", "retraining", "12 months",
        "first token", "budget " + (e.budgetMs() == Long.MAX_VALUE ? "none" : Format.grouped(e.budgetMs()) + " ms")));
    if (e.valueKnown()) {
      h.add("payback");
    }
    return h;
  }

  static List<List<String>> rows(Framework f, CostEstimate e) {
    List<List<String>> rows = new ArrayList<>();
    for (String id : f.approachIds()) {
      CostEstimate.ApproachCost c = e.of(id);
      List<String> row = new ArrayList<>(List.of(
          f.approachName(id),
          Money.format(e.currency(), c.per1000(), 2),
          e.volumeKnown() ? Money.format(e.currency(), c.monthly()) : "n/a",
          Money.format(e.currency(), c.oneTime()),
          c.retrainsPerYear() == 0 ? "-" : Money.format(e.currency(), c.retraining()) + " (" + c.retrainsPerYear() + "x)",
          e.volumeKnown() ? Money.format(e.currency(), c.twelveMonth()) : "n/a",
          Format.grouped(c.latencyMs()) + " ms",
          c.overBudget() ? "OVER" : "ok"));
      if (e.valueKnown()) {
        String p = PortfolioRow.paybackText(c.payback());
        row.add(p.isEmpty() ? "n/a" : p);
      }
      rows.add(row);
    }
    return rows;
  }

  /** "Estimates from prices-2026 (2026-11-01, USD) at 400 requests a day." */
  static String basis(CostEstimate e) {
    String volume = (e.volumeKnown() ? "at " + Format.grouped(e.volumePerDay()) + " requests a day"
        : "volume not given, so no monthly figures")
        + (e.budgetStated() ? ", its own latency budget of " + Format.grouped(e.budgetMs()) + " ms (latency-budget-ms)" : "")
        + (e.valueKnown() ? ", " + Money.format(e.currency(), e.valuePerRequest(), 2) + " of value per request" : "");
    String dated = e.basis().replaceFirst(java.util.regex.Pattern.quote(e.pricesId()),
        java.util.regex.Matcher.quoteReplacement(e.pricesId() + " (" + e.pricesDate() + ", " + e.currency() + ")"));
    return capitalise(dated) + ", " + volume + ".";
  }

  static List<String> breakEvens(Framework f, CostEstimate e) {
    List<String> out = new ArrayList<>();
    for (CostEstimate.BreakEven b : e.breakEvens()) {
      if (b instanceof CostEstimate.BreakEven.At at) {
        out.add(f.approachName(at.approach()) + " costs less than " + f.approachName(at.versus())
            + " over 12 months from " + Format.grouped(at.requestsPerDay()) + " requests a day.");
      } else {
        out.add(f.approachName(b.approach()) + " never costs less than " + f.approachName(b.versus())
            + " over 12 months: it costs no less per request.");
      }
    }
    return out;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
