package dev.ragft.decision;

import java.util.Objects;

/** One answer: a choice id, or a whole number. */
public sealed interface Answer permits Answer.ChoiceAnswer, Answer.NumberAnswer {
  /** The answer as written in files and flags ("daily", "1200"). */
  String value();

  record ChoiceAnswer(String id) implements Answer {
    public ChoiceAnswer {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String value() {
      return id;
    }
  }

  record NumberAnswer(long number) implements Answer {
    public NumberAnswer {
      if (number < 0) {
        throw new IllegalArgumentException("a number answer cannot be negative: " + number);
      }
    }

    @Override
    public String value() {
      return Long.toString(number);
    }

    /** With thousands separators, for prose ("12,000"). */
    public String grouped() {
      return Grouped.of(number);
    }
  }
}
