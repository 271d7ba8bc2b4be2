package dev.ragft.cli;

import dev.ragft.framework.Framework;
import dev.ragft.report.gate.UseCaseGate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The --gate option of score and report render: checks on every scored use case (see {@link UseCaseGate}). */
final class GateOption {
  @Option(names = "--gate", paramLabel = "EXPR",
      description = "Check every use case, e.g. 'confidence>=0.4', 'approach!=fine-tune', no-warnings (every form:"
          + " 'ragft score --help'); a failure is listed on stderr and exits 1. Repeatable.")
  List<String> expressions = new ArrayList<>();

  /** The gates for {@code f}; a gate that does not parse is a usage error naming the valid forms. */
  List<UseCaseGate> parse(CommandLine.Model.CommandSpec spec, Framework f) {
    List<UseCaseGate> gates = new ArrayList<>();
    for (String g : expressions) {
      try {
        gates.add(UseCaseGate.parse(g, f));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--gate " + e.getMessage());
      }
    }
    return gates;
  }
}
