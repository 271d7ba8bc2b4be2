package dev.ragft.bench.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PromptsTest {
  @Nested
  class Templates {
    @Test
    void theBuiltInRagPromptHasASystemMessageAndFillsThePlaceholders() {
      PromptTemplate t = PromptTemplate.load(PromptTemplate.Kind.RAG_ANSWER, "", Path.of(""));
      List<Message> m = t.render(Map.of("question", "Q?", "passages", "[a] A: text"));
      assertThat(m).extracting(Message::role).containsExactly("system", "user");
      assertThat(m.get(0).content()).contains("[pricing]").doesNotContain("#");
      assertThat(m.get(1).content()).isEqualTo("Passages:\n[a] A: text\n\nQuestion: Q?");
    }

    @Test
    void withoutASeparatorTheWholeTextIsTheUserMessage() {
      PromptTemplate t = PromptTemplate.parse(PromptTemplate.Kind.FINE_TUNE_ANSWER, "# note\nAnswer: {{ question }}\n",
          "p.txt");
      assertThat(t.render(Map.of("question", "$1 \\ ok"))).containsExactly(new Message("user", "Answer: $1 \\ ok"));
    }

    @Test
    void anUnknownPlaceholderOrAMissingOneIsAnErrorWithItsPlace() {
      assertThatThrownBy(() -> PromptTemplate.parse(PromptTemplate.Kind.RAG_ANSWER, "Hi\n---\nQ: {{question}} {{passage}}\n",
          "my.txt")).hasMessage("my.txt:3:17: unknown placeholder {{passage}}; expected one of {{passages}},"
          + " {{question}}");
      assertThatThrownBy(() -> PromptTemplate.parse(PromptTemplate.Kind.LABEL, "{{question}}", "l.txt"))
          .hasMessage("l.txt: the prompt must contain {{labels}}");
    }

    @Test
    void everyBuiltInPromptLoads() {
      for (PromptTemplate.Kind k : PromptTemplate.Kind.values()) {
        assertThat(PromptTemplate.load(k, "", Path.of("")).name()).isEqualTo("built-in " + k.builtIn());
      }
    }
  }

  @Nested
  class CitationsParsed {
    @Test
    void citedIdsOfShownPassagesAreTakenOutOfTheAnswer() {
      Citations.Cited c = Citations.parse("It costs $12 per user per month [pricing].", Set.of("pricing", "sla"));
      assertThat(c.answer()).isEqualTo("It costs $12 per user per month.");
      assertThat(c.documents()).containsExactly("pricing");
    }

    @Test
    void severalCitationsKeepTheirOrderAndUnknownIdsStay() {
      Citations.Cited c = Citations.parse("Yes [sla][pricing, sla] see [footnote 3]", Set.of("pricing", "sla"));
      assertThat(c.documents()).containsExactly("sla", "pricing");
      assertThat(c.first()).isEqualTo("sla");
      assertThat(c.answer()).isEqualTo("Yes see [footnote 3]");
    }

    @Test
    void noCitationGivesNoDocument() {
      assertThat(Citations.parse("I don't know.", Set.of("a")).first()).isEmpty();
    }
  }

  @Nested
  class Labels {
    final List<String> labels = List.of("billing", "bug", "how-to");

    @Test
    void aBareLabelQuotesOrAFinalStopAreAccepted() {
      assertThat(LabelReply.parse(" billing\n", labels)).hasValue("billing");
      assertThat(LabelReply.parse("\"how-to\".", labels)).hasValue("how-to");
      assertThat(LabelReply.parse("`Bug`", labels)).hasValue("bug");
    }

    @Test
    void anythingElseIsUnparseable() {
      assertThat(LabelReply.parse("The label is billing", labels)).isEmpty();
      assertThat(LabelReply.parse("billing, bug", labels)).isEmpty();
      assertThat(LabelReply.parse("refund", labels)).isEmpty();
      assertThat(LabelReply.parse("", labels)).isEmpty();
    }
  }

  @Test
  void tokensAreEstimatedAtFourCharactersAndTheChatOverhead() {
    assertThat(TokenEstimate.text("")).isZero();
    assertThat(TokenEstimate.text("abcde")).isEqualTo(2);
    assertThat(TokenEstimate.prompt(List.of(new Message("user", "abcdefgh")))).isEqualTo(3 + 4 + 2);
  }
}
