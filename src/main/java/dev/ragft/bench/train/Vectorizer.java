package dev.ragft.bench.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text to TF-IDF vectors over hashed features: words, word pairs, and character 2- to 5-grams of
 * each word padded with spaces (so "refund" and "refunds" share most features). Features are
 * hashed into {@code 2^bits} buckets (no vocabulary to store); term frequency is sublinear
 * (1 + ln tf), weighted by smoothed idf learned from the training texts, and the vector has unit
 * length.
 */
public final class Vectorizer {
  private static final int MIN_CHAR_GRAM = 2;
  private static final int MAX_CHAR_GRAM = 5;

  private final int bits;
  private final float[] idf;

  private Vectorizer(int bits, float[] idf) {
    this.bits = bits;
    this.idf = idf;
  }

  /** Learns idf from {@code texts}. */
  public static Vectorizer fit(List<String> texts, int bits) {
    if (bits < 4 || bits > 26) {
      throw new IllegalArgumentException("bits must be 4 to 26, got " + bits);
    }
    int dims = 1 << bits;
    int[] df = new int[dims];
    Vectorizer raw = new Vectorizer(bits, null);
    for (String t : texts) {
      for (int i : raw.counts(t).indices()) {
        df[i]++;
      }
    }
    float[] idf = new float[dims];
    int n = texts.size();
    for (int i = 0; i < dims; i++) {
      idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df[i])) + 1.0);
    }
    return new Vectorizer(bits, idf);
  }

  public int dimensions() {
    return 1 << bits;
  }

  public SparseVector transform(String text) {
    SparseVector c = counts(text);
    float[] v = c.values();
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((1.0 + Math.log(v[i])) * idf[c.indices()[i]]);
      norm += (double) v[i] * v[i];
    }
    if (norm > 0) {
      float inv = (float) (1.0 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return c;
  }

  /** Raw feature counts, indices ascending. */
  private SparseVector counts(String text) {
    String[] words = words(text);
    int mask = (1 << bits) - 1;
    int[] buf = new int[64];
    int n = 0;
    for (int w = 0; w < words.length; w++) {
      buf = grow(buf, n + 2 + MAX_CHAR_GRAM * (words[w].length() + 2));
      buf[n++] = hash('w', words[w], null) & mask;
      if (w + 1 < words.length) {
        buf[n++] = hash('b', words[w], words[w + 1]) & mask;
      }
      int padded = words[w].length() + 2; // the word with a space on either side
      for (int g = MIN_CHAR_GRAM; g <= MAX_CHAR_GRAM; g++) {
        for (int s = 0; s + g <= padded; s++) {
          buf[n++] = hashPadded(words[w], s, s + g) & mask;
        }
      }
    }
    int[] all = Arrays.copyOf(buf, n);
    Arrays.sort(all);
    int distinct = 0;
    int[] idx = new int[n];
    float[] cnt = new float[n];
    for (int i = 0; i < n; i++) {
      if (distinct > 0 && idx[distinct - 1] == all[i]) {
        cnt[distinct - 1]++;
      } else {
        idx[distinct] = all[i];
        cnt[distinct] = 1;
        distinct++;
      }
    }
    return new SparseVector(Arrays.copyOf(idx, distinct), Arrays.copyOf(cnt, distinct));
  }

  private static int[] grow(int[] buf, int needed) {
    return needed <= buf.length ? buf : Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
  }

  /** Lower-case runs of letters and digits. */
  static String[] words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean word = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
    }
    return out.toArray(String[]::new);
  }

  // FNV-1a, 32 bits, with a kind prefix so a word and a character gram never share a hash by design.
  private static int hash(char kind, String a, String b) {
    int h = 0x811c9dc5;
    h = (h ^ kind) * 0x01000193;
    for (int i = 0; i < a.length(); i++) {
      h = (h ^ a.charAt(i)) * 0x01000193;
    }
    if (b != null) {
      h = (h ^ ' ') * 0x01000193;
      for (int i = 0; i < b.length(); i++) {
        h = (h ^ b.charAt(i)) * 0x01000193;
      }
    }
    return mix(h);
  }

  /** The hash of characters [from, to) of " " + word + " ", without building that string. */
  private static int hashPadded(String word, int from, int to) {
    int h = 0x811c9dc5;
    h = (h ^ 'c') * 0x01000193;
    for (int i = from; i < to; i++) {
      char c = i == 0 || i == word.length() + 1 ? ' ' : word.charAt(i - 1);
      h = (h ^ c) * 0x01000193;
    }
    return mix(h);
  }

  /** Spreads FNV's low bits, which the bucket mask keeps. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
