package dev.ragft.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FrameworkLoaderTest {
  @Test
  void readsEachBuiltInFrameworkOnceAndSharesItAcrossThreads() throws Exception {
    String id = FrameworkLoader.defaultId();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Framework>> loads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        loads.add(pool.submit((Callable<Framework>) () -> FrameworkLoader.loadBuiltIn(id)));
      }
      Framework first = loads.get(0).get();
      for (Future<Framework> f : loads) {
        assertThat(f.get()).isSameAs(first);
      }
      assertThat(FrameworkLoader.loadBuiltIn(id)).isSameAs(first);
      assertThat(first.id()).isEqualTo(id);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnknownBuiltInIdFailsEveryTimeAndIsNotKept() {
    assertThatThrownBy(() -> FrameworkLoader.loadBuiltIn("no-such-framework")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-framework");
    assertThatThrownBy(() -> FrameworkLoader.loadBuiltIn("no-such-framework")).isInstanceOf(IllegalStateException.class);
  }
}
