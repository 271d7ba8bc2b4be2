package dev.ragft.cli;

import dev.ragft.decision.Answer;
import dev.ragft.framework.Question;
import dev.ragft.interview.AnswerParser;
import dev.ragft.interview.Prompter;
import dev.ragft.interview.Screens;
import dev.ragft.interview.Style;
import java.io.IOError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The interview on a real terminal, through jline: arrow keys and Enter to choose, digits as
 * shortcuts, {@code ?} for the question's help, {@code b} or Backspace to go back, Ctrl-C or
 * Ctrl-D to stop (the caller then saves a draft). Each answered question collapses to one line.
 *
 * <p>Only the interview loads this class, so no other command pays for jline at start-up.
 */
final class JlinePrompter implements Prompter, AutoCloseable {
  private enum Key { UP, DOWN, LEFT, RIGHT, HOME, END, DELETE, ENTER, BACKSPACE, INTERRUPT, CLEAR, CHAR, IGNORE }

  /** One line of typed text with a caret, edited by keys; shared by the number and file-name prompts. */
  private static final class LineEditor {
    private final StringBuilder typed;
    private int caret;

    LineEditor(String initial) {
      typed = new StringBuilder(initial);
      caret = typed.length();
    }

    String text() {
      return typed.toString();
    }

    int caret() {
      return caret;
    }

    /** Applies an editing key; {@code c} is the character typed for {@link Key#CHAR}. Other keys do nothing. */
    void edit(Key k, String c) {
      switch (k) {
        case CHAR -> {
          typed.insert(caret, c);
          caret += c.length();
        }
        case BACKSPACE -> {
          if (caret > 0) {
            typed.deleteCharAt(--caret);
          }
        }
        case DELETE -> {
          if (caret < typed.length()) {
            typed.deleteCharAt(caret);
          }
        }
        case LEFT -> caret = Math.max(0, caret - 1);
        case RIGHT -> caret = Math.min(typed.length(), caret + 1);
        case HOME -> caret = 0;
        case END -> caret = typed.length();
        case CLEAR -> {
          typed.setLength(0);
          caret = 0;
        }
        default -> { }
      }
    }
  }

  private final Terminal terminal;
  private final Screens screens;
  private final AnswerParser parser;
  private final Attributes saved;
  private final BindingReader reader;
  private final KeyMap<Key> keys;
  private Display display;
  /** Collapsed answer lines printed right above the cursor: going back erases the last one. */
  private int answerLinesAbove;

  JlinePrompter(Terminal terminal, Style style, AnswerParser parser) {
    this.terminal = terminal;
    this.screens = new Screens(style);
    this.parser = parser;
    // Raw mode, and Ctrl-C as a key rather than a signal, so that it saves a draft instead of killing the JVM.
    this.saved = terminal.enterRawMode();
    Attributes raw = terminal.getAttributes();
    raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    terminal.setAttributes(raw);
    this.reader = new BindingReader(terminal.reader());
    this.keys = keyMap(terminal);
    this.display = new Display(terminal, false);
  }

  /**
   * Runs the interview on the process's own terminal; empty, having asked nothing, when standard
   * input is not a terminal.
   */
  static Optional<Integer> runOnSystemTerminal(InterviewRun run, InterviewRun.Settings settings, boolean colorAllowed)
      throws IOException {
    Optional<Terminal> system = systemTerminal();
    if (system.isEmpty()) {
      return Optional.empty();
    }
    try (Terminal terminal = system.get();
        JlinePrompter prompter = new JlinePrompter(terminal, style(terminal, colorAllowed),
            InterviewRun.parser(settings.framework()))) {
      return Optional.of(run.run(settings, prompter));
    }
  }

  /**
   * The process's own terminal, when its standard input is one: drawn on stderr (stdout when
   * stderr is redirected), so that stdout keeps only the report. Empty without a terminal.
   */
  private static Optional<Terminal> systemTerminal() {
    try {
      return Optional.of(TerminalBuilder.builder().system(true).dumb(false)
          .systemOutput(TerminalBuilder.SystemOutput.SysErrOrSysOut).build());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not a terminal: the caller falls back to plain prompts
    }
  }

  /**
   * Colour only when the terminal has at least 8 colours and neither NO_COLOR nor --no-color is
   * set; Unicode symbols only when the terminal's encoding is UTF-8.
   */
  static Style style(Terminal terminal, boolean colorAllowed) {
    Integer colors = terminal.getNumericCapability(Capability.max_colors);
    boolean color = colorAllowed && colors != null && colors >= 8;
    return new Style(color, StandardCharsets.UTF_8.equals(terminal.encoding()));
  }

