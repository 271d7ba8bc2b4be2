package dev.ragft.usecase;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * A reader that remembers where lines start, so a CSV record's character position can be told as
 * a line number, even when quoted values span lines or blank lines were skipped. It keeps only
 * the line breaks not yet asked about, so memory stays flat however long the file. Drops a
 * leading byte-order mark, as spreadsheets write one.
 */
final class LineTracker extends FilterReader {
  private final ArrayDeque<Long> breaks = new ArrayDeque<>();
  private long position;
  private long linesBefore;
  private boolean started;

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
      if (buf[off + i] == '\n') {
        breaks.add(position + i);
      }
    }
    if (n > 0) {
      position += n;
    }
    return n;
  }

  /** The 1-based line of character {@code at}; calls must not go backwards. */
  int lineOf(long at) {
    while (!breaks.isEmpty() && breaks.peekFirst() < at) {
      breaks.pollFirst();
      linesBefore++;
    }
    return (int) Math.min(Integer.MAX_VALUE, linesBefore + 1);
  }
}
