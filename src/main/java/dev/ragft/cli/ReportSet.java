package dev.ragft.cli;

import dev.ragft.input.BadInputException;
import dev.ragft.input.IoReason;
import dev.ragft.input.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reports of a bench run written into its report folder as one set: the folder holds the
 * complete set of the earlier run or the complete set of this one, never a mix, whenever the run
 * is interrupted.
 *
 * <p>Each file is first written whole beside its place ({@code .ragft-new.NAME}); then a journal
 * ({@code .ragft-pending}) lists the moves, the files are moved into place and the journal is
 * deleted. Interrupted (Ctrl-C, SIGTERM) before the journal, the staged files are removed and the
 * earlier set stays; after it, the moves are finished first. A process killed outright leaves the
 * journal, and the next bench into the folder finishes the moves it lists before anything else.
 */
final class ReportSet {
  static final String JOURNAL = ".ragft-pending";
  private static final String STAGED = ".ragft-new.";

  private final Path dir;
  private final String shownAs;
  private final Object lock = new Object();
  private boolean stopped;
  private boolean committed;

  ReportSet(Path dir, String shownAs) {
    this.dir = dir;
    this.shownAs = shownAs;
  }

  /**
   * Finishes or discards a set an earlier process left: the moves of a journal are finished (its
   * files were all written), staged files without a journal are removed.
   */
  static void recover(Path dir, String shownAs) {
    try {
      Path journal = dir.resolve(JOURNAL);
      if (Files.isRegularFile(journal)) {
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
          int tab = line.indexOf('\t');
          if (tab > 0) {
            Path from = dir.resolve(line.substring(0, tab));
            if (Files.exists(from)) {
              Files.move(from, dir.resolve(line.substring(tab + 1)), StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.ATOMIC_MOVE);
            }
          }
        }
        Files.delete(journal);
      }
      removeStaged(dir);
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(shownAs), "cannot finish the reports an interrupted run left: "
          + IoReason.of(e));
    }
  }

  /**
   * Writes {@code files} (name to content) and moves {@code moves} (a file in the folder to its
   * name in the set, e.g. the run's results log) into the folder as one set. Does nothing once
   * {@link #stop()} ran: the process is ending and the earlier set stays.
   *
   * @return the names written, in order; empty when stopped
   */
  List<String> write(Map<String, String> files, Map<String, String> moves) {
    Map<String, String> journal = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        synchronized (lock) {
          if (stopped) {
            return List.of();
          }
        }
        Files.writeString(dir.resolve(STAGED + f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        journal.put(STAGED + f.getKey(), f.getKey());
      }
      journal.putAll(moves);
      synchronized (lock) {
        if (stopped) {
          return List.of();
        }
        StringBuilder b = new StringBuilder();
        journal.forEach((from, to) -> b.append(from).append('\t').append(to).append('\n'));
        Path tmp = dir.resolve(JOURNAL + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(JOURNAL), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        for (Map.Entry<String, String> m : journal.entrySet()) {
          Files.move(dir.resolve(m.getKey()), dir.resolve(m.getValue()), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(dir.resolve(JOURNAL));
        committed = true;
      }
    } catch (IOException e) {
      throw new BadInputException(Location.ofFile(shownAs), "cannot write the reports: " + IoReason.of(e));
    }
    return new ArrayList<>(journal.values());
  }

  /** Whether the new set is in place. */
  boolean committed() {
    synchronized (lock) {
      return committed;
    }
  }

  /**
   * From a shutdown hook: waits for moves in progress to finish, then keeps any later write from
   * starting and removes its staged files.
   */
  void stop() {
    synchronized (lock) {
      stopped = true;
      if (!committed) {
        try {
          removeStaged(dir);
        } catch (IOException e) {
          // The process is ending; the next bench into the folder removes them (recover).
        }
      }
    }
  }

  private static void removeStaged(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith(STAGED)).toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir.resolve(JOURNAL + ".tmp"));
  }
}
