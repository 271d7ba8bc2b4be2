package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
  private static Env env(boolean terminal, Map<String, String> vars) {
    PrintWriter w = new PrintWriter(new StringWriter());
    return new Env(w, w, new ByteArrayInputStream(new byte[0]), vars, Path.of(""), terminal);
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColorOrDumbTerm() {
    assertThat(env(true, Map.of()).colorAllowed()).isTrue();
    assertThat(env(false, Map.of()).colorAllowed()).isFalse();
    assertThat(env(true, Map.of("NO_COLOR", "")).colorAllowed()).isFalse();
    assertThat(env(true, Map.of("TERM", "dumb")).colorAllowed()).isFalse();
  }

  @Test
  void unicodeOnlyOnAUtf8Terminal() {
    assertThat(env(true, Map.of("LANG", "en_US.UTF-8")).unicodeAllowed()).isTrue();
    assertThat(env(true, Map.of("LC_ALL", "C")).unicodeAllowed()).isFalse();
    assertThat(env(false, Map.of("LANG", "en_US.UTF-8")).unicodeAllowed()).isFalse();
  }

  @Test
  void pipedOutputHasNoEscapeCodes() {
    Cli r = Cli.run("recommend", "examples/usecases/enterprise-sla-answers.yaml");
    assertThat(r.out()).doesNotContain("\u001b[").doesNotContain("█");
  }
}
