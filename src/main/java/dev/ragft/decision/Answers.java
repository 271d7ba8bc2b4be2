package dev.ragft.decision;

import dev.ragft.framework.Condition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A use case's answers, by question id, in the order they were given. */
public record Answers(Map<String, Answer> values) implements Condition.AnswerLookup {
  public Answers {
    values = java.util.Collections.unmodifiableMap(values instanceof Copy copy ? copy : new Copy(values));
  }

  /**
   * The private copy a record holds. {@link #with} makes one and hands it over without a second
   * copy: what-if calls it hundreds of times per assessment. No one else can make one, so no
   * one else holds a reference to a record's map.
   */
  private static final class Copy extends LinkedHashMap<String, Answer> {
    private static final long serialVersionUID = 1L;

    Copy(Map<String, Answer> values) {
      super(values);
    }
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
    Copy copy = new Copy(values);
    copy.put(questionId, answer);
    return new Answers(copy);
  }
}
