package dev.ragft.usecase;

import dev.ragft.input.Location;
import dev.ragft.input.NodeReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The optional fields beside a use case's answers, as YAML keys and CSV columns of the same
 * names: {@code latency-budget-ms} (a whole number of milliseconds to first token, overriding
 * the latency answer's default) and {@code value-per-request} (what one answered request is
 * worth, in the price file's currency). One parser for every source, so they agree.
 */
public final class Terms {
  public static final String LATENCY_BUDGET = "latency-budget-ms";
  public static final String VALUE = "value-per-request";
  public static final List<String> FIELDS = List.of(LATENCY_BUDGET, VALUE);

  private Terms() {}

  public static OptionalLong budget(String text, Location at, NodeReader r) {
    String t = text.strip();
    OptionalLong n = NumberText.parse(t.endsWith("ms") ? t.substring(0, t.length() - 2) : t);
    if (n.isEmpty() || n.getAsLong() < 1) {
      r.problem(at, LATENCY_BUDGET + ": '" + text + "' is not a budget; expected a whole number of milliseconds, 1 or more"
          + " (such as 300 or 1,200)");
      return OptionalLong.empty();
    }
    return n;
  }

  public static Optional<BigDecimal> value(String text, Location at, NodeReader r) {
    String t = text.strip().replace(",", "");
    if (t.startsWith("$") || t.startsWith("€") || t.startsWith("£")) {
      t = t.substring(1);
    }
    try {
      BigDecimal v = new BigDecimal(t);
      if (v.signum() >= 0) {
        return Optional.of(v);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    r.problem(at, VALUE + ": '" + text + "' is not an amount; expected a number of 0 or more in the price file's"
        + " currency (such as 0.40)");
    return Optional.empty();
  }
}
