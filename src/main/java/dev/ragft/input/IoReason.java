package dev.ragft.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a write failed, as a user reads it ("permission denied", "read-only file system", "no
 * space left on device"), without the path of a temporary file the user never named.
 */
public final class IoReason {
  private IoReason() {}

  public static String of(Throwable t) {
    if (t instanceof java.io.UncheckedIOException u) {
      return of(u.getCause());
    }
    if (t instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (t instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (t instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    String text;
    if (t instanceof FileSystemException f) {
      text = f.getReason() != null ? f.getReason() : t.getClass().getSimpleName();
    } else if (t instanceof IOException && t.getMessage() != null && !t.getMessage().isBlank()) {
      text = t.getMessage();
    } else {
      text = t.getClass().getSimpleName();
    }
    text = text.strip();
    return text.isEmpty() ? "input/output error" : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
