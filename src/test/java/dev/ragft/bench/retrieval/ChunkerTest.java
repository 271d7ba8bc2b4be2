package dev.ragft.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.bench.dataset.Document;
import dev.ragft.input.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  static Document doc(String id, String text) {
    return new Document(id, "Title " + id, text, "", Location.ofFile("corpus.jsonl"));
  }

  @Test
  void splitsSentencesAtStopsFollowedByACapitalOrDigitAndAtLineBreaks() {
    assertThat(Sentences.split("It costs $12. Billing is monthly! Is it? yes it is.\nNew line. 99.9% uptime."))
        .containsExactly("It costs $12.", "Billing is monthly!", "Is it? yes it is.", "New line.", "99.9% uptime.");
  }

  @Test
  void aDocumentThatFitsIsOnePassageWithTheDocumentsId() {
    List<Passage> p = new Chunker(50).chunk(List.of(doc("a", "One two three. Four five.")));
    assertThat(p).containsExactly(new Passage("a", "a", "Title a", "One two three. Four five."));
  }

  @Test
  void longerDocumentsAreCutIntoNumberedPassagesOfWholeSentences() {
    List<Passage> p = new Chunker(5).chunk(List.of(doc("a", "One two three. Four five. Six seven eight nine ten eleven. End.")));
    assertThat(p).extracting(Passage::id).containsExactly("a#1", "a#2", "a#3");
    assertThat(p).extracting(Passage::text)
        .containsExactly("One two three. Four five.", "Six seven eight nine ten eleven.", "End.");
    assertThat(p).extracting(Passage::docId).containsOnly("a");
  }

  @Test
  void anEmptyDocumentIsStillOnePassage() {
    assertThat(new Chunker(5).chunk(List.of(doc("e", "")))).extracting(Passage::id).containsExactly("e");
  }
}
