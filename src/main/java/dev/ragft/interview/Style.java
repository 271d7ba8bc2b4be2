package dev.ragft.interview;

/**
 * How the terminal interview may draw: colour (ANSI) only where the terminal supports it and
 * neither NO_COLOR nor --no-color is set; Unicode symbols only on a UTF-8 terminal, ASCII
 * otherwise.
 */
public record Style(boolean color, boolean unicode) {
  private static final String RESET = "\u001b[0m";

  String bold(String s) {
    return paint("1", s);
  }

  String dim(String s) {
    return paint("2", s);
  }

  String accent(String s) {
    return paint("36", s);
  }

  String chosen(String s) {
    return paint("1;36", s);
  }

  String good(String s) {
    return paint("32", s);
  }

  String bad(String s) {
    return paint("31", s);
  }

  String pointer() {
    return unicode ? "❯" : ">";
  }

  String done() {
    return unicode ? "✔" : "*";
  }

  String cross() {
    return unicode ? "✗" : "!";
  }

  String dot() {
    return unicode ? " · " : " - ";
  }

  String arrows() {
    return unicode ? "↑↓" : "up/down";
  }

  String ellipsis() {
    return unicode ? "…" : "...";
  }

  private String paint(String code, String s) {
    return color && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
  }
}
