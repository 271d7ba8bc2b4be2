package dev.ragft.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlTreeTest {
  @Test
  void remembersWhereEveryKeyAndValueIs() {
    Node root = YamlTree.parse("id: x\nanswers:\n  task: lookup\n  pairs: 12\n", "f.yaml");
    Node.MapNode answers = (Node.MapNode) ((Node.MapNode) root).entries().get("answers").value();
    Node.Entry task = answers.entries().get("task");
    assertThat(task.keyLocation()).isEqualTo(new Location("f.yaml", 3, 3));
    assertThat(task.value().location()).isEqualTo(new Location("f.yaml", 3, 9));
    assertThat(((Node.ScalarNode) answers.entries().get("pairs").value()).type()).isEqualTo(Node.ScalarType.INTEGER);
  }

  @Test
  void refusesDuplicateKeysNamingBothLines() {
    assertThatThrownBy(() -> YamlTree.parse("id: a\nname: b\nid: c\n", "f.yaml"))
        .hasMessage("f.yaml:3:1: duplicate key 'id' (first at line 1)");
  }

  @Test
  void refusesAnEmptyFileAndSeveralDocuments() {
    assertThatThrownBy(() -> YamlTree.parse("# only a comment\n", "f.yaml")).hasMessage("f.yaml: file is empty");
    assertThatThrownBy(() -> YamlTree.parse("a: 1\n---\nb: 2\n", "f.yaml")).hasMessageContaining("more than one YAML document");
  }

  @Test
  void reportsSyntaxErrorsWithLineAndColumnOnOneLine() {
    assertThatThrownBy(() -> YamlTree.parse("a: [1, 2\nb: 3\n", "f.yaml"))
        .isInstanceOf(BadInputException.class)
        .hasMessageMatching("f\\.yaml:\\d+:\\d+: YAML syntax error: [^\\n]+");
  }
}
