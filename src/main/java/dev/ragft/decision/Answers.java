package dev.ragft.decision;

import dev.ragft.framework.Condition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A use case's answers, by question id, in the order they were given. */
public record Answers(Map<String, Answer> values) implements Condition.AnswerLookup {
  public Answers {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Optional<Answer> get(String questionId) {
    return Optional.ofNullable(values.get(questionId));
  }

  @Override
  public Optional<String> choice(String questionId) {
    return values.get(questionId) instanceof Answer.ChoiceAnswer c ? Optional.of(c.id()) : Optional.empty();
  }

  @Override
  public OptionalLong number(String questionId) {
    return values.get(questionId) instanceof Answer.NumberAnswer n ? OptionalLong.of(n.number()) : OptionalLong.empty();
  }

  /** A copy with one answer replaced (or added). */
  public Answers with(String questionId, Answer answer) {
    Map<String, Answer> copy = new LinkedHashMap<>(values);
    copy.put(questionId, answer);
    return new Answers(copy);
  }
}
