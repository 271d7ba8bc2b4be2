package dev.ragft.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code ragft completion SHELL}: a script that completes ragft's commands and options. bash and
 * zsh get picocli's generator (one script: zsh runs it through bashcompinit, as picocli intends);
 * picocli has no fish generator, so the fish script is written here from the same command model.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a script that completes ragft's commands and options in bash, zsh or fish.",
      "",
      "Install it (for new shells) with one line:",
      "  bash: echo 'source <(ragft completion bash)' >> ~/.bashrc",
      "  zsh:  echo 'source <(ragft completion zsh)' >> ~/.zshrc",
      "  fish: ragft completion fish > ~/.config/fish/completions/ragft.fish",
      "",
      "Examples:",
      "  ragft completion bash > /etc/bash_completion.d/ragft",
      "  source <(ragft completion zsh)",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Printed.", "2:Bad usage: a shell other than bash, zsh or fish.",
        "3:Internal error; rerun with --verbose for the stack trace."})
final class CompletionCommand implements Callable<Integer> {
  /** The shells a script is made for. */
  enum Shell { bash, zsh, fish }

  @CommandLine.Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  @Override
  public Integer call() {
    // Every command, from the annotations: the compiled model holds only this one.
    CommandLine all = new CommandLine(new RagftCommand());
    String script = shell == Shell.fish ? fish(all) : AutoComplete.bash("ragft", all);
    Context.of(spec).write(null, script);
    return ExitCode.OK;
  }

  /** fish's completions for every command and option of {@code root}, from its model. */
  static String fish(CommandLine root) {
    List<String> paths = new ArrayList<>();
    collectPaths(root, "", paths);
    StringBuilder b = new StringBuilder();
    b.append("# fish completion for ragft, made by 'ragft completion fish'.\n");
    b.append("set -g __ragft_commands");
    for (String p : paths) {
      b.append(' ').append(quote(p));
    }
    b.append('\n');
    b.append("""
        # Whether the subcommands typed so far are exactly the arguments (none: ragft itself).
        function __ragft_at
            set -l path ''
            for w in (commandline -opc)[2..-1]
                if string match -q -- '-*' $w
                    continue
                end
                set -l next (string trim -- "$path $w")
                if contains -- $next $__ragft_commands
                    set path $next
                else
                    break
                end
            end
            test "$path" = "$argv"
        end
        """);
    commands(root, "", b);
    return b.toString();
  }

  private static void collectPaths(CommandLine cl, String path, List<String> paths) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      String p = (path + " " + sub.getCommandName()).strip();
      paths.add(p);
      collectPaths(sub, p, paths);
    }
  }

  private static void commands(CommandLine cl, String path, StringBuilder b) {
    String at = "__ragft_at" + (path.isEmpty() ? "" : " " + path);
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      if (!s.usageMessage().hidden()) {
        b.append("complete -c ragft -f -n ").append(quote(at)).append(" -a ").append(quote(sub.getCommandName()))
            .append(" -d ").append(quote(shortText(HelpLayout.summary(s.usageMessage())))).append('\n');
      }
    }
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (o.hidden()) {
        continue;
      }
      b.append("complete -c ragft -n ").append(quote(at));
      for (String name : o.names()) {
        b.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
      }
      if (o.arity().max() > 0) {
        List<String> candidates = new ArrayList<>();
        if (o.completionCandidates() != null) {
          o.completionCandidates().forEach(candidates::add);
        }
        b.append(candidates.isEmpty() ? " -r" : " -x -a " + quote(String.join(" ", candidates)));
      }
      String[] description = o.description();
      if (description.length > 0) {
        b.append(" -d ").append(quote(shortText(String.join(" ", description))));
      }
      b.append('\n');
    }
    for (CommandLine.Model.PositionalParamSpec p : cl.getCommandSpec().positionalParameters()) {
      List<String> candidates = new ArrayList<>();
      if (!p.hidden() && p.completionCandidates() != null) {
        p.completionCandidates().forEach(candidates::add);
      }
      if (!candidates.isEmpty()) {
        b.append("complete -c ragft -f -n ").append(quote(at)).append(" -a ").append(quote(String.join(" ", candidates)))
            .append('\n');
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      commands(sub, (path + " " + sub.getCommandName()).strip(), b);
    }
  }

  /** A description's first sentence, without the picocli variables it may hold. */
  private static String shortText(String text) {
    String s = text.replaceAll(" ?\\(default: \\$\\{[^}]*}\\)", "").replaceAll("\\s+", " ").strip();
    int end = s.indexOf(". ");
    s = end < 0 ? s : s.substring(0, end + 1);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A fish word in single quotes. */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
