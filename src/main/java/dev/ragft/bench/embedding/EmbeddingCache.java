package dev.ragft.bench.embedding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Embeddings kept on disk, so a rerun over the same texts does not embed them again. A file holds
 * the model id, the SHA-256 of the texts, their vectors and a CRC-32 of all of it; a file that is
 * short, damaged or made for other texts or another model is ignored and rebuilt, never trusted.
 * Files are written under a temporary name and moved in place, so a reader never sees half of one.
 */
public final class EmbeddingCache {
  private static final int MAGIC = 0x52414745; // "RAGE"
  private static final int VERSION = 1;

  private final Optional<Path> folder;

  /** A cache in {@code folder}, or none (every call embeds). */
  public EmbeddingCache(Optional<Path> folder) {
    this.folder = folder;
  }

  /**
   * The vectors of {@code texts} by {@code embedder}: read from the cache file named by the model
   * and {@code key} when it holds exactly these texts, otherwise embedded and written there.
   * {@code key} names what the texts are (e.g. the corpus hash and the chunking), for the reader
   * of the folder; the texts' own hash decides whether a file fits.
   */
  public List<float[]> embed(Embedder embedder, String key, List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    byte[] hash = sha256(texts);
    Optional<Path> file = folder.map(f -> f.resolve(fileName(embedder.id(), key)));
    if (file.isPresent()) {
      Optional<List<float[]>> cached = read(file.get(), embedder.id(), hash, texts.size());
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    List<float[]> vectors = embedder.embed(texts);
    file.ifPresent(f -> write(f, embedder.id(), hash, vectors));
    return vectors;
  }

  /** The cache file's name: readable, and safe on every file system. */
  static String fileName(String modelId, String key) {
    return (modelId + "-" + key).replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors";
  }

  /** A short, stable name for a list of texts (for keys when nothing else names them). */
  public static String shortHash(List<String> texts) {
    byte[] h = sha256(texts);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append(String.format(Locale.ROOT, "%02x", h[i]));
    }
    return b.toString();
  }

  static byte[] sha256(List<String> texts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String t : texts) {
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so ["ab", "c"] and ["a", "bc"] differ.
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The vectors in {@code file} if it is whole and made for these texts by this model; else empty. */
  static Optional<List<float[]>> read(Path file, String modelId, byte[] hash, int count) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      // At most tens of MB (10,000 texts of 384 floats is 15 MB): read whole, then check.
      byte[] all = Files.readAllBytes(file);
      if (all.length < Long.BYTES) {
        return Optional.empty();
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - Long.BYTES);
      ByteBuffer in = ByteBuffer.wrap(all);
      if (in.getLong(all.length - Long.BYTES) != crc.getValue()) {
        return Optional.empty();
      }
      in.limit(all.length - Long.BYTES);
      if (in.getInt() != MAGIC || in.getInt() != VERSION) {
        return Optional.empty();
      }
      byte[] id = new byte[in.getInt()];
      in.get(id);
      byte[] stored = new byte[hash.length];
      in.get(stored);
      int n = in.getInt();
      int dims = in.getInt();
      if (!new String(id, StandardCharsets.UTF_8).equals(modelId) || !Arrays.equals(stored, hash) || n != count
          || dims < 1 || (long) n * dims * Float.BYTES != in.remaining()) {
        return Optional.empty();
      }
      List<float[]> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        float[] v = new float[dims];
        in.asFloatBuffer().get(v);
        in.position(in.position() + dims * Float.BYTES);
        out.add(v);
      }
      return Optional.of(out);
    } catch (IOException | RuntimeException e) {
      // A damaged or unreadable cache file (a BufferUnderflowException, a negative length) costs a
      // rebuild, never the run.
      return Optional.empty();
    }
  }

  /** Writes the file atomically; a cache that cannot be written is skipped, as the vectors are in hand. */
  static void write(Path file, String modelId, byte[] hash, List<float[]> vectors) {
    int dims = vectors.isEmpty() ? 1 : vectors.get(0).length;
    byte[] id = modelId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(4 * Integer.BYTES + id.length + hash.length + Integer.BYTES
        + vectors.size() * dims * Float.BYTES + Long.BYTES);
    out.putInt(MAGIC).putInt(VERSION).putInt(id.length).put(id).put(hash).putInt(vectors.size()).putInt(dims);
    for (float[] v : vectors) {
      if (v.length != dims) {
        throw new IllegalArgumentException("vectors of " + dims + " and " + v.length + " dimensions");
      }
      out.asFloatBuffer().put(v);
      out.position(out.position() + dims * Float.BYTES);
    }
    CRC32 crc = new CRC32();
    crc.update(out.array(), 0, out.position());
    out.putLong(crc.getValue());
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.write(tmp, Arrays.copyOf(out.array(), out.position()));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      // Not cached this time; the next run embeds again.
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // A stray temporary file is harmless: its name never matches a cache file.
        }
      }
    }
  }
}
