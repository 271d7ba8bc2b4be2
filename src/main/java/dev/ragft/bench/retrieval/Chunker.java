package dev.ragft.bench.retrieval;

import dev.ragft.bench.dataset.Corpus;
import dev.ragft.bench.dataset.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts documents into passages of whole sentences, at most {@code maxWords} words each (a longer
 * sentence is a passage of its own). A document that fits is one passage with the document's id;
 * otherwise passages are numbered {@code id#1}, {@code id#2}, ...
 */
public final class Chunker {
  private final int maxWords;

  public Chunker(int maxWords) {
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be 1 or more, got " + maxWords);
    }
    this.maxWords = maxWords;
  }

  /** Identifies how this chunker cuts, for cache keys: the same corpus cut differently is another index. */
  public String key() {
    return "w" + maxWords;
  }

  public List<Passage> chunk(List<Document> documents) {
    List<Passage> out = new ArrayList<>();
    for (Document d : documents) {
      out.addAll(chunk(d));
    }
    return out;
  }

  /** Every passage of a corpus, in memory: for tools and small corpora; bench streams {@link #chunk(Document)}. */
  public List<Passage> chunk(Corpus corpus) {
    List<Passage> out = new ArrayList<>();
    corpus.forEach(d -> out.addAll(chunk(d)));
    return out;
  }

  /** The passages of one document. */
  public List<Passage> chunk(Document d) {
    List<String> pieces = pieces(d.text());
    List<Passage> out = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      String id = pieces.size() == 1 ? d.id() : d.id() + "#" + (i + 1);
      out.add(new Passage(id, d.id(), d.title(), pieces.get(i)));
    }
    return out;
  }

  private List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int words = 0;
    for (String sentence : Sentences.split(text)) {
      int n = sentence.split("\\s+").length;
      if (words > 0 && words + n > maxWords) {
        pieces.add(current.toString());
        current.setLength(0);
        words = 0;
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(sentence);
      words += n;
    }
    if (current.length() > 0 || pieces.isEmpty()) {
      pieces.add(current.toString());
    }
    return pieces;
  }
}
