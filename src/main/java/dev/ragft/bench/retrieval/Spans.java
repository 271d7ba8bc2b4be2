package dev.ragft.bench.retrieval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Cuts the answer out of the sentence the reader chose, with rules a person would use on a
 * quoted sentence, not with a trained model:
 *
 * <ul>
 *   <li>a question that asks for a quantity ("how many", "how much", "how long", "when", "what
 *       year", ...) is answered by the number in the sentence nearest to the words it shares with
 *       the question, with its unit ("48 hours", "$150", "10 GB per agent", "March 2026");
 *   <li>with a hint (the answer a trained model learnt), the number whose neighbours look most like
 *       the hint is taken ("20 GB per agent" learnt, "10 GB per agent" quoted): the learnt format,
 *       the current fact;
 *   <li>otherwise the sentence loses its leading words that only restate the question and
 *       everything after its first clause break.
 * </ul>
 */
final class Spans {
  private static final Pattern QUANTITY = Pattern.compile("\\b(how (many|much|long|often|old|big|large|soon|fast|far)"
      + "|what (year|percentage|percent|price|version|size|limit|amount|number)|which year|when)\\b");
  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final Set<String> QUALIFIERS = Set.of("above", "below", "over", "under", "within", "about", "around",
      "approximately", "every");
  /** Words a unit may have after its number ("$12 per user per month"). */
  private static final int UNIT_WORDS = 4;
  /** Words that end a unit: what follows them is no longer the quantity ("38 countries | from ..."). */
  private static final Set<String> UNIT_ENDS = Set.of("from", "in", "into", "on", "at", "by", "for", "with", "of",
      "to", "than", "after", "before", "during", "via", "through", "across", "within", "and", "or", "but", "which",
      "that", "who", "when", "where", "while", "is", "are", "was", "were", "be", "can", "will");

  private final Function<String, List<String>> analyse;

  /** {@code analyse} turns a word into index terms (none for a stop word). */
  Spans(Function<String, List<String>> analyse) {
    this.analyse = analyse;
  }

  String span(String sentence, String question, Set<String> questionTerms, String hint) {
    String[] words = sentence.strip().split("\\s+");
    // A word restates the question when all its index terms are the question's, stop words included.
    boolean[] restates = new boolean[words.length];
    for (int i = 0; i < words.length; i++) {
      restates[i] = questionTerms.containsAll(analyse.apply(words[i]));
    }
    boolean numericHint = hint.chars().anyMatch(Character::isDigit);
    if (QUANTITY.matcher(question.toLowerCase(Locale.ROOT)).find() || numericHint) {
      int n = bestNumber(words, restates, numericHint ? hint : "");
      if (n >= 0) {
        return clean(quantity(words, n));
      }
    }
    return clean(clause(words, restates, sentence));
  }

  /**
   * The number token closest to the question's words (the sum of 1 / distance over them); with a
   * hint, first the one whose neighbours share most with it.
   */
  private int bestNumber(String[] words, boolean[] restates, String hint) {
    List<String> hintWords = Arrays.stream(hint.toLowerCase(Locale.ROOT).split("\\s+")).map(Spans::bare).toList();
    int best = -1;
    int bestShared = -1;
    double bestCloseness = -1;
    for (int i = 0; i < words.length; i++) {
      if (!isNumber(words[i])) {
        continue;
      }
      int shared = 0;
      for (int j = Math.max(0, i - 1); j <= Math.min(words.length - 1, i + UNIT_WORDS); j++) {
        if (j != i && hintWords.contains(bare(words[j]))) {
          shared++;
        }
      }
      double closeness = 0;
      for (int j = 0; j < words.length; j++) {
        if (j != i && restates[j] && !analyse.apply(words[j]).isEmpty()) {
          closeness += 1.0 / Math.abs(i - j);
        }
      }
      if (shared > bestShared || (shared == bestShared && closeness > bestCloseness)) {
        best = i;
        bestShared = shared;
        bestCloseness = closeness;
      }
    }
    return best;
  }

  /** The number at {@code n} with a month or qualifier before it and its unit after it. */
  private String quantity(String[] words, int n) {
    int from = n;
    if (n > 0 && (MONTHS.contains(bare(words[n - 1])) || QUALIFIERS.contains(bare(words[n - 1])))) {
      from = n - 1;
    }
    int to = n + 1;
    while (to < words.length && to - n <= UNIT_WORDS && !endsClause(words[to - 1]) && !isNumber(words[to])
        && !UNIT_ENDS.contains(bare(words[to]))) {
      to++;
    }
    return String.join(" ", Arrays.asList(words).subList(from, to));
  }

  /** The sentence from its first word that does not restate the question, to its first clause break. */
  private static String clause(String[] words, boolean[] restates, String sentence) {
    int from = 0;
    while (from < words.length && restates[from]) {
      from++;
    }
    if (from == words.length) {
      return sentence;
    }
    int to = from + 1;
    while (to < words.length && !endsClause(words[to - 1])) {
      to++;
    }
    return String.join(" ", Arrays.asList(words).subList(from, to));
  }

  private static boolean endsClause(String word) {
    return word.endsWith(",") || word.endsWith(";") || word.endsWith(":") || word.endsWith(".")
        || word.equals("—") || word.equals("-");
  }

  private static boolean isNumber(String word) {
    return word.chars().anyMatch(Character::isDigit);
  }

  /** A word without surrounding punctuation, lower-cased. */
  private static String bare(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}$€£]+|[^\\p{L}\\p{N}%]+$", "");
  }

  private static String clean(String span) {
    return span.replaceAll("[.,;:!?]+$", "");
  }
}
