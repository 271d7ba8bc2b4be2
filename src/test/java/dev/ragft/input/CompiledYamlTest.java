package dev.ragft.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.cost.PriceLoader;
import dev.ragft.cost.PriceReader;
import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.framework.FrameworkReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledYamlTest {
  @Nested
  class TheBuild {
    @Test
    void compiledEveryBuiltInFileToTheSameTreeAsItsYaml() throws Exception {
      try (var files = Files.newDirectoryStream(Path.of("frameworks"), "*.yaml")) {
        int n = 0;
        for (Path f : files) {
          String name = "frameworks/" + f.getFileName();
          Node yaml = YamlTree.read(f, name);
          Node json = CompiledYaml.read(name).orElseThrow(() -> new AssertionError("no compiled JSON for " + name));
          CompiledYaml.sameContent(yaml, json, name);
          n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(2);
      }
    }

    @Test
    void theBuiltInsReadFromJsonGiveTheSameRecordsAsFromYaml() throws Exception {
      String name = "frameworks/" + FrameworkLoader.defaultId() + ".yaml";
      Framework fromYaml = FrameworkReader.read(YamlTree.read(Path.of(name), name));
      Framework builtIn = FrameworkLoader.loadBuiltIn(FrameworkLoader.defaultId());
      assertThat(builtIn).isEqualTo(fromYaml);

      String prices = "frameworks/" + fromYaml.prices() + ".yaml";
      assertThat(PriceLoader.load(Optional.empty(), Path.of("."), builtIn))
          .contains(PriceReader.read(YamlTree.read(Path.of(prices), prices), fromYaml));
    }

    @Test
    void theCompiledTreeNamesTheYamlFile() {
      Node json = CompiledYaml.read("frameworks/b2b-2026.yaml").orElseThrow();
      assertThat(json.location()).isEqualTo(Location.ofFile("frameworks/b2b-2026.yaml"));
    }

    @Test
    void aResourceWithoutCompiledJsonHasNone() {
      assertThat(CompiledYaml.read("frameworks/no-such-framework.yaml")).isEmpty();
    }
  }

  @Nested
  class TheConversion {
    @Test
    void keepsKeyOrderScalarTextsAndTypes() throws Exception {
      String yaml = "b: 1\na: [2.50, \"3\", true, ~, 'x: y']\nc:\n  d: -7\n  e: \"\\u00e9t\\u00e9 \\\"q\\\"\"\n";
      Node tree = YamlTree.parse(yaml, "t.yaml");
      String json = CompiledYaml.toJson(tree, "t.yaml");
      assertThat(json).isEqualTo("{\"b\":1,\"a\":[2.50,\"3\",true,null,\"x: y\"],\"c\":{\"d\":-7,\"e\":\"été \\\"q\\\"\"}}");
      CompiledYaml.sameContent(tree, CompiledYaml.parseJson(json, "t.yaml"), "t.yaml");
    }

    @Test
    void refusesAYamlNumberJsonCannotWriteAsItIs() {
      Node tree = YamlTree.parse("n: 0x1F\n", "t.yaml");
      assertThat(((Node.ScalarNode) ((Node.MapNode) tree).entries().get("n").value()).type())
          .isEqualTo(Node.ScalarType.INTEGER);
      assertThatThrownBy(() -> CompiledYaml.toJson(tree, "t.yaml"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("t.yaml");
    }

    @Test
    void findsADifferenceInTextTypeOrOrder() {
      Node a = YamlTree.parse("x: 1\ny: 2\n", "a.yaml");
      assertThatThrownBy(() -> CompiledYaml.sameContent(a, YamlTree.parse("y: 2\nx: 1\n", "b.yaml"), "a.yaml"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> CompiledYaml.sameContent(a, YamlTree.parse("x: '1'\ny: 2\n", "b.yaml"), "a.yaml"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> CompiledYaml.sameContent(a, YamlTree.parse("x: 1.0\ny: 2\n", "b.yaml"), "a.yaml"))
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBuildStepWritesCompiledJsonBesideTheYamlNamingItsSource(@TempDir Path dir) throws Exception {
      Path fw = Files.createDirectory(dir.resolve("frameworks"));
      String yaml = "id: small\nitems: [1, two]\n";
      Files.writeString(fw.resolve("small.yaml"), yaml);
      CompiledYaml.main(new String[] {fw.toString()});
      String json = Files.readString(fw.resolve("compiled/small.json"));
      assertThat(json).isEqualTo("{\"source\":\"" + CompiledYaml.fingerprint(yaml) + "\",\"tree\":{\"id\":\"small\",\"items\":[1,\"two\"]}}");
      Node tree = CompiledYaml.fromCompiled(json, yaml, "frameworks/small.yaml").orElseThrow();
      CompiledYaml.sameContent(YamlTree.parse(yaml, "frameworks/small.yaml"), tree, "small.yaml");
    }

    @Test
    void aCompiledJsonIsNotUsedWithAnotherYamlThanItWasMadeFrom() {
      String yaml = "id: small\nweight: 1\n";
      String json = CompiledYaml.compiled(yaml, "frameworks/small.yaml");
      assertThat(CompiledYaml.fromCompiled(json, yaml, "frameworks/small.yaml")).isPresent();
      assertThat(CompiledYaml.fromCompiled(json, "id: small\nweight: 2\n", "frameworks/small.yaml")).isEmpty();
      assertThat(CompiledYaml.fromCompiled("{\"id\":\"small\",\"weight\":1}", yaml, "frameworks/small.yaml")).isEmpty();
    }
  }
}
