package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * RagftCommand.commandLine builds only the subcommand the first argument names; what that one
 * shows and accepts must be exactly what the full tree of every command has.
 */
class CommandLineTest {
  static List<String> subcommands() {
    return new ArrayList<>(new CommandLine(new RagftCommand()).getSubcommands().keySet());
  }

  @ParameterizedTest(name = "ragft {0} ...")
  @MethodSource("subcommands")
  void buildsOnlyTheNamedSubcommandExactlyAsTheFullTreeHasIt(String name) {
    CommandLine full = new CommandLine(new RagftCommand());
    CommandLine lazy = RagftCommand.commandLine(new RagftCommand(), new String[] {name, "--help"});
    if (name.equals("help")) {
      // help shows the other commands, so it gets them all.
      assertThat(lazy.getSubcommands().keySet()).isEqualTo(full.getSubcommands().keySet());
    } else {
      assertThat(lazy.getSubcommands().keySet()).containsExactly(name);
    }
    assertSameTree(full.getSubcommands().get(name), lazy.getSubcommands().get(name));
  }

  private static void assertSameTree(CommandLine full, CommandLine lazy) {
    String where = full.getCommandSpec().qualifiedName();
    assertThat(lazy.getCommandSpec().qualifiedName()).isEqualTo(where);
    assertThat(lazy.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(where).isEqualTo(full.getUsageMessage(CommandLine.Help.Ansi.OFF));
    assertThat(names(lazy)).as(where).isEqualTo(names(full));
    assertThat(lazy.getSubcommands().keySet()).as(where).isEqualTo(full.getSubcommands().keySet());
    for (String sub : full.getSubcommands().keySet()) {
      assertSameTree(full.getSubcommands().get(sub), lazy.getSubcommands().get(sub));
    }
  }

  private static List<String> names(CommandLine cl) {
    List<String> out = new ArrayList<>();
    cl.getCommandSpec().options().forEach(o -> out.add(String.join("|", o.names()) + (o.inherited() ? " inherited" : "")));
    cl.getCommandSpec().positionalParameters().forEach(p -> out.add(p.paramLabel()));
    return out;
  }

  @Test
  void buildsEveryCommandWhenTheFirstArgumentNamesNone() {
    int all = subcommands().size();
    for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"recomend"},
        new String[] {"--verbose", "recommend"}, new String[] {"help", "recommend"})) {
      assertThat(RagftCommand.commandLine(new RagftCommand(), args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
    }
  }

  @Test
  void inheritedOptionsReachTheRootInTheLazyTree() {
    RagftCommand root = new RagftCommand();
    CommandLine cl = RagftCommand.commandLine(root, new String[] {"framework", "list", "--verbose", "--no-color"});
    cl.parseArgs("framework", "list", "--verbose", "--no-color");
    assertThat(root.noColor()).isTrue();
    assertThat(RagftCommand.verbose(cl.getSubcommands().get("framework").getSubcommands().get("list"))).isTrue();
  }
}
