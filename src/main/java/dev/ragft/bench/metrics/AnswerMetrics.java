package dev.ragft.bench.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exact match and token F1 of an answer against its gold answers, as the SQuAD evaluation script
 * defines them: both sides lower-cased, ASCII punctuation and the articles a/an/the removed, runs
 * of white space collapsed; the score against several gold answers is the best one.
 */
public final class AnswerMetrics {
  private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private AnswerMetrics() {}

  /** SQuAD's normalize_answer. */
  public static String normalize(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (!isAsciiPunctuation(c)) {
        b.append(c);
      }
    }
    String noArticles = ARTICLES.matcher(b).replaceAll(" ");
    return SPACE.matcher(noArticles).replaceAll(" ").strip();
  }

  /** The normalised answer split on white space. */
  public static List<String> tokens(String s) {
    String n = normalize(s);
    return n.isEmpty() ? List.of() : List.of(SPACE.split(n));
  }

  /**
   * Context recall, token level: the share of a gold answer's tokens (normalised as for token F1,
   * counted with multiplicity) that occur in the passages read, the most of any gold answer; 0 when
   * nothing was read. After the context recall of Es et al., "RAGAS: Automated Evaluation of
   * Retrieval Augmented Generation" (EACL 2024 demos), with token overlap in place of a judge.
   */
  public static double contextRecall(List<String> passages, List<String> golds) {
    java.util.Map<String, Integer> available = new java.util.HashMap<>();
    for (String p : passages) {
      for (String t : tokens(p)) {
        available.merge(t, 1, Integer::sum);
      }
    }
    double best = 0;
    for (String g : golds) {
      List<String> gold = tokens(g);
      if (gold.isEmpty()) {
        continue;
      }
      java.util.Map<String, Integer> left = new java.util.HashMap<>(available);
      int found = 0;
      for (String t : gold) {
        Integer n = left.get(t);
        if (n != null && n > 0) {
          left.put(t, n - 1);
          found++;
        }
      }
      best = Math.max(best, (double) found / gold.size());
    }
    return best;
  }

  /** 1 when the normalised prediction equals a normalised gold answer, else 0. */
  public static double exactMatch(String prediction, List<String> golds) {
    String p = normalize(prediction);
    for (String g : golds) {
      if (normalize(g).equals(p)) {
        return 1.0;
      }
    }
    return 0.0;
  }

  /** The best token F1 of the prediction against any gold answer. */
  public static double f1(String prediction, List<String> golds) {
    List<String> p = tokens(prediction);
    double best = 0.0;
    for (String g : golds) {
      best = Math.max(best, f1(p, tokens(g)));
    }
    return best;
  }

  /**
   * The best token F1 against any gold answer in which every figure of the gold answer (a
   * normalised token with a digit: a price, a limit, a number of days) is also in the prediction;
   * 0 against a gold answer with a figure the prediction lacks. Token F1 alone gives "5 GB per
   * agent" three quarters of the credit for "10 GB per agent": for the facts a business asks
   * about, a wrong figure is a wrong answer, and this is what tells a stale answer from a fresh one.
   */
  public static double factF1(String prediction, List<String> golds) {
    List<String> p = tokens(prediction);
    java.util.Set<String> figures = new java.util.HashSet<>();
    p.stream().filter(AnswerMetrics::isFigure).forEach(figures::add);
    double best = 0.0;
    for (String g : golds) {
      List<String> gold = tokens(g);
      if (gold.stream().filter(AnswerMetrics::isFigure).allMatch(figures::contains)) {
        best = Math.max(best, f1(p, gold));
      }
    }
    return best;
  }

  private static boolean isFigure(String token) {
    return token.chars().anyMatch(Character::isDigit);
  }

  /** Token F1 of two token lists, counting repeated tokens as often as they occur in both. */
  static double f1(List<String> prediction, List<String> gold) {
    if (prediction.isEmpty() || gold.isEmpty()) {
      // SQuAD 2.0: an empty answer scores 1 only against an empty gold answer.
      return prediction.isEmpty() && gold.isEmpty() ? 1.0 : 0.0;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String t : gold) {
      counts.merge(t, 1, Integer::sum);
    }
    int same = 0;
    for (String t : prediction) {
      Integer n = counts.get(t);
      if (n != null && n > 0) {
        same++;
        counts.put(t, n - 1);
      }
    }
    if (same == 0) {
      return 0.0;
    }
    double precision = (double) same / prediction.size();
    double recall = (double) same / gold.size();
    return 2 * precision * recall / (precision + recall);
  }

  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }
}
