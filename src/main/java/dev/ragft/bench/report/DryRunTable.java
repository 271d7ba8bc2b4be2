package dev.ragft.bench.report;

import dev.ragft.bench.llm.TokenEstimate;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.DryRun;
import dev.ragft.bench.run.ModelUse;
import java.util.Locale;

/** The table {@code ragft bench --dry-run} prints: estimated tokens and cost per approach, nothing called. */
public final class DryRunTable {
  private DryRunTable() {}

  public static String render(DryRun.Result r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "ragft bench --dry-run: %s, %d eval cases; no model was called%n", r.dataset(),
        r.cases()));
    b.append(r.endpoint().isEmpty() ? "endpoint: none configured (the figures show what a configured model would cost)"
        : "endpoint: " + r.endpoint()).append("\n\n");
    String head = String.format(Locale.ROOT, "%-10s %-28s %-18s %6s %13s %13s %12s %12s", "approach", "model", "tier",
        "calls", "input tokens", "output tokens", "cost " + r.currency(), "per 1,000");
    b.append(head.stripTrailing()).append('\n').append("-".repeat(head.length())).append('\n');
    double total = 0;
    for (DryRun.Estimate e : r.estimates()) {
      if (e.calls() == 0) {
        b.append(String.format(Locale.ROOT, "%-10s %s%n", e.approach().id(),
            e.approach() == ApproachId.HYBRID ? "offline: runs on a real model only with fine-tune.model" : "no calls"));
        continue;
      }
      if (e.model().equals(ModelUse.TEAM_SYSTEM)) {
        b.append(String.format(Locale.ROOT, "%-10s %-28s %-18s %6d %13s %13s %12s %12s%n", e.approach().id(),
            "team's own system", "-", e.calls(), "-", "-", "-", "-"));
        continue;
      }
      total += e.cost();
      String model = e.model().isEmpty() ? "(not configured)" : e.model();
      b.append(String.format(Locale.ROOT, "%-10s %-28s %-18s %6d %13d %13d %12.6f %12.6f%n", e.approach().id(),
          model.length() > 28 ? model.substring(0, 27) + "~" : model, e.tier(), e.calls(), e.inputTokens(),
          e.outputTokens(), e.cost(), e.cost() / e.calls() * 1000));
    }
    DryRun.Embeddings em = r.embeddings();
    if (em.texts() > 0) {
      total += em.cost();
      b.append(String.format(Locale.ROOT, "%-10s %-28s %-18s %6d %13d %13s %12s %12s%n", "embeddings",
          em.model().length() > 28 ? em.model().substring(0, 27) + "~" : em.model(),
          em.tier().isEmpty() ? "(no tier)" : em.tier(), em.requests(), em.tokens(), "-",
          em.tier().isEmpty() ? "-" : String.format(Locale.ROOT, "%.6f", em.cost()), "-"));
    }
    b.append(String.format(Locale.ROOT, "%ntotal: %.6f %s for one run of the eval set; a rerun answered from the"
        + " response cache costs nothing.%n", total, r.currency()));
    b.append(String.format(Locale.ROOT, "Input tokens: the prompts exactly as bench would send them, at ceil(characters"
        + " / %d) per message + %d per message + %d per request.%n", TokenEstimate.CHARS_PER_TOKEN,
        TokenEstimate.PER_MESSAGE, TokenEstimate.PER_REPLY));
    b.append("Output tokens: the expected answer (or label) at characters / 4, plus the [doc-id] citation for rag.\n");
    if (em.texts() > 0) {
      b.append(String.format(Locale.ROOT, "Embeddings: %d texts (passages, questions, labelled examples) in %d requests,"
          + " at ceil(characters / %d) tokens each; batches already in the cache are not sent again%s.%n", em.texts(),
          em.requests(), TokenEstimate.CHARS_PER_TOKEN, em.tier().isEmpty() ? "; set embeddings.tier to cost them"
          : ""));
    }
    b.append(String.format(Locale.ROOT, "Prices: %s (%s), per-million-token prices of each tier; set rag.tier or"
        + " fine-tune.tier in ragft.yaml.%n", r.pricesId(), r.pricesDate()));
    return b.toString();
  }
}
