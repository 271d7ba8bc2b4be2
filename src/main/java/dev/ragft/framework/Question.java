package dev.ragft.framework;

import java.util.List;
import java.util.Optional;

/** A framework question: choose one of a list, or give a whole number. */
public sealed interface Question permits Question.ChoiceQuestion, Question.NumberQuestion {
  String id();

  /** A short name for tables ("Knowledge freshness"). */
  String label();

  /** The question as asked ("How often does the knowledge behind this use case change?"). */
  String prompt();

  String help();

  boolean required();

  record ChoiceQuestion(
      String id, String label, String prompt, String help, boolean required, List<Choice> choices)
      implements Question {
    public ChoiceQuestion {
      choices = List.copyOf(choices);
    }

    public Optional<Choice> choice(String choiceId) {
      for (Choice c : choices) {
        if (c.id().equals(choiceId)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    public List<String> choiceIds() {
      return choices.stream().map(Choice::id).toList();
    }
  }

  /**
   * A whole-number answer (training pairs, daily volume). {@code bands} cover 0 to unbounded
   * without gaps, so every number falls in exactly one band.
   */
  record NumberQuestion(
      String id, String label, String prompt, String help, boolean required, String unit, List<Band> bands)
      implements Question {
    public NumberQuestion {
      bands = List.copyOf(bands);
    }

    public Band band(long value) {
      return bands.get(bandIndex(value));
    }

    /**
     * Where in {@link #bands()} the band holding {@code value} is. (Not {@code bands().indexOf}:
     * that compares records with equals, whose first calls cost start-up milliseconds.)
     */
    public int bandIndex(long value) {
      for (int i = 0; i < bands.size(); i++) {
        if (bands.get(i).contains(value)) {
          return i;
        }
      }
      throw new IllegalArgumentException(id + ": no band holds " + value);
    }
  }
}
