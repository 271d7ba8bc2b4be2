package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {
  private static final String ESC = "\u001b";

  @Test
  void colourCodesTakeNoColumns() {
    for (String s : List.of("", "plain", ESC + "[1mbold" + ESC + "[0m", ESC + "[38;5;208m" + "x" + ESC + "[m",
        ESC + "[1", ESC + "[12;x", "a" + ESC + "b", ESC + "[", "[1m not a code")) {
      assertThat(Wrap.visibleLength(s)).as(s.replace(ESC, "ESC"))
          .isEqualTo(s.replaceAll(ESC + "\\[[0-9;]*m", "").length());
    }
  }

  @Test
  void linesWrapAtTheWidthCountingOnlyVisibleColumns() {
    List<String> lines = Wrap.lines(ESC + "[1m* " + ESC + "[0m", "  ", "one two three four five six", 12);
    assertThat(lines).containsExactly(ESC + "[1m* " + ESC + "[0mone two", "  three four", "  five six");
  }
}
