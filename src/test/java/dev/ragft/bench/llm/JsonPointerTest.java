package dev.ragft.bench.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.input.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonPointerTest {
  static final Node DOC = Json.parse("{\"hits\": {\"hits\": [{\"_id\": \"a\", \"_score\": 1.5}, {\"_id\": \"b\"}]},"
      + " \"a/b\": {\"m~n\": \"x\"}, \"n\": null}").orElseThrow();

  @Test
  void stepsThroughKeysAndArrayIndexes() {
    assertThat(JsonPointer.parse("/hits/hits/1/_id").text(DOC)).contains("b");
    assertThat(JsonPointer.parse("/hits/hits/0/_score").text(DOC)).contains("1.5");
    assertThat(JsonPointer.parse("/hits/hits").at(DOC)).get().isInstanceOf(Node.ListNode.class);
    assertThat(JsonPointer.parse("").at(DOC)).contains(DOC);
  }

  @Test
  void unescapesSlashAndTildeAsRfc6901Says() {
    assertThat(JsonPointer.parse("/a~1b/m~0n").text(DOC)).contains("x");
  }

  @Test
  void aMissingStepANullOrAnIndexOutOfRangeIsEmpty() {
    assertThat(JsonPointer.parse("/hits/total").at(DOC)).isEmpty();
    assertThat(JsonPointer.parse("/hits/hits/2").at(DOC)).isEmpty();
    assertThat(JsonPointer.parse("/hits/hits/01").at(DOC)).isEmpty();
    assertThat(JsonPointer.parse("/n").text(DOC)).isEmpty();
  }

  @Test
  void aPointerWithoutTheLeadingSlashOrWithABadEscapeIsRefused() {
    assertThatThrownBy(() -> JsonPointer.parse("hits")).hasMessageContaining("starts with '/'");
    assertThatThrownBy(() -> JsonPointer.parse("/a~2")).hasMessageContaining("'~' must be followed by 0");
  }

  @Test
  void aQuestionIsFilledInAsAJsonStringWithItsQuotes() {
    RequestTemplate t = new RequestTemplate("http://h/s?q={{question}}&n={{k}}", "{\"q\": {{question}}, \"v\": {{vector}}}");
    assertThat(t.body("say \"hi\"\n\\ now", 3, new float[] {0.5f, -1f}))
        .isEqualTo("{\"q\": \"say \\\"hi\\\"\\n\\\\ now\", \"v\": [0.5,-1.0]}");
    assertThat(t.url("a&b ?", 3)).isEqualTo("http://h/s?q=a%26b+%3F&n=3");
    assertThat(Json.parse(t.body("x", 1, new float[] {1e-7f}))).isPresent();
  }

  @Test
  void everyShippedTemplateReadsWithoutAProblem() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples/endpoints"))) {
      for (Path f : files.sorted().toList()) {
        BenchConfig c = ConfigReader.readAll(Optional.of(f.toString()), Path.of(""), Map.of());
        assertThat(c.any()).as(f.toString()).isTrue();
      }
    }
  }
}
