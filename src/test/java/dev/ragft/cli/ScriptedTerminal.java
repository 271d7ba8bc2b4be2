package dev.ragft.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.jline.utils.NonBlockingReader;

/**
 * A jline terminal for tests: an xterm whose keyboard plays a script of key sequences and whose
 * output is drawn by jline's own VT100 emulator ({@link ScreenTerminal}). Each step of the script
 * is typed only when the program waits for a key with nothing left to read, and the screen is
 * captured right then, so {@link #screens()} holds exactly what the user saw before each step —
 * deterministically, without sleeps or timing.
 */
final class ScriptedTerminal extends LineDisciplineTerminal {
  static final String UP = "\033[A";
  static final String DOWN = "\033[B";
  static final String ENTER = "\r";
  static final String BACKSPACE = "\177";
  static final String CTRL_C = "\003";
  static final String CTRL_D = "\004";
  static final String CTRL_U = "\025";

  private final ByteArrayOutputStream raw;
  private final ScreenTerminal screen;
  private final Keyboard keyboard;
  private final List<String> screens = new ArrayList<>();
  private int drawn;

  private ScriptedTerminal(ByteArrayOutputStream raw, int columns, int rows, List<String> steps) throws IOException {
    super("test", "xterm-256color", raw, StandardCharsets.UTF_8);
    this.raw = raw;
    this.screen = new ScreenTerminal(columns, rows);
    this.keyboard = new Keyboard(steps.iterator());
    setSize(new Size(columns, rows));
  }

  /** A terminal of {@code columns} x {@code rows} that will type {@code steps}, one step per wait for a key. */
  static ScriptedTerminal typing(int columns, int rows, String... steps) throws IOException {
    return new ScriptedTerminal(new ByteArrayOutputStream(), columns, rows, List.of(steps));
  }

  @Override
  public NonBlockingReader reader() {
    return keyboard;
  }

  /** The screen before each step was typed, and the last one (when the script ran out or the program ended). */
  List<String> screens() {
    return List.copyOf(screens);
  }

  /** The screen now. */
  String screen() {
    capture();
    return screens.get(screens.size() - 1);
  }

  /** Every byte the program wrote to the terminal, escape sequences included. */
  String written() {
    flush();
    return raw.toString(StandardCharsets.UTF_8);
  }

  /** Whether every step of the script was typed. */
  boolean scriptDone() {
    return !keyboard.steps.hasNext() && keyboard.buffer.isEmpty();
  }

  private void capture() {
    flush();
    byte[] all = raw.toByteArray();
    screen.write(new String(Arrays.copyOfRange(all, drawn, all.length), StandardCharsets.UTF_8));
    drawn = all.length;
    String text = Arrays.stream(screen.toString().split("\n", -1))
        .map(String::stripTrailing)
        .collect(Collectors.joining("\n"))
        .replaceAll("\\n+$", "");
    screens.add(text);
  }

  /** Keys, typed a step at a time when the program has read everything before. */
  private final class Keyboard extends NonBlockingReader {
    private final Iterator<String> steps;
    private final Deque<Character> buffer = new ArrayDeque<>();

    Keyboard(Iterator<String> steps) {
      this.steps = steps;
    }

    @Override
    protected int read(long timeout, boolean isPeek) {
      if (buffer.isEmpty()) {
        if (isPeek) {
          return READ_EXPIRED; // nothing more typed yet
        }
        capture();
        if (!steps.hasNext()) {
          return EOF;
        }
        steps.next().chars().forEach(c -> buffer.add((char) c));
      }
      return isPeek ? buffer.peek() : buffer.poll();
    }

    @Override
    public int readBuffered(char[] b, int off, int len, long timeout) {
      int n = read(timeout, false);
      if (n < 0) {
        return n;
      }
      b[off] = (char) n;
      return 1;
    }

    @Override
    public int available() {
      return buffer.size();
    }

    @Override
    public void close() {
      buffer.clear();
    }
  }
}
