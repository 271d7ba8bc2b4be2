package dev.ragft.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {
  private static Map<String, Answer> given() {
    Map<String, Answer> m = new LinkedHashMap<>();
    m.put("freshness", new Answer.ChoiceAnswer("daily"));
    m.put("training-pairs", new Answer.NumberAnswer(0));
    return m;
  }

  @Test
  void aRecordKeepsItsOwnCopyOfTheMapItWasGiven() {
    Map<String, Answer> m = given();
    Answers a = new Answers(m);
    m.put("freshness", new Answer.ChoiceAnswer("static"));
    assertThat(a.choice("freshness")).contains("daily");
    assertThatThrownBy(() -> a.values().put("task", new Answer.ChoiceAnswer("lookup")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withReplacesOneAnswerInANewRecordAndLeavesTheOldOneAsItWas() {
    Answers a = new Answers(given());
    Answers b = a.with("training-pairs", new Answer.NumberAnswer(1000)).with("task", new Answer.ChoiceAnswer("lookup"));
    assertThat(a.number("training-pairs")).hasValue(0);
    assertThat(a.values()).doesNotContainKey("task");
    assertThat(b.number("training-pairs")).hasValue(1000);
    assertThat(b.values().keySet()).containsExactly("freshness", "training-pairs", "task");
    assertThat(b.with("task", new Answer.ChoiceAnswer("lookup"))).isEqualTo(b).hasSameHashCodeAs(b);
    assertThatThrownBy(() -> b.values().remove("task")).isInstanceOf(UnsupportedOperationException.class);
  }
}
