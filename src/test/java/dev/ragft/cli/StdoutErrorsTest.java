package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report that cannot reach stdout is an error, not a silent exit 0: a stdout that throws on
 * write or flush stands for /dev/full or a closed descriptor. A closed pipe is told apart by the
 * message the JDK gives for EPIPE ("Broken pipe"), and stays quiet.
 */
class StdoutErrorsTest {
  @TempDir Path dir;

  /** An output stream that fails every write and flush with {@code message}, as the JDK reports it. */
  static final class Failing extends OutputStream {
    private final String message;
    int writes;

    Failing(String message) {
      this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
      writes++;
      throw new IOException(message);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writes++;
      throw new IOException(message);
    }

    @Override
    public void flush() throws IOException {
      throw new IOException(message);
    }
  }

  /** Accepts writes, but fails on flush: a device that fails only once the bytes are pushed out. */
  static final class FailingFlush extends OutputStream {
    @Override
    public void write(int b) {}

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }
  }

  private Cli full(String... args) {
    return Cli.runTo(new Failing("No space left on device"), Path.of("").toAbsolutePath(), args);
  }

  @Nested
  class AFullDevice {
    @Test
    void failsRecommendWithOneLineAndExit2() {
      Cli r = full("recommend", "examples/usecases/enterprise-sla-answers.yaml");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: cannot write to stdout: no space left on device\n");
    }

    @Test
    void failsScoreCsv() {
      Cli r = full("score", "examples/usecases", "--format", "csv");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).endsWith("ragft: cannot write to stdout: no space left on device\n");
    }

    @Test
    void failsBenchJson() {
      Cli r = full("bench", BenchCommandTest.TINY, "--no-timing", "--format", "json",
          "--cache-dir", dir.resolve("cache").toString());
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).endsWith("ragft: cannot write to stdout: no space left on device\n");
    }

    @Test
    void failsHelp() {
      Cli r = full("recommend", "--help");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: cannot write to stdout: no space left on device\n");
    }

    @Test
    void failsWhenOnlyTheFlushFails() {
      Cli r = Cli.runTo(new FailingFlush(), Path.of("").toAbsolutePath(), "framework", "list");
      assertThat(r.exit()).as(r.describe()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("ragft: cannot write to stdout: no space left on device\n");
    }
  }

  @Test
  void aClosedDescriptorIsAnErrorToo() {
    Cli r = Cli.runTo(new Failing("Bad file descriptor"), Path.of("").toAbsolutePath(), "framework", "list");
    assertThat(r.exit()).as(r.describe()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("ragft: cannot write to stdout: bad file descriptor\n");
  }

  @Test
  void aClosedPipeStaysQuietAndTheCommandKeepsItsExitCode() {
    Failing pipe = new Failing("Broken pipe");
    Cli r = Cli.runTo(pipe, Path.of("").toAbsolutePath(), "score", "examples/usecases", "--format", "csv");
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(pipe.writes).as("nothing written after the pipe closed").isEqualTo(1);
  }
}
