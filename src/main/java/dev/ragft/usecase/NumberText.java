package dev.ragft.usecase;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole numbers as people type them: {@code 12000}, {@code 12,000}, {@code 12_000}, {@code 12k},
 * {@code 1.5k}, {@code 2m}. Anything else, including negatives and fractions of one, is refused.
 */
public final class NumberText {
  private static final Pattern FORM = Pattern.compile("(\\d{1,3}(?:[,_]\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*([kKmM]?)");

  private NumberText() {}

  public static OptionalLong parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    String whole = m.group(1).replace(",", "").replace("_", "");
    String fraction = m.group(2) == null ? "" : m.group(2);
    String suffix = m.group(3).toLowerCase(Locale.ROOT);
    int scale = switch (suffix) {
      case "k" -> 3;
      case "m" -> 6;
      default -> 0;
    };
    if (fraction.length() > scale) {
      return OptionalLong.empty(); // 1.5 pairs, or 1.2345k: not a whole number
    }
    String digits = whole + fraction + "0".repeat(scale - fraction.length());
    if (digits.length() > 15) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }
}
