package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  final StringWriter err = new StringWriter();

  ProgressBar bar(boolean terminal) {
    PrintWriter w = new PrintWriter(err, true);
    return new ProgressBar(new Env(w, w, new ByteArrayInputStream(new byte[0]), Map.of(), Path.of(""), terminal));
  }

  @Test
  void offATerminalALongTaskGetsAPlainLineWhenItStartsAndWhenItEnds() {
    ProgressBar b = bar(false);
    for (int i = 1; i <= 50_000; i++) {
      b.task("indexing", i, 50_000);
    }
    b.advance(1, 2);
    assertThat(err.toString()).isEqualTo("ragft: indexing 50,000 ...\nragft: indexing: done, 50,000\n");
  }

  @Test
  void offATerminalAShortTaskSaysNothing() {
    ProgressBar b = bar(false);
    for (int i = 1; i <= 100; i++) {
      b.task("indexing", i, 100);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void onATerminalTheBarIsRedrawnPerPercentAndClearedAtTheEnd() {
    ProgressBar b = bar(true);
    for (int i = 1; i <= 1_000; i++) {
      b.task("embedding", i, 1_000);
    }
    String drawn = err.toString();
    assertThat(drawn).contains("\r  embedding [###############...............] 500/1000 ")
        .endsWith("\r" + " ".repeat(72) + "\r");
    assertThat(drawn.split("\r  embedding").length - 1).isEqualTo(101);
  }
}
