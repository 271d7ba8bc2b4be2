package dev.ragft.cli;

import dev.ragft.bench.run.Progress;

/** A one-line bar on stderr, only on a terminal, redrawn when the percentage changes. */
final class ProgressBar implements Progress {
  private final Env env;
  private int shown = -1;

  ProgressBar(Env env) {
    this.env = env;
  }

  @Override
  public void advance(int done, int total) {
    if (!env.terminal() || total == 0) {
      return;
    }
    int percent = done * 100 / total;
    if (percent == shown) {
      return;
    }
    shown = percent;
    int width = 30;
    int filled = percent * width / 100;
    env.err().print("\r  [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " ");
    env.err().flush();
  }

  void finish() {
    if (shown >= 0) {
      // Two writes: a carriage return passes to stderr only as the first character of a write (SafeText).
      env.err().print("\r" + " ".repeat(60));
      env.err().print("\r");
      env.err().flush();
    }
  }
}
