package dev.ragft.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How ragft's --help is laid out, on top of picocli's. picocli breaks a long description where
 * {@link java.text.BreakIterator} allows, which is also after a dot or an operator inside a word
 * ({@code report. md}, {@code rag.qa. f1}, {@code 'approach! =fine-tune'}); lists a command by the
 * first line of its description, cut mid-sentence when the sentence goes on; starts each line of
 * an option's description afresh, so that a description of several lines is indented unevenly;
 * and prints the options right under the examples. Here:
 *
 * <ul>
 *   <li>an option's or parameter's description is one paragraph, broken only at spaces, every
 *       line after the first indented as picocli indents a wrapped line;
 *   <li>a command is listed by the first sentence of its description, however many lines it
 *       takes, broken only at spaces;
 *   <li>the exit codes are broken only at spaces too;
 *   <li>arguments, options and commands each come under a heading, after a blank line.
 * </ul>
 */
final class HelpLayout {
  /** How far picocli indents the rest of a wrapped line in a list. */
  private static final int HANGING = 2;
  /** A width no synopsis reaches, so that picocli lays one out on a single line. */
  private static final int ONE_LINE = 10_000;

  private HelpLayout() {}

  /** Lays out the help of {@code cl} and of every command below it as described above. */
  static void install(CommandLine cl) {
    cl.setHelpFactory(new Factory());
    headings(cl);
  }

  private static void headings(CommandLine cl) {
    UsageMessageSpec u = cl.getCommandSpec().usageMessage();
    if (u.parameterListHeading().isEmpty()) {
      u.parameterListHeading("%nArguments:%n");
    }
    if (u.optionListHeading().isEmpty()) {
      u.optionListHeading("%nOptions:%n");
    }
    if (u.commandListHeading().equals("Commands:%n")) {
      u.commandListHeading("%nCommands:%n");
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      headings(sub);
    }
  }

  /** A class rather than a lambda: linking one costs start-up time on every run, help or not. */
  private static final class Factory implements CommandLine.IHelpFactory {
    @Override
    public Help create(CommandSpec spec, Help.ColorScheme scheme) {
      return new SpaceBreakingHelp(spec, scheme);
    }
  }

  /** picocli's help, with the lists broken only at spaces. */
  private static final class SpaceBreakingHelp extends Help {
    SpaceBreakingHelp(CommandSpec spec, ColorScheme scheme) {
      super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout(
        List<CommandLine.Model.OptionSpec> options, List<CommandLine.Model.PositionalParamSpec> positionals,
        ColorScheme scheme) {
      Layout picocli = super.createDefaultLayout(options, positionals, scheme);
      return new Layout(scheme, picocli.textTable(), picocli.optionRenderer(), picocli.parameterRenderer()) {
        @Override
        public void layout(ArgSpec arg, Text[][] rows) {
          for (Text[] row : oneParagraph(rows, table.columns()[table.columns().length - 1], scheme)) {
            table.addRowValues(row);
          }
        }
      };
    }

    /**
     * The synopsis, laid out by picocli on one line and then broken at spaces only, its later
     * lines under the first option as picocli places them ("BASELINE. json" no more).
     */
    @Override
    public String synopsis(int headingLength) {
      UsageMessageSpec u = commandSpec().usageMessage();
      if (u.customSynopsis().length > 0 || u.abbreviateSynopsis()) {
        return super.synopsis(headingLength);
      }
      int width = u.width();
      String one;
      try {
        u.width(ONE_LINE);
        one = super.synopsis(headingLength).strip();
      } finally {
        u.width(width);
      }
      int indent = headingLength + commandSpec().qualifiedName().length() + 1;
      List<String> lines = wrap(one, width - headingLength, width - indent);
      return String.join(System.lineSeparator() + " ".repeat(indent), lines) + System.lineSeparator();
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
      List<String[]> rows = new ArrayList<>();
      for (Map.Entry<String, Help> e : subcommands.entrySet()) {
        CommandSpec sub = e.getValue().commandSpec();
        if (!sub.usageMessage().hidden()) {
          rows.add(new String[] {String.join(", ", e.getValue().commandNamesText(", ").plainString()),
              summary(sub.usageMessage())});
        }
      }
      return twoColumns(rows, commandSpec().usageMessage().width());
    }

    @Override
    public String exitCodeList() {
      List<String[]> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : commandSpec().usageMessage().exitCodeList().entrySet()) {
        rows.add(new String[] {e.getKey(), e.getValue()});
      }
      return rows.isEmpty() ? "" : twoColumns(rows, commandSpec().usageMessage().width(), 3);
    }
  }

  /**
   * picocli renders an option as rows, one per line of its description; the description's lines
   * become one paragraph, broken at spaces to fit {@code column}, the names in the first row.
   */
  static List<Text[]> oneParagraph(Text[][] rows, Help.Column column, Help.ColorScheme scheme) {
    if (rows.length == 0) {
      return List.of();
    }
    int last = rows[0].length - 1;
    StringBuilder description = new StringBuilder();
    for (Text[] row : rows) {
      String line = row[last] == null ? "" : row[last].plainString().strip();
      if (!line.isEmpty()) {
        description.append(description.length() == 0 ? "" : " ").append(line);
      }
    }
    int width = column.width - column.indent;
    List<String> lines = wrap(description.toString(), width, width - HANGING);
    List<Text[]> out = new ArrayList<>();
    for (int i = 0; i < Math.max(1, lines.size()); i++) {
      Text[] row = new Text[rows[0].length];
      for (int c = 0; c < last; c++) {
        row[c] = i == 0 ? rows[0][c] : scheme.text("");
      }
      String text = lines.isEmpty() ? "" : lines.get(i);
      row[last] = scheme.text(i == 0 ? text : " ".repeat(HANGING) + text);
      out.add(row);
    }
    return out;
  }

  /**
   * A command's line in its parent's list: the first sentence of its description (its header
   * when it has one), however many lines that sentence takes.
   */
  static String summary(UsageMessageSpec u) {
    String[] lines = u.header().length > 0 ? u.header() : u.description();
    StringBuilder paragraph = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        break;
      }
      paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
    }
    String text = paragraph.toString();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String twoColumns(List<String[]> rows, int width) {
    return twoColumns(rows, width, 2);
  }

  /** Rows of a name and a text, the texts aligned after the longest name plus {@code gap}. */
  private static String twoColumns(List<String[]> rows, int width, int gap) {
    int names = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    int column = 2 + names + gap;
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      List<String> lines = wrap(r[1], width - column, width - column - HANGING);
      b.append("  ").append(r[0]).append(" ".repeat(column - 2 - r[0].length()))
          .append(lines.isEmpty() ? "" : lines.get(0)).append('\n');
      for (int i = 1; i < lines.size(); i++) {
        b.append(" ".repeat(column + HANGING)).append(lines.get(i)).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * Words into lines, the first at most {@code first} characters, the rest at most {@code rest};
   * broken only at spaces (a word longer than a line gets a line of its own).
   */
  static List<String> wrap(String text, int first, int rest) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      int limit = lines.isEmpty() ? first : rest;
      if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
