package dev.ragft.cli;

import static dev.ragft.cli.CommandJson.array;
import static dev.ragft.cli.CommandJson.bool;
import static dev.ragft.cli.CommandJson.list;
import static dev.ragft.cli.CommandJson.map;
import static dev.ragft.cli.CommandJson.parsed;
import static dev.ragft.cli.CommandJson.string;
import static dev.ragft.cli.CommandJson.strings;

import dev.ragft.input.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's command models, read from the annotations at build time and written as JSON
 * ({@code commands/NAME.json} among the classes); at run time a subcommand's model is rebuilt from
 * its JSON with picocli's programmatic API, without reading one annotation. Reading them was the
 * largest part of ragft's start-up: the JDK parses each annotation and generates a proxy class per
 * annotation type, and picocli calls every attribute of every option through those proxies.
 *
 * <p>The annotations stay the only source of the commands. The build step (CommandModelWriter)
 * checks that each model rebuilt from its JSON prints the same help and has options with the same
 * attributes as the annotated one, and fails the build otherwise (an attribute this class does not
 * carry yet, say). At run time a JSON is used only with the class files it was made from (their
 * CRC-32, checked when running from a classes folder: see {@link #PACKAGED}); otherwise, for
 * classes compiled without the build step, picocli reads the annotations.
 */
final class CompiledCommands {
  static final String FOLDER = "commands/";

  private CompiledCommands() {}

  /**
   * The root with only subcommand {@code name}, as {@link RagftCommand#annotatedCommandLine}
   * builds it, from the compiled model; empty when there is none for that name or it is stale.
   */
  static Optional<CommandLine> commandLine(RagftCommand root, String name) {
    // No lambdas on this path: linking each costs start-up time, as does most of what runs once.
    Optional<Map<String, Object>> model = model(name);
    return model.isPresent() ? Optional.of(build(root, model.get())) : Optional.empty();
  }

  private static CommandLine build(RagftCommand root, Map<String, Object> m) {
    Map<String, Object> rootModel = map(m.get("root"));
    CommandSpec rootSpec = CommandSpec.wrapWithoutInspection(root).name(string(rootModel.get("name")));
    Map<String, Object> holders = holders(root, rootModel);
    for (Object o : list(rootModel.get("options"))) {
      rootSpec.addOption(option(map(o), holders));
    }
    CommandLine cl = new CommandLine(rootSpec);
    addSubcommand(cl, map(m.get("command")));
    return cl;
  }

  /**
   * Whether a compiled model exists for {@code name}, current or not: a cheap look for the warm-up
   * thread, which then need not read the command's annotations.
   */
  static boolean has(String name) {
    return validName(name) && CompiledCommands.class.getResource("/" + FOLDER + name + ".json") != null;
  }

  /** Whether {@code name} could be a command's ([a-z][a-z0-9-]*; no regular expression to compile). */
  private static boolean validName(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Map<String, Object>> model(String name) {
    if (!validName(name)) {
      return Optional.empty();
    }
    Optional<String> json = Resources.text(FOLDER + name + ".json");
    if (json.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> m = parsed(json.get());
    return PACKAGED || current(m) ? Optional.of(m) : Optional.empty();
  }

  /**
   * Whether ragft runs from a jar. The build packages the classes with the models it compiled from
   * them, so a jar's models are current; a classes folder may hold classes compiled since (by an
   * IDE, say), so there each model's class files are checked, which costs some 14 ms of start-up.
   */
  private static final boolean PACKAGED = packaged();

  private static boolean packaged() {
    java.security.CodeSource source = CompiledCommands.class.getProtectionDomain().getCodeSource();
    return source != null && source.getLocation().getPath().endsWith(".jar");
  }

  /** Whether a compiled model was made from the class files as they are now. */
  static boolean current(Map<String, Object> model) {
    return crc(strings(model.get("classes"))).equals(model.get("crc"));
  }

  // ---- Building a model from its JSON ----

  private static void addSubcommand(CommandLine parent, Map<String, Object> m) {
    CommandLine cl = commandLine(m);
    parent.addSubcommand(string(m.get("name")), cl, array(m.get("aliases")));
  }

  private static CommandLine commandLine(Map<String, Object> m) {
    Object command = instantiate(type(string(m.get("class"))));
    Map<String, Object> holders = holders(command, m);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(string(m.get("name")));
    if (m.containsKey("version")) {
      spec.version(array(m.get("version")));
    }
    usage(spec.usageMessage(), map(m.get("usage")));
    for (Object o : list(m.get("options"))) {
      spec.addOption(option(map(o), holders));
    }
    for (Object o : list(m.get("positionals"))) {
      spec.addPositional(positional(map(o), holders));
    }
    for (String specField : strings(m.get("specFields"))) {
      set(field(command.getClass(), specField), command, spec);
    }
    CommandLine cl = new CommandLine(spec);
    for (Object sub : list(m.get("subcommands"))) {
      addSubcommand(cl, map(sub));
    }
    return cl;
  }

  /** The command object ("") and its mixin objects by field name, made as picocli makes them. */
  private static Map<String, Object> holders(Object command, Map<String, Object> m) {
    Map<String, Object> holders = new LinkedHashMap<>();
    holders.put("", command);
    for (Map.Entry<String, Object> mixin : map(m.get("mixins")).entrySet()) {
      Field f = field(command.getClass(), mixin.getKey());
      Object value = get(f, command);
      if (value == null) {
        value = instantiate(type(string(mixin.getValue())));
        set(f, command, value);
      }
      holders.put(mixin.getKey(), value);
    }
    return holders;
  }

  private static OptionSpec option(Map<String, Object> o, Map<String, Object> holders) {
    OptionSpec.Builder b = OptionSpec.builder(array(o.get("names")))
        .type(type(string(o.get("type")))).auxiliaryTypes(types(o.get("auxiliaryTypes")))
        .paramLabel(string(o.get("paramLabel"))).hideParamSyntax(bool(o.get("hideParamSyntax")))
        .description(array(o.get("description")))
        .required(bool(o.get("required"))).hidden(bool(o.get("hidden")))
        .splitRegex(string(o.get("splitRegex"))).splitRegexSynopsisLabel(string(o.get("splitRegexSynopsisLabel")))
        .showDefaultValue(CommandLine.Help.Visibility.valueOf(string(o.get("showDefaultValue"))))
        .scopeType(CommandLine.ScopeType.valueOf(string(o.get("scopeType"))))
        .interactive(bool(o.get("interactive"))).echo(bool(o.get("echo")))
        .help(bool(o.get("help"))).usageHelp(bool(o.get("usageHelp"))).versionHelp(bool(o.get("versionHelp")))
        .negatable(bool(o.get("negatable"))).order(((Number) o.get("order")).intValue());
    if (o.containsKey("arity")) {
      b.arity(string(o.get("arity")));
    }
    if (o.containsKey("defaultValue")) {
      b.defaultValue(string(o.get("defaultValue")));
    }
    if (o.containsKey("descriptionKey")) {
      b.descriptionKey(string(o.get("descriptionKey")));
    }
    if (o.containsKey("prompt")) {
      b.prompt(string(o.get("prompt")));
    }
    if (o.containsKey("mapFallbackValue")) {
      b.mapFallbackValue(string(o.get("mapFallbackValue")));
    }
    if (o.containsKey("fallbackValue")) {
      b.fallbackValue(string(o.get("fallbackValue")));
    }
    Optional<FieldBinding> f = binding(o, holders);
    if (f.isPresent()) {
      b.getter(f.get()).setter(f.get()).userObject(f.get().field).initialValue(f.get().get()).hasInitialValue(true);
    }
    return b.build();
  }

  /**
   * A positional parameter. ragft's take fewer attributes than options (picocli's shared builder
   * class is not public, so each kind is built on its own); {@link #describe} refuses a parameter
   * that sets any other.
   */
  private static PositionalParamSpec positional(Map<String, Object> o, Map<String, Object> holders) {
    PositionalParamSpec.Builder b = PositionalParamSpec.builder()
        .type(type(string(o.get("type")))).auxiliaryTypes(types(o.get("auxiliaryTypes")))
        .paramLabel(string(o.get("paramLabel"))).description(array(o.get("description")))
        .required(bool(o.get("required"))).splitRegex(string(o.get("splitRegex")));
    if (o.containsKey("index")) {
      b.index(string(o.get("index")));
    }
    if (o.containsKey("arity")) {
      b.arity(string(o.get("arity")));
    }
    if (o.containsKey("defaultValue")) {
      b.defaultValue(string(o.get("defaultValue")));
    }
    Optional<FieldBinding> f = binding(o, holders);
    if (f.isPresent()) {
      b.getter(f.get()).setter(f.get()).userObject(f.get().field).initialValue(f.get().get()).hasInitialValue(true);
    }
    return b.build();
  }

  /** The field an option or parameter is bound to: "field" on the command, "mixin.field" on a mixin. */
  private static Optional<FieldBinding> binding(Map<String, Object> o, Map<String, Object> holders) {
    if (!o.containsKey("bind")) {
      return Optional.empty();
    }
    String bind = string(o.get("bind"));
    int dot = bind.indexOf('.');
    Object holder = holders.get(dot < 0 ? "" : bind.substring(0, dot));
    return Optional.of(new FieldBinding(holder, field(holder.getClass(), bind.substring(dot + 1))));
  }

  private static Class<?>[] types(Object names) {
    List<Class<?>> out = new ArrayList<>();
    for (String t : strings(names)) {
      out.add(type(t));
    }
    return out.toArray(new Class<?>[0]);
  }

  private static void usage(UsageMessageSpec u, Map<String, Object> m) {
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "description" -> u.description(array(v));
        case "header" -> u.header(array(v));
        case "footer" -> u.footer(array(v));
        case "customSynopsis" -> u.customSynopsis(array(v));
        case "headerHeading" -> u.headerHeading(string(v));
        case "synopsisHeading" -> u.synopsisHeading(string(v));
        case "descriptionHeading" -> u.descriptionHeading(string(v));
        case "parameterListHeading" -> u.parameterListHeading(string(v));
        case "optionListHeading" -> u.optionListHeading(string(v));
        case "commandListHeading" -> u.commandListHeading(string(v));
        case "footerHeading" -> u.footerHeading(string(v));
        case "exitCodeListHeading" -> u.exitCodeListHeading(string(v));
        case "synopsisSubcommandLabel" -> u.synopsisSubcommandLabel(string(v));
        case "abbreviateSynopsis" -> u.abbreviateSynopsis(bool(v));
        case "sortOptions" -> u.sortOptions(bool(v));
        case "sortSynopsis" -> u.sortSynopsis(bool(v));
        case "showDefaultValues" -> u.showDefaultValues(bool(v));
        case "showAtFileInUsageHelp" -> u.showAtFileInUsageHelp(bool(v));
        case "showEndOfOptionsDelimiterInUsageHelp" -> u.showEndOfOptionsDelimiterInUsageHelp(bool(v));
        case "hidden" -> u.hidden(bool(v));
        case "exitCodeList" -> {
          Map<String, String> codes = new LinkedHashMap<>();
          for (Map.Entry<String, Object> code : map(v).entrySet()) {
            codes.put(code.getKey(), string(code.getValue()));
          }
          u.exitCodeList(codes);
        }
        default -> throw new IllegalStateException("compiled command model: unknown usage attribute " + e.getKey());
      }
    }
  }

  /** Binds an option to a field, as picocli's own (package-private) field binding does. */
  private static final class FieldBinding implements CommandLine.Model.IGetter, CommandLine.Model.ISetter {
    private final Object holder;
    private final Field field;

    FieldBinding(Object holder, Field field) {
      this.holder = holder;
      this.field = field;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) CompiledCommands.get(field, holder);
    }

    @Override
    public <T> T set(T value) {
      T old = get();
      CompiledCommands.set(field, holder, value);
      return old;
    }
  }

  /** The root and subcommand a compiled JSON describes, as {@link #commandLine} builds them. */
  static CommandLine fromText(String json) {
    return build(new RagftCommand(), parsed(json));
  }

  // ---- Class-file fingerprints, resources and reflection ----

  /** The CRC-32 of the class files, in order: a compiled model is used only with its classes. */
  static String crc(List<String> classNames) {
    CRC32 crc = new CRC32();
    for (String name : classNames) {
      try (InputStream in = CompiledCommands.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
        if (in == null) {
          return "missing " + name;
        }
        crc.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Long.toHexString(crc.getValue());
  }

  private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "int", int.class,
      "long", long.class, "double", double.class, "float", float.class, "short", short.class, "byte", byte.class,
      "char", char.class);

  private static Class<?> type(String name) {
    Class<?> primitive = PRIMITIVES.get(name);
    if (primitive != null) {
      return primitive;
    }
    try {
      return Class.forName(name, false, CompiledCommands.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("compiled command model names a missing class " + name, e);
    }
  }

  private static Object instantiate(Class<?> c) {
    try {
      java.lang.reflect.Constructor<?> k = c.getDeclaredConstructor();
      k.setAccessible(true);
      return k.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + c.getName(), e);
    }
  }

  private static Field field(Class<?> c, String name) {
    try {
      Field f = c.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("compiled command model names a missing field " + c.getName() + "." + name, e);
    }
  }

  private static Object get(Field f, Object holder) {
    try {
      return f.get(holder);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Field f, Object holder, Object value) {
    try {
      f.set(holder, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
