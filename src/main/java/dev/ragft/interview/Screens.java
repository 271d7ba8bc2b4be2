package dev.ragft.interview;

import dev.ragft.decision.Answer;
import dev.ragft.framework.Choice;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the terminal interview shows, as lines of text: a question with its choices or its input
 * line, the review, the offer to save. Pure, so every screen is tested without a terminal; the
 * jline prompter only draws the frames and reads keys.
 */
public final class Screens {
  private static final String INDENT = "  ";

  private final Style style;

  public Screens(Style style) {
    this.style = Objects.requireNonNull(style, "style");
  }

  /**
   * Lines to draw, and where the cursor goes (row and column in those lines, counted in visible
   * characters); {@code cursorRow} -1 for screens without a text cursor.
   */
  public record Frame(List<String> lines, int cursorRow, int cursorColumn) {
    public Frame {
      lines = List.copyOf(lines);
    }
  }

  /** A choice question: the list with {@code highlighted} marked, the question's help when {@code help}. */
  public Frame choice(Prompter.Ask ask, int highlighted, boolean help, int width) {
    return choice(ask, highlighted, help, Optional.empty(), width, Integer.MAX_VALUE);
  }

  /**
   * As {@link #choice(Prompter.Ask, int, boolean, int)}, with {@code problem} (a key that is not
   * a choice) under the list, in at most {@code height} lines: on a short terminal the help
   * texts are cut first, so that the choices and the key hint stay on screen.
   */
  public Frame choice(Prompter.Ask ask, int highlighted, boolean help, Optional<String> problem, int width, int height) {
    Question.ChoiceQuestion q = (Question.ChoiceQuestion) ask.question();
    List<String> title = title(ask);
    List<String> prompt = prompt(ask, width);
    List<String> questionHelp = help ? questionHelp(ask, width) : List.of();
    List<String> list = new ArrayList<>();
    List<Choice> choices = q.choices();
    for (int i = 0; i < choices.size(); i++) {
      Choice c = choices.get(i);
      String row = (i == highlighted ? style.pointer() : " ") + " " + (i + 1) + "  " + c.label();
      String fitted = fit(INDENT + row, width - c.id().length() - 3);
      list.add(i == highlighted ? style.chosen(fitted) + "  " + style.dim("(" + c.id() + ")") : fitted);
    }
    List<String> choiceHelp = new ArrayList<>();
    for (String l : wrap(choices.get(highlighted).help(), width - 6)) {
      choiceHelp.add(INDENT + "    " + style.dim(l));
    }
    List<String> tail = new ArrayList<>();
    problem.ifPresent(p -> problem(p, width, tail));
    String back = ask.canGoBack() ? style.dot() + "b back" : "";
    tail.add(hint(style.arrows() + " move" + style.dot() + "Enter choose" + style.dot() + "1-" + choices.size()
        + " pick" + style.dot() + "? help" + back + style.dot() + "Ctrl-C save draft and quit", width));
    return new Frame(fitted(height, title, prompt, questionHelp, list, choiceHelp, tail), -1, 0);
  }

  /**
   * The parts of a screen in order, in at most {@code height} lines: the question's help is cut
   * first, then the highlighted choice's help, then the prompt; the title, the choices and the
   * hint are kept whole (a part cut short ends in an ellipsis).
   */
  @SafeVarargs
  private List<String> fitted(int height, List<String>... parts) {
    List<List<String>> p = new ArrayList<>();
    for (List<String> part : parts) {
      p.add(new ArrayList<>(part));
    }
    int total = p.stream().mapToInt(List::size).sum();
    for (int cut : new int[] {2, 4, 1}) { // question help, choice help, prompt
      List<String> part = p.get(cut);
      while (total > height && !part.isEmpty()) {
        part.remove(part.size() - 1);
        total--;
        if (!part.isEmpty()) {
          part.set(part.size() - 1, part.get(part.size() - 1) + style.ellipsis());
        }
      }
    }
    List<String> lines = new ArrayList<>();
    p.forEach(lines::addAll);
    return lines;
  }

  /** A number question: the input line holding {@code typed}, the problem with the last try if any. */
  public Frame number(Prompter.Ask ask, String typed, int caret, Optional<String> problem, boolean help, int width) {
    return number(ask, typed, caret, problem, help, width, Integer.MAX_VALUE);
  }

  /** As {@link #number(Prompter.Ask, String, int, Optional, boolean, int)}, in at most {@code height} lines (the help is cut first). */
  public Frame number(Prompter.Ask ask, String typed, int caret, Optional<String> problem, boolean help, int width,
      int height) {
    Question q = ask.question();
    String prompt = INDENT + style.pointer() + " ";
    List<String> input = List.of(INDENT + style.accent(style.pointer()) + " " + typed);
    List<String> tail = new ArrayList<>();
    problem.ifPresent(p -> problem(p, width, tail));
    String skip = q.required() ? "" : style.dot() + "Enter on empty skips";
    String back = ask.canGoBack() ? style.dot() + "b or Backspace on empty: back" : "";
    tail.add(hint("12000, 12,000 or 12k" + skip + style.dot() + "? help" + back + style.dot()
        + "Ctrl-C save draft and quit", width));
    List<String> title = title(ask);
    List<String> lines = fitted(height, title, prompt(ask, width), help ? questionHelp(ask, width) : List.of(), input,
        List.of(), tail);
    int row = lines.size() - tail.size() - 1;
    return new Frame(lines, row, prompt.length() + caret);
  }

