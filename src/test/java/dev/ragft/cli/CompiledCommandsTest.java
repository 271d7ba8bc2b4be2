package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CompiledCommandsTest {
  private static String json(String name) throws IOException {
    try (InputStream in = CompiledCommands.class.getResourceAsStream("/commands/" + name + ".json")) {
      assertThat(in).as("the build compiles a model for " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everySubcommandRunsFromAModelTheBuildCompiledAndItMatchesTheAnnotations() {
    for (String name : RagftCommand.subcommandNames()) {
      CommandLine compiled = CompiledCommands.commandLine(new RagftCommand(), name).orElseThrow();
      CommandModelCheck.sameModel(RagftCommand.annotatedCommandLine(new RagftCommand(), new String[] {name}), compiled,
          "ragft");
      assertThat(compiled.getSubcommands()).containsOnlyKeys(name);
    }
  }

  @Test
  void aModelMadeFromOtherClassFilesIsNotUsed() throws IOException {
    String json = json("recommend");
    assertThat(CompiledCommands.current(CommandJson.parsed(json))).isTrue();
    String stale = json.replaceFirst("\"crc\":\"[0-9a-f]+\"", "\"crc\":\"0\"");
    assertThat(stale).isNotEqualTo(json);
    assertThat(CompiledCommands.current(CommandJson.parsed(stale))).isFalse();
  }

  @Test
  void namesThatAreNoSubcommandFindNoModel() {
    for (String name : new String[] {"nosuch", "../commands/recommend", "Recommend", "", "help"}) {
      assertThat(CompiledCommands.commandLine(new RagftCommand(), name)).as(name).isEmpty();
      assertThat(CompiledCommands.has(name)).as(name).isFalse();
    }
  }

  @Test
  void theBuildCheckRefusesAModelThatDiffersFromTheAnnotations() throws IOException {
    String changed = json("recommend").replace("Show every driver and the arithmetic behind the scores.",
        "Show the drivers.");
    CommandLine annotated = RagftCommand.annotatedCommandLine(new RagftCommand(), new String[] {"recommend"});
    assertThatThrownBy(() -> CommandModelCheck.sameModel(annotated, CompiledCommands.fromText(changed), "ragft"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("prints other help");
    String reordered = json("recommend").replace("\"order\":-1", "\"order\":7");
    assertThatThrownBy(() -> CommandModelCheck.sameModel(annotated, CompiledCommands.fromText(reordered), "ragft"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("differs");
  }

  @Test
  void optionsAreBoundToTheCommandsOwnFieldsAndMixins() {
    RagftCommand root = new RagftCommand();
    CommandLine cl = CompiledCommands.commandLine(root, "recommend").orElseThrow();
    cl.parseArgs("recommend", "uc.yaml", "--framework", "my.yaml", "--what-if", "--answer", "volume=400", "--verbose");
    RecommendCommand r = cl.getSubcommands().get("recommend").getCommand();
    assertThat(r.file).isEqualTo("uc.yaml");
    assertThat(r.framework.framework).isEqualTo("my.yaml");
    assertThat(r.whatIf).isTrue();
    assertThat(r.answers).containsEntry("volume", "400");
    assertThat(r.spec).isSameAs(cl.getSubcommands().get("recommend").getCommandSpec());
    assertThat(root.shared.verbose).isTrue();
  }
}
