package dev.ragft.bench.llm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to a team's own service as {@code ragft.yaml} writes it: a URL and a JSON body with
 * placeholders. In the body {@code {{question}}} becomes a JSON string (quotes included, escaped),
 * {@code {{k}}} a whole number and {@code {{vector}}} the question's embedding as a JSON array; in
 * the URL {@code {{question}}} and {@code {{k}}} are URL-encoded. So a template never needs quoting
 * rules of its own: {@code {"size": {{k}}, "query": {"match": {"text": {{question}}}}}}.
 *
 * @param url the URL template
 * @param body the body template; empty for a GET without body
 */
public record RequestTemplate(String url, String body) {
  public static final Set<String> PLACEHOLDERS = Set.of("question", "k", "vector");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_-]+)\\s*}}");

  public RequestTemplate {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
  }

  /** The placeholders {@code text} uses that ragft does not know, sorted. */
  static Set<String> unknown(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  static boolean uses(String text, String placeholder) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(placeholder)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the question's embedding is asked for. */
  public boolean usesVector() {
    return uses(body, "vector");
  }

  /** The URL for one question. */
  public String url(String question, int k) {
    return fill(url, Map.of("question", URLEncoder.encode(question, StandardCharsets.UTF_8), "k", Integer.toString(k),
        "vector", ""));
  }

  /** The body for one question; {@code vector} is empty unless the template uses it. */
  public String body(String question, int k, float[] vector) {
    return fill(body, Map.of("question", jsonString(question), "k", Integer.toString(k), "vector", jsonArray(vector)));
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** {@code s} as a JSON string literal, quotes included. */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String jsonArray(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 12).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(Float.toString(v[i]));
    }
    return b.append(']').toString();
  }
}
