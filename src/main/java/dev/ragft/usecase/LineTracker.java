package dev.ragft.usecase;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * A reader that remembers where lines end, so a CSV record's character position can be told as
 * a line number, even when quoted values span lines or blank lines were skipped (the parser
 * gives a record after blank lines the position of the first blank line). It keeps only the line
 * ends not yet passed, so memory stays flat however long the file. Drops a leading byte-order
 * mark, as spreadsheets write one.
 */
final class LineTracker extends FilterReader {
  /** Per line end not yet passed: where it starts ('\r' of "\r\n", else '\n') and where its '\n' is. */
  private final ArrayDeque<long[]> ends = new ArrayDeque<>();
  private long position;
  private long linesBefore;
  private boolean started;
  private boolean lastWasCr;

  LineTracker(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0 && !started) {
      started = true;
      if (buf[off] == '\uFEFF') {
        System.arraycopy(buf, off + 1, buf, off, n - 1);
        n--;
        if (n == 0) {
          return read(buf, off, len);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      char c = buf[off + i];
      if (c == '\n') {
        long at = position + i;
        ends.add(new long[] {lastWasCr ? at - 1 : at, at});
      }
      lastWasCr = c == '\r';
    }
    if (n > 0) {
      position += n;
    }
    return n;
  }

  /** The 1-based line of the record starting at character {@code at}; calls must not go backwards. */
  int lineOf(long at) {
    long p = at;
    while (true) {
      while (!ends.isEmpty() && ends.peekFirst()[1] < p) {
        ends.pollFirst();
        linesBefore++;
      }
      long[] next = ends.peekFirst();
      if (next == null || next[0] != p) {
        return (int) Math.min(Integer.MAX_VALUE, linesBefore + 1);
      }
      p = next[1] + 1; // an empty line: the record starts after it
    }
  }
}