  @Override
  public Reply ask(Ask ask) {
    return ask.question() instanceof Question.ChoiceQuestion cq ? choose(ask, cq) : type(ask);
  }

  private Reply choose(Ask ask, Question.ChoiceQuestion q) {
    List<String> ids = q.choiceIds();
    int at = ask.previous().map(a -> ids.indexOf(a.value())).filter(i -> i >= 0).orElse(0);
    boolean help = false;
    Optional<String> problem = Optional.empty();
    while (true) {
      draw(screens.choice(ask, at, help, problem, width(), height()));
      Key k = read();
      String c = reader.getLastBinding();
      problem = Optional.empty();
      if (k == Key.UP || k == Key.CHAR && c.equals("k")) {
        at = (at + ids.size() - 1) % ids.size();
      } else if (k == Key.DOWN || k == Key.CHAR && c.equals("j")) {
        at = (at + 1) % ids.size();
      } else if (k == Key.ENTER) {
        return answered(ask, new Answer.ChoiceAnswer(ids.get(at)));
      } else if (k == Key.CHAR && digit(c, ids.size()) > 0) {
        at = digit(c, ids.size()) - 1;
        draw(screens.choice(ask, at, help, Optional.empty(), width(), height()));
        return answered(ask, new Answer.ChoiceAnswer(ids.get(at)));
      } else if (k == Key.CHAR && c.equals("?")) {
        help = !help;
      } else if ((k == Key.BACKSPACE || k == Key.CHAR && c.equalsIgnoreCase("b")) && ask.canGoBack()) {
        return back();
      } else if (k == Key.INTERRUPT) {
        return interrupted();
      } else if (k == Key.CHAR || k == Key.BACKSPACE) {
        // A key that does nothing here says so, rather than nothing happening at all.
        problem = Optional.of((k == Key.BACKSPACE ? "Backspace" : "'" + c + "'") + " is not a key here: 1-" + ids.size()
            + " or Enter pick" + (ask.canGoBack() ? ", b goes back" : "") + ", ? shows help");
      }
    }
  }

  private Reply type(Ask ask) {
    Question q = ask.question();
    LineEditor line = new LineEditor(ask.previous().map(Answer::value).orElse(""));
    Optional<String> problem = Optional.empty();
    boolean help = false;
    while (true) {
      draw(screens.number(ask, line.text(), line.caret(), problem, help, width(), height()));
      Key k = read();
      String c = reader.getLastBinding();
      if (k == Key.ENTER) {
        AnswerParser.Parsed p = parser.parse(q, line.text());
        if (p instanceof AnswerParser.Ok ok) {
          return answered(ask, ok.answer());
        }
        if (p instanceof AnswerParser.Skip) {
          collapse(screens.answered(ask, Optional.empty()));
          answerLinesAbove++;
          return new Skipped();
        }
        // The rejected text goes, so the next try starts on an empty line; the message quotes it.
        problem = Optional.of(((AnswerParser.Invalid) p).message());
        line = new LineEditor("");
      } else if (k == Key.INTERRUPT) {
        // A valid number typed but not confirmed is kept in the draft.
        AnswerParser.Parsed p = line.text().isBlank() ? null : parser.parse(q, line.text());
        erase();
        return p instanceof AnswerParser.Ok ok ? new Interrupted(Optional.of(ok.answer())) : new Interrupted();
      } else if (k == Key.CHAR && c.equals("?")) {
        help = !help;
      } else if (line.text().isEmpty() && ask.canGoBack()
          && (k == Key.BACKSPACE || k == Key.CHAR && c.equalsIgnoreCase("b"))) {
        return back();
      } else {
        line.edit(k, c);
      }
    }
  }

  @Override
  public ReviewReply review(Review review) {
    int n = review.rows().size();
    int at = n; // "Confirm" first: most people only look
    answerLinesAbove = 0; // from here on, the lines above are a log of every answer given, kept as they are
    while (true) {
      draw(screens.review(review, at, width()));
      Key k = read();
      String c = reader.getLastBinding();
      if (k == Key.UP || k == Key.CHAR && c.equals("k")) {
        at = (at + n) % (n + 1);
      } else if (k == Key.DOWN || k == Key.CHAR && c.equals("j")) {
        at = (at + 1) % (n + 1);
      } else if (k == Key.ENTER && at == n) {
        collapse(screens.reviewed((int) review.rows().stream().filter(r -> r.answer().isPresent()).count()));
        return new Confirm();
      } else if (k == Key.ENTER || k == Key.CHAR && digit(c, n) > 0) {
        int index = k == Key.ENTER ? at : digit(c, n) - 1;
        erase();
        return new Change(index);
      } else if (k == Key.BACKSPACE || k == Key.CHAR && c.equalsIgnoreCase("b")) {
        erase();
        return new Back();
      } else if (k == Key.INTERRUPT) {
        return interrupted();
      }
    }
  }

