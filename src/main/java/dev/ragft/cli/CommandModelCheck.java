package dev.ragft.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Whether a command model rebuilt from its compiled JSON is the model picocli builds from the
 * annotations: the build step (CommandModelWriter) and the tests ask.
 */
final class CommandModelCheck {
  private CommandModelCheck() {}

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

  /** Annotations leave "" where a builder leaves null: the same to picocli. */
  static String orNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
