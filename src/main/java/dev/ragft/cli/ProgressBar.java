package dev.ragft.cli;

import dev.ragft.bench.run.Progress;
import java.util.Locale;

/**
 * Progress on stderr. On a terminal, a one-line bar redrawn when the percentage changes: for the
 * cases, and for indexing and embedding before them. Elsewhere (a CI log, a pipe) a long task
 * gets a plain line when it starts and one when it ends, and the cases none.
 */
final class ProgressBar implements Progress {
  /** Below this many items a task is quick: no plain lines for it off a terminal. */
  static final long PLAIN_FROM = 20_000;

  private final Env env;
  private int shown = -1;
  private String task = "";

  ProgressBar(Env env) {
    this.env = env;
  }

  @Override
  public void advance(int done, int total) {
    if (!env.terminal() || total == 0) {
      return;
    }
    draw("", done, total);
  }

  @Override
  public void task(String what, long done, long total) {
    if (total == 0) {
      return;
    }
    if (!env.terminal()) {
      if (total >= PLAIN_FROM && (done == 1 || done == total) && !(what + done).equals(task)) {
        task = what + done;
        env.err().println(String.format(Locale.ROOT, done == total ? "ragft: %s: done, %,d" : "ragft: %s %,d ...",
            what, total));
      }
      return;
    }
    draw(what + " ", done, total);
    if (done == total) {
      finish();
    }
  }

  private void draw(String what, long done, long total) {
    int percent = (int) (done * 100 / total);
    if (percent == shown && what.equals(task)) {
      return;
    }
    shown = percent;
    task = what;
    int width = 30;
    int filled = percent * width / 100;
    env.err().print("\r  " + what + "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total
        + " ");
    env.err().flush();
  }

  void finish() {
    if (shown >= 0) {
      // Two writes: a carriage return passes to stderr only as the first character of a write (SafeText).
      env.err().print("\r" + " ".repeat(72));
      env.err().print("\r");
      env.err().flush();
      shown = -1;
    }
  }
}
