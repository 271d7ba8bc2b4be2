package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceLoaderTest {
  private static final Path HERE = Path.of("");

  @Test
  void theBuiltInPricesAreReadOncePerFramework() {
    Framework builtIn = FrameworkLoader.loadBuiltIn("b2b-2026");
    Prices first = PriceLoader.load(Optional.empty(), HERE, builtIn).orElseThrow();
    Prices again = PriceLoader.load(Optional.of("prices-2026"), HERE, builtIn).orElseThrow();
    assertThat(again).isSameAs(first);
  }

  @Test
  void anotherFrameworkGetsPricesCheckedAgainstItself() {
    Framework builtIn = FrameworkLoader.loadBuiltIn("b2b-2026");
    Framework copy = FrameworkLoader.loadFile(Path.of("frameworks/b2b-2026.yaml"), "b2b-2026.yaml");
    assertThat(copy).isNotSameAs(builtIn);
    Prices shared = PriceLoader.load(Optional.empty(), HERE, builtIn).orElseThrow();
    Prices own = PriceLoader.load(Optional.empty(), HERE, copy).orElseThrow();
    assertThat(own).isNotSameAs(shared).isEqualTo(shared);
  }
}
