package dev.ragft.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published JSON Schema must agree with the reader: it accepts what ships and refuses typos. */
class FrameworkSchemaTest {
  private static final JsonSchema SCHEMA = schema();

  private static JsonSchema schema() {
    try {
      JsonNode node = new ObjectMapper().readTree(Files.readString(Path.of("frameworks/framework.schema.json")));
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<ValidationMessage> validate(String yaml) throws IOException {
    return SCHEMA.validate(new YAMLMapper().readTree(yaml));
  }

  @Test
  void acceptsTheShippedFramework() throws IOException {
    assertThat(validate(Files.readString(Path.of("frameworks/b2b-2026.yaml")))).isEmpty();
  }

  @Test
  void refusesAnUnknownKeyAndAWeightOutOfRange() throws IOException {
    String text = Files.readString(Path.of("frameworks/b2b-2026.yaml"))
        .replace("fullConfidenceMargin: 25", "fullConfidenceMargin: 25\n  colour: blue")
        .replace("effects: {rag: 15, hybrid: 0, fine-tune: -20}", "effects: {rag: 150, hybrid: 0, fine-tune: -20}");
    assertThat(validate(text)).extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("colour"))
        .anySatisfy(m -> assertThat(m).contains("effects.rag", "maximum value of 100"));
  }

  @Test
  void refusesAnUnknownWaveKindAndAShortfallOnAFoundationWave() throws IOException {
    String text = Files.readString(Path.of("frameworks/b2b-2026.yaml"))
        .replace("holds: data-ready", "holds: data-rich")
        .replace("      holds: foundation\n", "      holds: foundation\n      shortfallBelow: 10\n");
    assertThat(validate(text)).extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("roadmap.waves[1].holds"))
        .anySatisfy(m -> assertThat(m).contains("roadmap.waves[0]"));
  }
}
