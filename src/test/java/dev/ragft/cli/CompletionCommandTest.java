package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ragft completion}: the scripts complete what the commands accept. */
class CompletionCommandTest {
  @TempDir Path dir;

  /** What bash offers for the last word of {@code line}, with the script sourced. */
  private List<String> bashCompletes(String line) throws IOException, InterruptedException {
    Cli r = Cli.run("completion", "bash");
    assertThat(r.exit()).as(r.describe()).isZero();
    Path script = Files.writeString(dir.resolve("ragft.bash"), r.out());
    String words = line.endsWith(" ") ? line + "''" : line;
    String program = "source " + script + "\n"
        + "COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE='" + line + "';"
        + " COMP_POINT=${#COMP_LINE}; _complete_ragft 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().filter(l -> !l.isBlank()).sorted().toList();
  }

  @Test
  void bashCompletesCommandsSubcommandsOptionsAndChoices() throws Exception {
    assertThat(bashCompletes("ragft fra")).containsExactly("framework");
    assertThat(bashCompletes("ragft framework s")).containsExactly("show");
    assertThat(bashCompletes("ragft bench --top")).containsExactly("--top-k");
    assertThat(bashCompletes("ragft completion ")).containsExactly("bash", "fish", "zsh");
    assertThat(bashCompletes("ragft recommend --format ")).contains("json", "markdown", "html", "text");
  }

  @Test
  void zshGetsTheBashScriptWhichLoadsBashcompinit() {
    Cli zsh = Cli.run("completion", "zsh");
    assertThat(zsh.exit()).as(zsh.describe()).isZero();
    assertThat(zsh.out()).isEqualTo(Cli.run("completion", "bash").out()).contains("bashcompinit");
  }

  @Test
  void fishHasALineForEveryCommandAndEveryOption() {
    Cli r = Cli.run("completion", "fish");
    assertThat(r.exit()).as(r.describe()).isZero();
    String fish = r.out();
    check(new CommandLine(new RagftCommand()), "", fish);
    assertThat(fish).contains("complete -c ragft -f -n '__ragft_at completion' -a 'bash zsh fish'");
    // Every line's single quotes pair up (a quote inside a description is escaped).
    for (String line : fish.lines().toList()) {
      assertThat(line.replace("\\\\", "").replace("\\'", "").chars().filter(c -> c == '\'').count() % 2)
          .as(line).isZero();
    }
  }

  private static void check(CommandLine cl, String path, String fish) {
    String at = "'__ragft_at" + (path.isEmpty() ? "" : " " + path) + "'";
    for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
      String name = o.longestName().startsWith("--") ? "-l " + o.longestName().substring(2) : "-s " + o.longestName().substring(1);
      assertThat(fish).as(path + " " + o.longestName()).containsPattern("complete -c ragft -n " + java.util.regex.Pattern.quote(at)
          + " [^\\n]*" + java.util.regex.Pattern.quote(name));
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      assertThat(fish).contains("complete -c ragft -f -n " + at + " -a '" + sub.getCommandName() + "'");
      check(sub, (path + " " + sub.getCommandName()).strip(), fish);
    }
  }

  @Test
  void anotherShellIsBadUsage() {
    Cli r = Cli.run(dir, Map.of(), "", "completion", "powershell");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bash, zsh, fish");
  }
}