  /** Save to the suggested file, to another one, or not at all; a file that exists is only replaced when confirmed. */
  @Override
  public SaveReply offerSave(String suggested, Predicate<String> exists) {
    String title = "Save your answers as a use-case file?";
    List<String> items = List.of("Save to " + suggested + (exists.test(suggested) ? " (replaces it)" : ""),
        "Save to another file", "Don't save");
    int at = 0;
    while (true) {
      draw(screens.menu(title, items, at, width()));
      Key k = read();
      if (k == Key.UP) {
        at = (at + items.size() - 1) % items.size();
      } else if (k == Key.DOWN) {
        at = (at + 1) % items.size();
      } else if (k == Key.INTERRUPT) {
        return interrupted();
      } else if (k == Key.ENTER && at == 0) {
        collapse(screens.result("Saving to", suggested));
        return new SaveTo(suggested);
      } else if (k == Key.ENTER && at == 2) {
        collapse(screens.result("Answers", "not saved"));
        return new Declined();
      } else if (k == Key.ENTER) {
        return fileName(suggested, exists);
      }
    }
  }

  private SaveReply fileName(String suggested, Predicate<String> exists) {
    String title = "Save to which file?";
    LineEditor line = new LineEditor(suggested);
    Optional<String> problem = Optional.empty();
    String confirmed = null;
    while (true) {
      draw(screens.text(title, line.text(), line.caret(), problem, width()));
      Key k = read();
      String c = reader.getLastBinding();
      String path = line.text().strip();
      if (k == Key.INTERRUPT) {
        return interrupted();
      } else if (k == Key.ENTER && path.isEmpty()) {
        problem = Optional.of("type a file name, such as " + suggested);
      } else if (k == Key.ENTER && exists.test(path) && !path.equals(confirmed)) {
        confirmed = path;
        problem = Optional.of(path + " exists; Enter again to replace it");
      } else if (k == Key.ENTER) {
        collapse(screens.result("Saving to", path));
        return new SaveTo(path);
      } else {
        line.edit(k, c);
      }
    }
  }

  @Override
  public NameReply askName(String suggested) {
    String title = "What do you call this use case? (Enter keeps '" + suggested + "')";
    LineEditor line = new LineEditor("");
    while (true) {
      draw(screens.text(title, line.text(), line.caret(), Optional.empty(), width()));
      Key k = read();
      String c = reader.getLastBinding();
      if (k == Key.INTERRUPT) {
        return interrupted();
      } else if (k == Key.ENTER) {
        String name = line.text().strip();
        collapse(screens.result("Use case", name.isEmpty() ? suggested : name));
        return name.isEmpty() ? new KeepName() : new Named(name);
      } else {
        line.edit(k, c);
      }
    }
  }

  @Override
  public ResumeReply offerResume(List<DraftOffer> drafts) {
    String title = drafts.size() == 1 ? "A draft of an earlier interview is here" : "Drafts of earlier interviews are here";
    List<String> items = new java.util.ArrayList<>();
    for (DraftOffer d : drafts) {
      items.add("Continue " + d.path() + " (" + d.name() + ", " + d.answered() + " of " + d.total() + " answered)");
    }
    items.add("Start a new interview");
    int at = 0;
    while (true) {
      draw(screens.menu(title, items, at, width()));
      Key k = read();
      if (k == Key.UP) {
        at = (at + items.size() - 1) % items.size();
      } else if (k == Key.DOWN) {
        at = (at + 1) % items.size();
      } else if (k == Key.INTERRUPT) {
        return interrupted();
      } else if (k == Key.ENTER && at == drafts.size()) {
        erase();
        return new StartAfresh();
      } else if (k == Key.ENTER) {
        collapse(screens.result("Continuing", drafts.get(at).path()));
        return new ResumeFrom(drafts.get(at).path());
      }
    }
  }

  /** Leaves the terminal as it was found: its modes and a visible cursor. */
  @Override
  public void close() {
    terminal.puts(Capability.cursor_normal);
    terminal.flush();
    terminal.setAttributes(saved);
  }

  private Reply answered(Ask ask, Answer a) {
    collapse(screens.answered(ask, Optional.of(a)));
    answerLinesAbove++;
    return new Answered(a);
  }

