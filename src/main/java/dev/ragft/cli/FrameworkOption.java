package dev.ragft.cli;

import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import picocli.CommandLine.Option;

/** The --framework option, shared by every command that weighs answers. */
final class FrameworkOption {
  @Option(
      names = "--framework",
      paramLabel = "F",
      description = "A framework file, or the id of a built-in framework (default: the first built-in, b2b-2026).")
  String framework;

  Framework load(Env env) {
    if (framework == null) {
      return FrameworkLoader.loadBuiltIn(FrameworkLoader.defaultId());
    }
    return FrameworkLoader.load(framework, env.cwd());
  }
}
