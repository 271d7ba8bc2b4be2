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
