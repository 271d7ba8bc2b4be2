package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
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
 * <p>The annotations stay the only source of the commands. The build step ({@link #main}) checks
 * that each model rebuilt from its JSON prints the same help and has options with the same
 * attributes as the annotated one, and fails the build otherwise (an attribute this class does not
 * carry yet, say). At run time a JSON is used only with the class files it was made from (their
 * CRC-32, checked when running from a classes folder: see {@link #PACKAGED}); otherwise, for
 * classes compiled without the build step, picocli reads the annotations.
 */
public final class CompiledCommands {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String FOLDER = "commands/";

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

  /** Whether a current compiled model exists for {@code name}; cheap, for the warm-up thread. */
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
    Optional<String> json = resource(FOLDER + name + ".json");
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

  // ---- Writing a model at build time ----

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

  /** The attributes of {@code p} that {@link #positional} would not carry over. */
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
    pairs.put("splitRegexSynopsisLabel", new Object[] {orNull(p.splitRegexSynopsisLabel()), orNull(plain.splitRegexSynopsisLabel())});
    pairs.put("descriptionKey", new Object[] {orNull(p.descriptionKey()), orNull(plain.descriptionKey())});
    pairs.put("mapFallbackValue", new Object[] {p.mapFallbackValue(), plain.mapFallbackValue()});
    pairs.forEach((name, values) -> {
      if (!java.util.Objects.equals(values[0], values[1])) {
        other.add(name + "=" + values[0]);
      }
    });
    return other;
  }

  private static String orNull(String s) {
    return s == null || s.isEmpty() ? null : s;
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
    Path dir = Path.of(args[0]).resolve(FOLDER);
    Files.createDirectories(dir);
    for (String name : RagftCommand.subcommandNames()) {
      CommandLine annotated = RagftCommand.annotatedCommandLine(new RagftCommand(), new String[] {name});
      String json = compiled(annotated, name);
      CommandLine back = fromText(json);
      sameModel(annotated, back, "ragft");
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
    m.put("crc", crc(List.copyOf(classes)));
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

  /** The root and subcommand a compiled JSON describes, as {@link #commandLine} builds them. */
  static CommandLine fromText(String json) {
    return build(new RagftCommand(), parsed(json));
  }

  /**
   * Throws unless both models print the same help and have options and parameters with the same
   * attributes, for the subcommand and each of its own subcommands.
   */
  static void sameModel(CommandLine annotated, CommandLine compiled, String where) {
    String a = annotated.getUsageMessage(CommandLine.Help.Ansi.OFF);
    String c = compiled.getUsageMessage(CommandLine.Help.Ansi.OFF);
    if (!a.equals(c)) {
      throw new IllegalStateException("compiled command model of '" + where + "' prints other help:\n" + a + "\n---\n" + c);
    }
    sameArgs(annotated.getCommandSpec().options(), compiled.getCommandSpec().options(), where);
    sameArgs(annotated.getCommandSpec().positionalParameters(), compiled.getCommandSpec().positionalParameters(), where);
    if (!annotated.getSubcommands().keySet().equals(compiled.getSubcommands().keySet())) {
      throw new IllegalStateException("compiled command model of '" + where + "' has other subcommands");
    }
    for (Map.Entry<String, CommandLine> sub : annotated.getSubcommands().entrySet()) {
      sameModel(sub.getValue(), compiled.getSubcommands().get(sub.getKey()), where + " " + sub.getKey());
    }
  }

  private static void sameArgs(List<? extends ArgSpec> annotated, List<? extends ArgSpec> compiled, String where) {
    if (annotated.size() != compiled.size()) {
      throw new IllegalStateException("compiled command model of '" + where + "': " + compiled.size()
          + " options or parameters, not " + annotated.size());
    }
    for (int i = 0; i < annotated.size(); i++) {
      String a = signature(annotated.get(i));
      String c = signature(compiled.get(i));
      if (!a.equals(c)) {
        throw new IllegalStateException("compiled command model of '" + where + "' differs:\n" + a + "\n" + c);
      }
    }
  }

  /** Every attribute of an option or parameter that parsing or help depends on, as text. */
  private static String signature(ArgSpec a) {
    StringBuilder s = new StringBuilder();
    if (a instanceof OptionSpec o) {
      s.append(List.of(o.names())).append(" help=").append(o.help()).append(o.usageHelp()).append(o.versionHelp())
          .append(" negatable=").append(o.negatable()).append(" order=").append(o.order())
          .append(" fallback=").append(o.fallbackValue()).append(" inherited=").append(o.inherited());
    } else {
      s.append("index=").append(((PositionalParamSpec) a).index());
    }
    s.append(" type=").append(a.type()).append(List.of(a.auxiliaryTypes())).append(" arity=").append(a.arity())
        .append(" label=").append(a.paramLabel()).append(a.hideParamSyntax()).append(" description=")
        .append(List.of(a.description())).append(" required=").append(a.required()).append(" hidden=")
        .append(a.hidden()).append(" split=").append(a.splitRegex()).append(a.splitRegexSynopsisLabel())
        .append(" show=").append(a.showDefaultValue()).append(" scope=").append(a.scopeType())
        .append(" interactive=").append(a.interactive()).append(a.echo()).append(orNull(a.prompt()))
        .append(" default=").append(a.defaultValue()).append(" mapFallback=").append(a.mapFallbackValue())
        .append(" key=").append(orNull(a.descriptionKey())).append(" candidates=").append(candidates(a))
        .append(" multi=").append(a.isMultiValue());
    // Bound to a field of ragft's: which, and its value before parsing. (picocli's --help and
    // --version hold their value in the parse result; the compiled model binds them to nothing.)
    if (a.userObject() instanceof Field f && !f.getDeclaringClass().getName().startsWith("picocli.")) {
      s.append(" field=").append(f).append(" initial=").append(a.initialValue()).append(a.hasInitialValue());
    }
    return s.toString();
  }

  private static List<String> candidates(ArgSpec a) {
    List<String> out = new ArrayList<>();
    if (a.completionCandidates() != null) {
      a.completionCandidates().forEach(out::add);
    }
    return out;
  }

  // ---- Class-file fingerprints, JSON and reflection ----

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

  private static Optional<String> resource(String name) {
    try (InputStream in = CompiledCommands.class.getResourceAsStream("/" + name)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void write(Object value, JsonGenerator g) throws IOException {
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

  private static Object parse(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return value(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object value(JsonParser p) throws IOException {
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
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object item : list(o)) {
      out.add(string(item));
    }
    return out;
  }

  private static String[] array(Object o) {
    return strings(o).toArray(new String[0]);
  }

  private static String string(Object o) {
    return (String) o;
  }

  private static boolean bool(Object o) {
    return Boolean.TRUE.equals(o);
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
