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
   * A whole-number answer (training pairs, daily volume). {@code scale} says what each number earns
   * (bands covering 0 to unbounded, or a curve relative to {@code floor}); {@code floor} is the
   * task-dependent minimum where one applies ({@link Floor#NONE} otherwise); numbers above {@code
   * plausibleMax} are accepted with a warning, since they are more likely a typo than a use case.
   */
  record NumberQuestion(
      String id,
      String label,
      String prompt,
      String help,
      boolean required,
      String unit,
      Scale scale,
      Floor floor,
      long plausibleMax)
      implements Question {
    public NumberQuestion {
      java.util.Objects.requireNonNull(scale, "scale");
      java.util.Objects.requireNonNull(floor, "floor");
    }

    /** The bands of a band scale; empty for a curve. */
    public List<Band> bands() {
      return scale instanceof Scale.Bands b ? b.bands() : List.of();
    }
  }
}
