package dev.ragft.input;

import java.util.List;

/** Input a user gave is wrong; carries every problem found, each with its location. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public BadInputException(List<Problem> problems) {
    super(problems.isEmpty() ? "bad input" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public BadInputException(Location where, String message) {
    this(List.of(new Problem(where, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