  /** What stays on screen once a question is answered. */
  public String answered(Prompter.Ask ask, Optional<Answer> answer) {
    return style.good(style.done()) + " " + style.dim(ask.number() == 0 ? "optional" : ask.number() + "/" + ask.total()) + " "
        + ask.question().label() + ": " + style.accent(AnswerText.show(ask.question(), answer));
  }

  /** The review: every answer, then "Confirm" (index {@code rows.size()}). */
  public Frame review(Prompter.Review review, int highlighted, int width) {
    List<String> lines = new ArrayList<>();
    lines.add(style.accent("?") + " " + style.bold("Your answers") + style.dim(style.dot()
        + "change any before you see the recommendation"));
    List<Prompter.Row> rows = review.rows();
    int labelWidth = rows.stream().mapToInt(r -> r.question().label().length()).max().orElse(0);
    for (int i = 0; i < rows.size(); i++) {
      Prompter.Row r = rows.get(i);
      String row = fit(INDENT + (i == highlighted ? style.pointer() : " ") + " " + (i + 1) + "  "
          + pad(r.question().label(), labelWidth) + "  " + AnswerText.show(r.question(), r.answer()), width);
      lines.add(i == highlighted ? style.chosen(row) : row);
    }
    String confirm = INDENT + (highlighted == rows.size() ? style.pointer() : " ") + " Confirm and see the recommendation";
    lines.add(highlighted == rows.size() ? style.chosen(confirm) : confirm);
    lines.add(hint(style.arrows() + " move" + style.dot() + "Enter change the answer or confirm" + style.dot() + "1-"
        + rows.size() + " change" + style.dot() + "b back" + style.dot() + "Ctrl-C save draft and quit", width));
    return new Frame(lines, -1, 0);
  }

  /** What stays on screen once the answers are confirmed. */
  public String reviewed(int answered) {
    return style.good(style.done()) + " " + answered + " answers confirmed";
  }

  /** A short list to pick from (the offer to save). */
  public Frame menu(String title, List<String> items, int highlighted, int width) {
    List<String> lines = new ArrayList<>();
    lines.add(style.accent("?") + " " + style.bold(title));
    for (int i = 0; i < items.size(); i++) {
      String row = fit(INDENT + (i == highlighted ? style.pointer() : " ") + " " + items.get(i), width);
      lines.add(i == highlighted ? style.chosen(row) : row);
    }
    lines.add(hint(style.arrows() + " move" + style.dot() + "Enter choose" + style.dot() + "Ctrl-C quit", width));
    return new Frame(lines, -1, 0);
  }

  /** A line of text to type (a file name), with the problem with the last try if any. */
  public Frame text(String title, String typed, int caret, Optional<String> problem, int width) {
    List<String> lines = new ArrayList<>();
    lines.add(style.accent("?") + " " + style.bold(title));
    String prompt = INDENT + style.pointer() + " ";
    lines.add(INDENT + style.accent(style.pointer()) + " " + typed);
    problem.ifPresent(p -> problem(p, width, lines));
    lines.add(hint("Enter accept" + style.dot() + "Ctrl-C quit", width));
    return new Frame(lines, 1, prompt.length() + caret);
  }

  /** A line that stays on screen after a menu or a text line is done. */
  public String result(String title, String value) {
    return style.good(style.done()) + " " + title + " " + style.accent(value);
  }

  private List<String> header(Prompter.Ask ask, boolean help, int width) {
    List<String> lines = new ArrayList<>(title(ask));
    lines.addAll(prompt(ask, width));
    if (help) {
      lines.addAll(questionHelp(ask, width));
    }
    return lines;
  }

  /** "Question 2 of 5 · Task type"; an optional question is not counted: "Optional question · Volume". */
  private List<String> title(Prompter.Ask ask) {
    Question q = ask.question();
    String place = ask.number() == 0 ? "Optional question" : "Question " + ask.number() + " of " + ask.total();
    return List.of(style.accent("?") + " " + style.dim(place + style.dot()) + style.bold(q.label())
        + (q.required() ? "" : style.dim(" (optional)")));
  }

  private List<String> prompt(Prompter.Ask ask, int width) {
    List<String> lines = new ArrayList<>();
    for (String l : wrap(ask.question().prompt(), width - 4)) {
      lines.add(INDENT + l);
    }
    return lines;
  }

  private List<String> questionHelp(Prompter.Ask ask, int width) {
    List<String> lines = new ArrayList<>();
    for (String l : wrap(ask.question().help(), width - 6)) {
      lines.add(INDENT + "  " + style.accent(l));
    }
    return lines;
  }

  /** The problem with the last try, in red, its first line marked. */
  private void problem(String text, int width, List<String> lines) {
    List<String> wrapped = wrap(text, width - 6);
    for (int i = 0; i < wrapped.size(); i++) {
      lines.add(INDENT + style.bad((i == 0 ? style.cross() : " ") + " " + wrapped.get(i)));
    }
  }

  private String hint(String text, int width) {
    return INDENT + style.dim(fit(text, width - 4));
  }

  /** Cuts a line to {@code width} visible characters, marking the cut. */
  private String fit(String s, int width) {
    if (s.length() <= width || width < 8) {
      return s;
    }
    return s.substring(0, width - style.ellipsis().length()) + style.ellipsis();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** Words into lines of at most {@code width} characters (a longer word gets its own line). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > Math.max(width, 20)) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
