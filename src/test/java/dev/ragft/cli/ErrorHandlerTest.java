package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How a failure of the machine (not of ragft) reads: the reason and exit 2, never "internal error". */
class ErrorHandlerTest {
  private static String handle(Exception e, int[] exit) {
    StringWriter err = new StringWriter();
    exit[0] = new ErrorHandler(new PrintWriter(err, true)).handleExecutionException(e,
        new CommandLine(new RagftCommand()), null);
    return err.toString();
  }

  @Test
  void aFileSystemFailureIsItsReasonWithoutTheTemporaryFile() {
    int[] exit = new int[1];
    String err = handle(new UncheckedIOException(new FileSystemException("/x/.ragft-123.tmp", null,
        "No space left on device")), exit);
    assertThat(exit[0]).isEqualTo(2);
    assertThat(err).isEqualTo("ragft: cannot read or write a file: no space left on device\n");
  }

  @Test
  void aFailureThatSaysWhatItWasKeepsItsWords() {
    int[] exit = new int[1];
    String err = handle(new UncheckedIOException("cannot write the response cache llm: no space left on device",
        new FileSystemException("/x/.ragft-123.tmp", null, "No space left on device")), exit);
    assertThat(exit[0]).isEqualTo(2);
    assertThat(err).isEqualTo("ragft: cannot write the response cache llm: no space left on device\n");
  }
}
