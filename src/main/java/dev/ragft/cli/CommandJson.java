package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled command models' JSON (CompiledCommands) as plain maps, lists, strings, booleans and
 * integers, with Jackson's streaming API: the models are ragft's own output, read back by ragft.
 */
final class CommandJson {
  private static final JsonFactory JSON = new JsonFactory();

  private CommandJson() {}

  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  static void write(Object value, JsonGenerator g) throws IOException {
    if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (value instanceof List<?> l) {
      g.writeStartArray();
      for (Object item : l) {
        write(item, g);
      }
      g.writeEndArray();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else {
      g.writeString((String) value);
    }
  }

  static Map<String, Object> parsed(String json) {
    return map(parse(json));
  }

  static Object parse(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return value(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        m.put(key, value(p));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(value(p));
      }
      return l;
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    return p.getText();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object item : list(o)) {
      out.add(string(item));
    }
    return out;
  }

  static String[] array(Object o) {
    return strings(o).toArray(new String[0]);
  }

  static String string(Object o) {
    return (String) o;
  }

  static boolean bool(Object o) {
    return Boolean.TRUE.equals(o);
  }
}