  private Reply back() {
    erase();
    eraseAnswerLine();
    return new Back();
  }

  private Interrupted interrupted() {
    erase();
    return new Interrupted();
  }

  /** Replaces the current screen with one line that stays, and starts the next screen below it. */
  private void collapse(String line) {
    draw(new Screens.Frame(List.of(line), -1, 0));
    terminal.writer().write("\n");
    terminal.flush();
    display = new Display(terminal, false);
  }

  /** Removes the current screen, leaving the cursor where it began. */
  private void erase() {
    draw(new Screens.Frame(List.of(), -1, 0));
    display = new Display(terminal, false);
  }

  /** Going back: the previous question's collapsed line makes way for the question itself. */
  private void eraseAnswerLine() {
    if (answerLinesAbove > 0) {
      terminal.puts(Capability.cursor_up);
      terminal.puts(Capability.carriage_return);
      terminal.puts(Capability.clr_eol);
      terminal.flush();
      answerLinesAbove--;
    }
  }

  private void draw(Screens.Frame f) {
    Size size = terminal.getSize();
    display.resize(size.getRows(), size.getColumns());
    List<AttributedString> lines = f.lines().stream().map(AttributedString::fromAnsi).collect(Collectors.toList());
    int cursor;
    if (f.cursorRow() >= 0) {
      terminal.puts(Capability.cursor_normal);
      cursor = size.cursorPos(f.cursorRow(), f.cursorColumn());
    } else {
      terminal.puts(Capability.cursor_invisible);
      int last = Math.max(0, lines.size() - 1);
      cursor = size.cursorPos(last, lines.isEmpty() ? 0 : lines.get(last).columnLength());
    }
    display.update(lines, cursor);
  }

  private int height() {
    int rows = terminal.getSize().getRows();
    return rows <= 0 ? Integer.MAX_VALUE : rows - 1; // the line the cursor ends on stays free
  }

  private int width() {
    int columns = terminal.getSize().getColumns();
    return columns <= 0 ? 80 : columns;
  }

  /** The next key; the end of input or a terminal that went away stops the interview as Ctrl-D does, keeping the answers. */
  private Key read() {
    try {
      Key k = reader.readBinding(keys);
      return k == null ? Key.INTERRUPT : k;
    } catch (IOError e) {
      return Key.INTERRUPT;
    }
  }

  /** 1 to {@code max} (at most 9) for a digit key, 0 otherwise. */
  private static int digit(String c, int max) {
    if (c.length() == 1 && c.charAt(0) >= '1' && c.charAt(0) <= '9') {
      int d = c.charAt(0) - '0';
      return d <= max ? d : 0;
    }
    return 0;
  }

  private static KeyMap<Key> keyMap(Terminal t) {
    KeyMap<Key> m = new KeyMap<>();
    m.bind(Key.CHAR, KeyMap.range(" -~"));
    m.setUnicode(Key.CHAR);
    m.setNomatch(Key.IGNORE);
    bind(m, t, Key.UP, Capability.key_up, "\033[A", "\033OA", KeyMap.ctrl('P'));
    bind(m, t, Key.DOWN, Capability.key_down, "\033[B", "\033OB", KeyMap.ctrl('N'));
    bind(m, t, Key.RIGHT, Capability.key_right, "\033[C", "\033OC", KeyMap.ctrl('F'));
    bind(m, t, Key.LEFT, Capability.key_left, "\033[D", "\033OD", KeyMap.ctrl('B'));
    bind(m, t, Key.HOME, Capability.key_home, "\033[H", "\033OH", "\033[1~", KeyMap.ctrl('A'));
    bind(m, t, Key.END, Capability.key_end, "\033[F", "\033OF", "\033[4~", KeyMap.ctrl('E'));
    bind(m, t, Key.DELETE, Capability.key_dc, "\033[3~");
    m.bind(Key.ENTER, "\r", "\n");
    m.bind(Key.BACKSPACE, KeyMap.del(), KeyMap.ctrl('H'));
    m.bind(Key.INTERRUPT, KeyMap.ctrl('C'), KeyMap.ctrl('D'));
    m.bind(Key.CLEAR, KeyMap.ctrl('U'));
    return m;
  }

  private static void bind(KeyMap<Key> m, Terminal t, Key k, Capability cap, String... fallbacks) {
    m.bind(k, fallbacks);
    String fromTerminal = KeyMap.key(t, cap);
    if (fromTerminal != null && !fromTerminal.isEmpty()) {
      m.bind(k, fromTerminal);
    }
  }
}
