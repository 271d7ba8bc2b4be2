package dev.ragft.bench.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
  @TempDir Path dir;

  Optional<EndpointConfig> read(String yaml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve("ragft.yaml"), yaml);
    return ConfigReader.read(Optional.empty(), dir, env);
  }

  static String problems(Throwable t) {
    return String.join("\n", ((BadInputException) t).problems().stream().map(Problem::toString).toList());
  }

  @Test
  void withoutAFileOrEnvironmentBenchStaysOffline() {
    assertThat(ConfigReader.read(Optional.empty(), dir, Map.of())).isEmpty();
  }

  @Test
  void readsEveryKeyOfTheExampleFile() {
    EndpointConfig c = ConfigReader.read(Optional.of("examples/ragft.yaml"), Path.of(""), Map.of()).orElseThrow();
    assertThat(c.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(c.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    assertThat(c.concurrency()).isEqualTo(4);
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.maxAttempts()).isEqualTo(5);
    assertThat(c.rag().model()).isEqualTo("gpt-4o-mini");
    assertThat(c.rag().tier()).isEqualTo("small-hosted");
    assertThat(c.rag().answerPrompt()).as("the built-in prompt").isEmpty();
    assertThat(c.maxTokens()).isEqualTo(512);
    assertThat(c.fineTune().model()).startsWith("ft:gpt-4o-mini");
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    EndpointConfig c = read("""
        endpoint:
          base-url: https://api.openai.com/v1
          concurrency: 2
        rag:
          model: from-file
        """, Map.of("RAGFT_BASE_URL", "http://localhost:11434/v1", "RAGFT_RAG_MODEL", "llama3.1",
        "RAGFT_FT_MODEL", "my-ft", "RAGFT_CONCURRENCY", "8", "RAGFT_API_KEY_ENV", "MY_KEY")).orElseThrow();
    assertThat(c.baseUrl()).isEqualTo("http://localhost:11434/v1");
    assertThat(c.rag().model()).isEqualTo("llama3.1");
    assertThat(c.fineTune().model()).isEqualTo("my-ft");
    assertThat(c.concurrency()).isEqualTo(8);
    assertThat(c.apiKeyEnv()).isEqualTo("MY_KEY");
  }

  @Test
  void theEnvironmentAloneConfiguresAnEndpoint() {
    EndpointConfig c = ConfigReader.read(Optional.empty(), dir, Map.of("RAGFT_BASE_URL", "http://127.0.0.1:8000/v1",
        "RAGFT_FT_MODEL", "ft-model")).orElseThrow();
    assertThat(c.source()).isEqualTo("environment");
    assertThat(c.rag().configured()).isFalse();
    assertThat(c.fineTune().model()).isEqualTo("ft-model");
  }

  @Test
  void anApiKeyInTheFileIsAnErrorWithItsPlace() {
    assertThatThrownBy(() -> read("""
        endpoint:
          base-url: https://api.openai.com/v1
          api-key: sk-should-not-be-here
        rag:
          model: m
        """, Map.of())).satisfies(e -> assertThat(problems(e)).isEqualTo("ragft.yaml:3:3: api-key: an API key never"
        + " goes in ragft.yaml; put it in the environment variable named by endpoint.api-key-env (default"
        + " OPENAI_API_KEY)").doesNotContain("sk-should-not-be-here"));
  }

  @Test
  void unknownKeysAndBadValuesAreReportedTogether() {
    assertThatThrownBy(() -> read("""
        endpoint:
          base-url: ftp://example.com
          concurency: 4
          max-attempts: 0
        rag:
          modle: m
        """, Map.of("RAGFT_TIMEOUT_SECONDS", "soon"))).satisfies(e -> assertThat(problems(e).lines().toList())
        .contains("ragft.yaml:2:13: base-url: 'ftp://example.com' is not an http or https URL such as"
            + " https://api.openai.com/v1 or http://localhost:11434/v1",
            "ragft.yaml:3:3: endpoint: unknown key 'concurency'; expected one of base-url, api-key-env,"
            + " azure-api-version, concurrency, timeout-seconds, max-attempts, backoff-ms, max-backoff-ms, temperature,"
            + " max-tokens",
            "ragft.yaml:4:17: endpoint.max-attempts: 0 is out of range; expected (1 to 20)",
            "ragft.yaml:6:3: rag: unknown key 'modle'; expected one of model, tier, prompt, label-prompt, endpoint",
            "environment RAGFT_TIMEOUT_SECONDS: 'soon' is not a whole number from 1 to 3600"));
  }

  @Test
  void aModelWithoutAnEndpointOrAnEndpointWithoutAModelIsAnError() throws Exception {
    assertThatThrownBy(() -> ConfigReader.read(Optional.empty(), dir, Map.of("RAGFT_RAG_MODEL", "m")))
        .hasMessageContaining("a model is configured but no endpoint");
    assertThatThrownBy(() -> read("endpoint:\n  base-url: http://localhost:8000/v1\n", Map.of()))
        .hasMessageContaining("an endpoint is configured but no model");
  }

  @Test
  void aNamedConfigFileMustExist() {
    assertThatThrownBy(() -> ConfigReader.read(Optional.of("missing.yaml"), dir, Map.of()))
        .hasMessage("missing.yaml: file not found");
  }

  @Test
  void promptPathsAreRelativeToTheConfigFile() throws Exception {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/ragft.yaml"), """
        endpoint: {base-url: "http://localhost:8000/v1"}
        rag: {model: m, prompt: my-rag.txt}
        """);
    EndpointConfig c = ConfigReader.read(Optional.of("conf/ragft.yaml"), dir, Map.of()).orElseThrow();
    assertThat(c.rag().answerPrompt()).isEqualTo("conf/my-rag.txt");
  }
}
