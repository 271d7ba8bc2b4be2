package dev.ragft.cli;

import static dev.ragft.cli.CommandJson.list;
import static dev.ragft.cli.CommandJson.map;
import static dev.ragft.cli.CommandJson.string;
import static dev.ragft.cli.CommandJson.write;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The build step that compiles picocli's command models (see CompiledCommands): reads each
 * subcommand's model as picocli builds it from the annotations and writes it as JSON, after
 * checking that the model rebuilt from that JSON is the same. Refuses, and so fails the build, an
 * attribute the compiled model does not carry yet.
 */
public final class CommandModelWriter {
  private CommandModelWriter() {}

  /** What a new option holds when its annotation leaves these unset. */
  private static final OptionSpec PLAIN = OptionSpec.builder("--plain").build();

  static Map<String, Object> describe(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    Object command = spec.userObject();
    if (spec.versionProvider() != null || command instanceof CommandLine.IHelpCommandInitializable2) {
      throw new IllegalStateException("compiled command model: " + spec.qualifiedName() + " has a version "
          + "provider or is a help command, which the compiled model does not carry yet");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class", command.getClass().getName());
    m.put("name", spec.name());
    m.put("aliases", List.of(spec.aliases()));
    if (spec.version().length > 0) {
      m.put("version", List.of(spec.version()));
    }
    Map<String, Object> mixins = new LinkedHashMap<>();
    List<String> specFields = new ArrayList<>();
    for (Field f : command.getClass().getDeclaredFields()) {
      if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
        mixins.put(f.getName(), f.getType().getName());
      }
      if (f.isAnnotationPresent(CommandLine.Spec.class)) {
        specFields.add(f.getName());
      }
    }
    m.put("mixins", mixins);
    m.put("specFields", specFields);
    m.put("usage", usage(spec.usageMessage()));
    List<Object> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.inherited()) {
        options.add(option(o, command, mixins));
      }
    }
    m.put("options", options);
    List<Object> positionals = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      List<String> other = otherPositionalAttributes(p);
      if (!other.isEmpty()) {
        throw new IllegalStateException("compiled command model: " + p + " sets " + other
            + ", which the compiled model does not carry for positional parameters yet");
      }
      Map<String, Object> d = new LinkedHashMap<>();
      if (!p.index().isUnspecified()) {
        d.put("index", p.index().originalValue());
      }
      d.putAll(arg(p, command, mixins));
      positionals.add(d);
    }
    m.put("positionals", positionals);
    List<Object> subcommands = new ArrayList<>();
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      // Aliases are listed under the subcommand's name too; describe each subcommand once.
      if (sub.getKey().equals(sub.getValue().getCommandName())) {
        subcommands.add(describe(sub.getValue()));
      }
    }
    m.put("subcommands", subcommands);
    return m;
  }

  private static Map<String, Object> option(OptionSpec o, Object command, Map<String, Object> mixins) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("names", List.of(o.names()));
    d.putAll(arg(o, command, mixins));
    d.put("help", o.help());
    d.put("usageHelp", o.usageHelp());
    d.put("versionHelp", o.versionHelp());
    d.put("negatable", o.negatable());
    d.put("order", o.order());
    if (o.fallbackValue() != null && !o.fallbackValue().equals(PLAIN.fallbackValue())) {
      d.put("fallbackValue", o.fallbackValue());
    }
    return d;
  }

  private static Map<String, Object> arg(ArgSpec a, Object command, Map<String, Object> mixins) {
    // Annotations leave picocli's do-nothing consumer and preprocessor in place of none.
    if (a.converters().length > 0 || !picocliOwnOrNone(a.parameterConsumer()) || !picocliOwnOrNone(a.preprocessor())) {
      throw new IllegalStateException("compiled command model: " + a + " has a converter, consumer or "
          + "preprocessor of its own, which the compiled model does not carry yet");
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", a.type().getName());
    List<String> aux = new ArrayList<>();
    for (Class<?> c : a.auxiliaryTypes()) {
      aux.add(c.getName());
    }
    d.put("auxiliaryTypes", aux);
    if (!a.arity().isUnspecified()) {
      d.put("arity", a.arity().originalValue());
    }
    d.put("paramLabel", a.paramLabel());
    d.put("hideParamSyntax", a.hideParamSyntax());
    d.put("description", List.of(a.description()));
    d.put("required", a.required());
    d.put("hidden", a.hidden());
    d.put("splitRegex", a.splitRegex());
    d.put("splitRegexSynopsisLabel", a.splitRegexSynopsisLabel());
    d.put("showDefaultValue", a.showDefaultValue().name());
    d.put("scopeType", a.scopeType().name());
    d.put("interactive", a.interactive());
    d.put("echo", a.echo());
    if (a.defaultValue() != null) {
      d.put("defaultValue", a.defaultValue());
    }
    if (a.descriptionKey() != null && !a.descriptionKey().isEmpty()) {
      d.put("descriptionKey", a.descriptionKey());
    }
    if (a.prompt() != null && !a.prompt().isEmpty()) {
      d.put("prompt", a.prompt());
    }
    if (a.mapFallbackValue() != null && !a.mapFallbackValue().equals(PLAIN.mapFallbackValue())) {
      d.put("mapFallbackValue", a.mapFallbackValue());
    }
    if (a.userObject() instanceof Field f) {
      if (f.getDeclaringClass() == command.getClass()) {
        d.put("bind", f.getName());
      } else {
        String mixin = mixins.entrySet().stream().filter(e -> e.getValue().equals(f.getDeclaringClass().getName()))
            .map(Map.Entry::getKey).findFirst().orElse(null);
        // picocli's own --help and --version (mixinStandardHelpOptions) need no field: picocli
        // answers them from the parse result.
        if (mixin != null) {
          d.put("bind", mixin + "." + f.getName());
        } else if (!f.getDeclaringClass().getName().startsWith("picocli.")) {
          throw new IllegalStateException("compiled command model: cannot bind " + a + " to " + f);
        }
      }
    } else if (a.userObject() != null) {
      throw new IllegalStateException("compiled command model: " + a + " is not bound to a field");
    }
    return d;
  }

  /** The attributes of {@code p} that {@code CompiledCommands.positional} would not carry over. */
  private static List<String> otherPositionalAttributes(PositionalParamSpec p) {
    PositionalParamSpec plain = PositionalParamSpec.builder().build();
    List<String> other = new ArrayList<>();
    Map<String, Object[]> pairs = new LinkedHashMap<>();
    pairs.put("hideParamSyntax", new Object[] {p.hideParamSyntax(), plain.hideParamSyntax()});
    pairs.put("hidden", new Object[] {p.hidden(), plain.hidden()});
    pairs.put("interactive", new Object[] {p.interactive(), plain.interactive()});
    pairs.put("showDefaultValue", new Object[] {p.showDefaultValue(), plain.showDefaultValue()});
    pairs.put("scopeType", new Object[] {p.scopeType(), plain.scopeType()});
    // Annotations leave "" where a builder leaves null: the same to picocli.
    pairs.put("splitRegexSynopsisLabel", new Object[] {CommandModelCheck.orNull(p.splitRegexSynopsisLabel()), CommandModelCheck.orNull(plain.splitRegexSynopsisLabel())});
    pairs.put("descriptionKey", new Object[] {CommandModelCheck.orNull(p.descriptionKey()), CommandModelCheck.orNull(plain.descriptionKey())});
    pairs.put("mapFallbackValue", new Object[] {p.mapFallbackValue(), plain.mapFallbackValue()});
    pairs.forEach((name, values) -> {
      if (!java.util.Objects.equals(values[0], values[1])) {
        other.add(name + "=" + values[0]);
      }
    });
    return other;
  }

  private static boolean picocliOwnOrNone(Object o) {
    return o == null || o.getClass().getName().startsWith("picocli.");
  }

  private static Map<String, Object> usage(UsageMessageSpec u) {
    UsageMessageSpec plain = CommandSpec.create().usageMessage();
    Map<String, Object> d = new LinkedHashMap<>();
    putIfChanged(d, "description", List.of(u.description()), List.of(plain.description()));
    putIfChanged(d, "header", List.of(u.header()), List.of(plain.header()));
    putIfChanged(d, "footer", List.of(u.footer()), List.of(plain.footer()));
    putIfChanged(d, "customSynopsis", List.of(u.customSynopsis()), List.of(plain.customSynopsis()));
    putIfChanged(d, "headerHeading", u.headerHeading(), plain.headerHeading());
    putIfChanged(d, "synopsisHeading", u.synopsisHeading(), plain.synopsisHeading());
    putIfChanged(d, "descriptionHeading", u.descriptionHeading(), plain.descriptionHeading());
    putIfChanged(d, "parameterListHeading", u.parameterListHeading(), plain.parameterListHeading());
    putIfChanged(d, "optionListHeading", u.optionListHeading(), plain.optionListHeading());
    putIfChanged(d, "commandListHeading", u.commandListHeading(), plain.commandListHeading());
    putIfChanged(d, "footerHeading", u.footerHeading(), plain.footerHeading());
    putIfChanged(d, "exitCodeListHeading", u.exitCodeListHeading(), plain.exitCodeListHeading());
    putIfChanged(d, "synopsisSubcommandLabel", u.synopsisSubcommandLabel(), plain.synopsisSubcommandLabel());
    putIfChanged(d, "abbreviateSynopsis", u.abbreviateSynopsis(), plain.abbreviateSynopsis());
    putIfChanged(d, "sortOptions", u.sortOptions(), plain.sortOptions());
    putIfChanged(d, "sortSynopsis", u.sortSynopsis(), plain.sortSynopsis());
    putIfChanged(d, "showDefaultValues", u.showDefaultValues(), plain.showDefaultValues());
    putIfChanged(d, "showAtFileInUsageHelp", u.showAtFileInUsageHelp(), plain.showAtFileInUsageHelp());
    putIfChanged(d, "showEndOfOptionsDelimiterInUsageHelp", u.showEndOfOptionsDelimiterInUsageHelp(),
        plain.showEndOfOptionsDelimiterInUsageHelp());
    putIfChanged(d, "hidden", u.hidden(), plain.hidden());
    putIfChanged(d, "exitCodeList", new LinkedHashMap<>(u.exitCodeList()), new LinkedHashMap<>(plain.exitCodeList()));
    return d;
  }

  private static void putIfChanged(Map<String, Object> d, String key, Object value, Object plain) {
    if (!value.equals(plain)) {
      d.put(key, value);
    }
  }

  /**
   * The build step (pom.xml, process-classes): writes {@code args[0]/commands/NAME.json} for every
   * subcommand of {@code ragft}, after checking that each reads back to the same model.
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve(CompiledCommands.FOLDER);
    Files.createDirectories(dir);
    for (String name : RagftCommand.subcommandNames()) {
      CommandLine annotated = RagftCommand.annotatedCommandLine(new RagftCommand(), new String[] {name});
      String json = compiled(annotated, name);
      CommandLine back = CompiledCommands.fromText(json);
      CommandModelCheck.sameModel(annotated, back, "ragft");
      Files.writeString(dir.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    }
  }

  /** The JSON of the root and subcommand {@code name} as {@code annotated} holds them. */
  static String compiled(CommandLine annotated, String name) {
    CommandSpec root = annotated.getCommandSpec();
    CommandLine sub = annotated.getSubcommands().get(name);
    Map<String, Object> rootModel = new LinkedHashMap<>();
    rootModel.put("name", root.name());
    Map<String, Object> rootMixins = new LinkedHashMap<>();
    rootMixins.put("shared", RagftCommand.Shared.class.getName());
    rootModel.put("mixins", rootMixins);
    List<Object> rootOptions = new ArrayList<>();
    for (OptionSpec o : root.options()) {
      rootOptions.add(option(o, root.userObject(), rootMixins));
    }
    rootModel.put("options", rootOptions);
    Map<String, Object> command = describe(sub);
    Set<String> classes = new LinkedHashSet<>();
    classes.add(RagftCommand.class.getName());
    classes.add(RagftCommand.Shared.class.getName());
    classesOf(command, classes);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classes", List.copyOf(classes));
    m.put("crc", CompiledCommands.crc(List.copyOf(classes)));
    m.put("root", rootModel);
    m.put("command", command);
    return write(m);
  }

  private static void classesOf(Map<String, Object> command, Set<String> into) {
    into.add(string(command.get("class")));
    for (Object mixin : map(command.get("mixins")).values()) {
      into.add(string(mixin));
    }
    for (Object sub : list(command.get("subcommands"))) {
      classesOf(map(sub), into);
    }
  }
}
