package dev.ragft.cli;

import dev.ragft.cost.PriceLoader;
import dev.ragft.cost.Prices;
import dev.ragft.framework.Framework;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --prices option, shared by every command that shows costs. */
final class PricesOption {
  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A price-and-latency file, or a built-in id (default: the one the framework names, prices-2026).")
  String prices;

  Optional<Prices> load(Env env, Framework framework) {
    return PriceLoader.load(Optional.ofNullable(prices), env.cwd(), framework);
  }
}
