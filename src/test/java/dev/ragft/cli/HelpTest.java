package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command, found by walking the command tree, has --help with examples and its exit codes. */
class HelpTest {
  static List<String> commands() {
    List<String> names = new java.util.ArrayList<>();
    CommandLine root = new CommandLine(new RagftCommand());
    RagftCommand.withExitCodes(root);
    collect(root, names);
    return names;
  }

  private static void collect(CommandLine cl, List<String> names) {
    if (!cl.getCommandName().equals("help")) {
      names.add(cl.getCommandSpec().qualifiedName(" ").replaceFirst("^ragft ?", ""));
    }
    cl.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  @ParameterizedTest(name = "ragft {0} --help")
  @MethodSource("commands")
  void helpHasExamples(String command) {
    List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).as(r.describe()).containsPattern("Examples?:");
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest(name = "ragft {0} --help lists exit codes")
  @MethodSource("commands")
  void helpListsExitCodes(String command) {
    List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    assertThat(Cli.run(args.toArray(String[]::new)).out()).contains("Exit codes:");
  }

  /** picocli wraps a longer line at 80 columns and starts its rest at column 0: examples break. */
  @ParameterizedTest(name = "ragft {0} --help: description lines fit 80 columns")
  @MethodSource("commands")
  void descriptionLinesFitTheHelpWidth(String command) {
    CommandLine root = new CommandLine(new RagftCommand());
    CommandLine cl = root;
    for (String name : command.isEmpty() ? new String[0] : command.split(" ")) {
      cl = cl.getSubcommands().get(name);
    }
    assertThat(cl.getCommandSpec().usageMessage().description())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  /** The help screen of {@code command} as a user sees it, at picocli's 80 columns. */
  private static String help(String command) {
    List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isZero();
    return r.out();
  }

  /** The same screen laid out at {@code width} columns, as ragft lays it out. */
  private static String help(String command, int width) {
    CommandLine cl = new CommandLine(new RagftCommand());
    RagftCommand.withExitCodes(cl);
    HelpLayout.install(cl);
    for (String name : command.isEmpty() ? new String[0] : command.split(" ")) {
      cl = cl.getSubcommands().get(name);
    }
    cl.setUsageHelpWidth(width);
    return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** The lines of the section under {@code heading} ("Options:"), up to the next blank line. */
  private static List<String> section(String help, String heading) {
    List<String> lines = List.of(help.split("\n", -1));
    int at = lines.indexOf(heading);
    if (at < 0) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (int i = at + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
      out.add(lines.get(i));
    }
    return out;
  }

  /** The lines of the options and parameters, headed or not: from the first option's line to a blank line. */
  private static List<String> options(String help) {
    List<String> lines = List.of(help.split("\\n", -1));
    int at = 0;
    while (at < lines.size() && !lines.get(at).matches("  (-[a-zA-Z], |    )--.*")) {
      at++;
    }
    while (at > 0 && lines.get(at - 1).startsWith("      ")) {
      at--; // the parameters, listed before the options
    }
    List<String> out = new java.util.ArrayList<>();
    for (int i = at; i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).endsWith(":"); i++) {
      out.add(lines.get(i));
    }
    return out;
  }

  /** Each entry of a list section (a line that starts a name, then its indented continuation lines). */
  private static List<List<String>> entries(List<String> section, int nameIndent) {
    List<List<String>> out = new java.util.ArrayList<>();
    for (String line : section) {
      int indent = line.length() - line.stripLeading().length();
      if (out.isEmpty() || indent <= nameIndent) {
        out.add(new java.util.ArrayList<>());
      }
      out.get(out.size() - 1).add(line);
    }
    return out;
  }

  @org.junit.jupiter.api.Nested
  class At80Columns {
    @ParameterizedTest(name = "ragft {0} --help: every line fits")
    @MethodSource("dev.ragft.cli.HelpTest#commands")
    void everyLineFits(String command) {
      assertThat(help(command).lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }

    /** A line broken after a dot or an operator inside a word ("report. md", "rag.qa. f1") has other words than an unbroken one. */
    @ParameterizedTest(name = "ragft {0} --help: lines break only at spaces")
    @MethodSource("dev.ragft.cli.HelpTest#commands")
    void linesBreakOnlyAtSpaces(String command) {
      List<String> narrow = List.of(help(command).strip().split("\\s+"));
      List<String> wide = List.of(help(command, 1000).strip().split("\\s+"));
      assertThat(narrow).isEqualTo(wide);
    }

    @ParameterizedTest(name = "ragft {0} --help: each command is listed with a whole sentence")
    @MethodSource("dev.ragft.cli.HelpTest#commands")
    void commandListsShowWholeSentences(String command) {
      for (List<String> entry : entries(section(help(command), "Commands:"), 2)) {
        String text = String.join(" ", entry).strip().replaceAll("\\s+", " ");
        assertThat(text).as(String.join("\n", entry)).endsWith(".");
      }
    }

    @ParameterizedTest(name = "ragft {0} --help: an option's description keeps one indentation")
    @MethodSource("dev.ragft.cli.HelpTest#commands")
    void optionDescriptionsAreIndentedEvenly(String command) {
      String help = help(command);
      for (List<String> list : List.of(options(help), section(help, "Commands:"), section(help, "Exit codes:"))) {
        for (List<String> entry : entries(list, 6)) {
          // A name too long for its column has its description start on the next line.
          int skip = entry.get(0).strip().contains("  ") ? 1 : 2;
          List<Integer> indents = entry.stream().skip(skip).map(l -> l.length() - l.stripLeading().length()).distinct()
              .collect(java.util.stream.Collectors.toList());
          assertThat(indents).as(String.join("\n", entry)).hasSizeLessThanOrEqualTo(1);
        }
      }
    }

    @ParameterizedTest(name = "ragft {0} --help: a blank line before each list")
    @MethodSource("dev.ragft.cli.HelpTest#commands")
    void aBlankLineComesBeforeEachList(String command) {
      String help = help(command);
      assertThat(help).contains("\n\nOptions:\n").contains("\n\nExit codes:\n");
      if (help.contains("Commands:")) {
        assertThat(help).contains("\n\nCommands:\n");
      }
      if (help.contains("Arguments:")) {
        assertThat(help).contains("\n\nArguments:\n");
      }
    }

    /** What each command can return; its help lists exactly those codes. */
    @ParameterizedTest(name = "ragft {0} --help: lists only exit codes it returns")
    @MethodSource("dev.ragft.cli.HelpTest#commands")
    void listsOnlyTheExitCodesTheCommandReturns(String command) {
      java.util.Map<String, List<String>> returns = new java.util.HashMap<>();
      returns.put("", List.of("0", "1", "2", "3"));
      returns.put("recommend", List.of("0", "2", "3"));
      returns.put("interview", List.of("0", "2", "3", "130"));
      returns.put("framework list", List.of("0", "2", "3"));
      returns.put("framework show", List.of("0", "2", "3"));
      List<String> listed = section(help(command), "Exit codes:").stream().filter(l -> l.startsWith("  ") && !l.startsWith("   "))
          .map(l -> l.strip().split(" ")[0]).collect(java.util.stream.Collectors.toList());
      assertThat(listed).as(command).isEqualTo(returns.getOrDefault(command, listed));
      assertThat(listed).as(command).contains("0", "2");
    }
  }

  @ParameterizedTest(name = "ragft {0} --version")
  @MethodSource("commands")
  void everyCommandThatOffersVersionPrintsIt(String command) {
    List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    if (!Cli.run(args.toArray(String[]::new)).out().contains("--version")) {
      return; // a command without -V, --version (help)
    }
    args.set(args.size() - 1, "--version");
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.out()).as(r.describe()).isEqualTo("ragft " + RagftCommand.version() + System.lineSeparator());
  }
}
