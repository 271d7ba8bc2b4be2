package dev.ragft.bench.dataset;

import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Node;
import dev.ragft.input.NodeReader;
import dev.ragft.input.Problem;
import dev.ragft.input.YamlTree;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a dataset folder (docs/bench.md, "The dataset format") into a {@link Dataset}, collecting every problem with file and
 * line instead of stopping at the first: bad JSON or CSV, missing fields, unknown tasks. Rows with
 * problems are left out of the dataset; the checks across files are {@link DatasetChecks}'.
 */
public final class DatasetReader {
  static final List<String> INFO_KEYS =
      List.of("name", "description", "source", "licence", "license", "synthetic", "tasks", "training-snapshot",
          "trainingSnapshot", "out-of-scope-label");
  static final List<String> CORPUS_FIELDS = List.of("id", "title", "text", "updated");
  static final List<String> TRAIN_FIELDS = List.of("id", "task", "input", "output");
  static final List<String> EVAL_FIELDS = List.of("id", "task", "input", "expected", "relevant", "tags");
  static final Set<String> LIST_COLUMNS = Set.of("relevant", "tags", "expected");

  /** The dataset as read (rows with problems left out), what is wrong with it, and what is odd. */
  public record Result(Dataset dataset, List<Problem> problems, List<Problem> warnings) {
    public Result {
      problems = sorted(problems);
      warnings = sorted(warnings);
    }

    /** The dataset when it has no problems; otherwise every problem, as bad input. */
    public Dataset orThrow() {
      if (!problems.isEmpty()) {
        throw new BadInputException(problems);
      }
      return dataset;
    }

    private static List<Problem> sorted(List<Problem> ps) {
      List<Problem> s = new ArrayList<>(new java.util.LinkedHashSet<>(ps));
      s.sort(null);
      return List.copyOf(s);
    }
  }

  private final Path dir;
  private final String display;
  private final boolean strict;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private final MessageDigest content = sha256();
  private String corpusHash;

  private DatasetReader(Path dir, String display, boolean strict) {
    this.dir = dir;
    this.strict = strict;
    this.display = display.endsWith("/") ? display.substring(0, display.length() - 1) : display;
  }

  /**
   * Reads the folder {@code dir}; {@code display} is how messages name it (as the user typed it).
   *
   * @throws BadInputException when the folder does not exist (nothing else can be checked)
   */
  public static Result read(Path dir, String display) {
    return read(dir, display, false);
  }

  /**
   * Reads the folder {@code dir}. An eval case whose input also occurs in train is left out of the
   * dataset's eval with one warning naming the first few; with {@code strict} it is a problem instead.
   *
   * @throws BadInputException when the folder does not exist (nothing else can be checked)
   */
  public static Result read(Path dir, String display, boolean strict) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(Location.ofFile(display),
          Files.exists(dir) ? "not a folder; a dataset is a folder with dataset.yaml, corpus, train and eval files"
              : "dataset folder not found");
    }
    return new DatasetReader(dir, display, strict).read();
  }

  /** The files a dataset folder's reading reads: dataset.yaml and the corpus, train and eval files, JSONL or CSV. */
  public static List<Path> files(Path dir) {
    List<Path> out = new ArrayList<>(List.of(dir.resolve("dataset.yaml")));
    for (String split : List.of("corpus", "train", "eval")) {
      out.add(dir.resolve(split + ".jsonl"));
      out.add(dir.resolve(split + ".csv"));
    }
    return out;
  }

  private Result read() {
    DatasetInfo info = info();
    Optional<SplitFile> corpusFile = split("corpus", false);
    Optional<SplitFile> trainFile = split("train", false);
    Optional<SplitFile> evalFile = split("eval", true);
    // Train and eval are read first, whole (they are small); the corpus then streams past once, checked
    // and counted, and is read again by whoever needs its documents. The content hash still covers the
    // files in the order corpus, train, eval.
    Optional<byte[]> trainBytes = trainFile.flatMap(this::bytes);
    Optional<byte[]> evalBytes = evalFile.flatMap(this::bytes);
    List<TrainExample> train = trainFile.map(f -> trainExamples(f, trainBytes)).orElse(List.of());
    List<EvalCase> eval = evalFile.map(f -> evalCases(f, evalBytes)).orElse(List.of());
    List<DatasetChecks.Overlap> overlap = DatasetChecks.overlap(train, eval);
    int excluded = 0;
    if (strict) {
      overlap.forEach(o -> problems.add(o.problem()));
    } else if (!overlap.isEmpty()) {
      warnings.add(DatasetChecks.overlapWarning(overlap, eval.size()));
      Set<EvalCase> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      overlap.forEach(o -> left.add(o.evalCase()));
      eval = eval.stream().filter(c -> !left.contains(c)).toList();
      excluded = overlap.size();
    }
    Set<String> wanted = new java.util.HashSet<>();
    eval.forEach(c -> wanted.addAll(c.relevant()));
    Set<String> found = new java.util.HashSet<>();
    Corpus corpus = corpusFile.map(f -> scan(f, wanted, found)).orElse(Corpus.EMPTY);
    if (corpusFile.isEmpty()) {
      corpusHash = hashOf(new byte[0]);
    }
    trainFile.ifPresent(f -> digest(f, trainBytes));
    evalFile.ifPresent(f -> digest(f, evalBytes));
    Dataset d = new Dataset(display, info, corpus, train, eval, HexFormat.of().formatHex(content.digest()).substring(0, 16),
        corpusHash, excluded);
    DatasetChecks.check(d, evalFile.map(SplitFile::name).orElse(display + "/eval.jsonl"), problems, warnings,
        found::contains);
    return new Result(d, problems, warnings);
  }

  /**
   * Streams the corpus file once: every row checked (missing fields, duplicate ids), counted and
   * hashed, and the ids eval names as relevant noted in {@code found}. Memory: the ids' 64-bit hashes
   * and first lines, 12 bytes per document, to find duplicates; documents are not kept.
   */
  private Corpus scan(SplitFile f, Set<String> wanted, Set<String> found) {
    MessageDigest own = sha256();
    content.update(f.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
    IdLines ids = new IdLines();
    Unknown unknown = new Unknown(CORPUS_FIELDS);
    int[] count = {0};
    NodeReader r = new NodeReader();
    try (java.io.InputStream in = new Digesting(Files.newInputStream(f.path()), content, own)) {
      RowReader.stream(RowReader.utf8(in), f.name(), f.csv(), LIST_COLUMNS, row -> {
        unknown.see(row);
        Optional<Document> doc = Corpus.document(row, r);
        if (doc.isPresent()) {
          String id = doc.get().id();
          int first = ids.putIfAbsent(id, row.location().line());
          if (first > 0) {
            problems.add(new Problem(row.location(), "document: duplicate id '" + id + "' (first at line " + first
                + ")"));
          } else {
            count[0]++;
            if (wanted.contains(id)) {
              found.add(id);
            }
          }
        }
      }, problems::add);
    } catch (CharacterCodingException e) {
      notUtf8(f);
    } catch (IOException e) {
      problems.add(new Problem(Location.ofFile(f.name()), "cannot read: " + e.getMessage()));
    }
    problems.addAll(r.problems());
    unknown.report(warnings);
    corpusHash = HexFormat.of().formatHex(own.digest()).substring(0, 16);
    return new Corpus.InFile(f.path(), f.name(), f.csv(), count[0]);
  }

  /** An input stream that feeds every byte read to digests as well. */
  private static final class Digesting extends java.io.FilterInputStream {
    private final MessageDigest[] digests;

    Digesting(java.io.InputStream in, MessageDigest... digests) {
      super(in);
      this.digests = digests;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        for (MessageDigest d : digests) {
          d.update((byte) b);
        }
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        for (MessageDigest d : digests) {
          d.update(buf, off, n);
        }
      }
      return n;
    }
  }

  /**
   * Ids seen, as 64-bit hashes with the line each was first seen on, in open addressing: 12 bytes a
   * document at most half full. Two different ids with the same 64-bit hash would be taken for a
   * duplicate; at a million documents the chance is about one in 10^7.
   */
  private static final class IdLines {
    private long[] keys = new long[1024];
    private int[] lines = new int[1024];
    private int size;

    /** The line {@code id} was first seen on, or 0 after recording it at {@code line}. */
    int putIfAbsent(String id, int line) {
      if (size * 2 >= keys.length) {
        grow();
      }
      long h = hash(id);
      int mask = keys.length - 1;
      for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (lines[i] == 0) {
          keys[i] = h;
          lines[i] = Math.max(1, line);
          size++;
          return 0;
        }
        if (keys[i] == h) {
          return lines[i];
        }
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldLines = lines;
      keys = new long[oldKeys.length * 2];
      lines = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldLines[j] != 0) {
          long h = oldKeys[j];
          int i = (int) (h ^ (h >>> 32)) & mask;
          while (lines[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = h;
          lines[i] = oldLines[j];
        }
      }
    }

    /** FNV-1a over the UTF-16 units, 64 bits, then mixed (SplitMix64's finaliser). */
    private static long hash(String s) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
      h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
      return h ^ (h >>> 31);
    }
  }

  /** Fields a file's rows have that ragft does not know, with where each was first seen and how often. */
  private static final class Unknown {
    private final List<String> known;
    private final Map<String, Location> at = new TreeMap<>();
    private final Map<String, Integer> count = new LinkedHashMap<>();

    Unknown(List<String> known) {
      this.known = known;
    }

    void see(Row row) {
      for (Node.Entry e : row.fields().entries().values()) {
        if (!known.contains(e.key())) {
          at.putIfAbsent(e.key(), e.keyLocation());
          count.merge(e.key(), 1, Integer::sum);
        }
      }
    }

    void report(List<Problem> warnings) {
      at.forEach((k, where) -> warnings.add(new Problem(where, "unknown field '" + k + "' ignored (in " + count.get(k)
          + (count.get(k) == 1 ? " row" : " rows") + "); known fields: " + String.join(", ", known))));
    }
  }

  private DatasetInfo info() {
    Path file = dir.resolve("dataset.yaml");
    String name = display + "/dataset.yaml";
    String fallbackName = dir.toAbsolutePath().normalize().getFileName() == null ? display
        : dir.toAbsolutePath().normalize().getFileName().toString();
    if (!Files.exists(file)) {
      problems.add(new Problem(Location.ofFile(name), "file not found; it names the dataset and its tasks"
          + " (keys: name, description, source, licence, synthetic, tasks, training-snapshot)"));
      return new DatasetInfo(fallbackName, "", "", "", false, Task.all(), "");
    }
    Node root;
    try {
      root = YamlTree.read(file, name);
      content.update(Files.readAllBytes(file));
    } catch (BadInputException e) {
      problems.addAll(e.problems());
      return new DatasetInfo(fallbackName, "", "", "", false, Task.all(), "");
    } catch (IOException e) {
      problems.add(new Problem(Location.ofFile(name), "cannot read: " + e.getMessage()));
      return new DatasetInfo(fallbackName, "", "", "", false, Task.all(), "");
    }
    NodeReader r = new NodeReader();
    Optional<Node.MapNode> map = r.asMap(root, "dataset.yaml");
    if (map.isEmpty()) {
      problems.addAll(r.problems());
      return new DatasetInfo(fallbackName, "", "", "", false, Task.all(), "");
    }
    Node.MapNode m = map.get();
    for (Node.Entry e : m.entries().values()) {
      if (!INFO_KEYS.contains(e.key())) {
        // Extra keys are kept for people (a dataset may say more about itself); a typo still shows.
        warnings.add(new Problem(e.keyLocation(), "dataset.yaml: unknown key '" + e.key() + "' ignored; known keys: "
            + String.join(", ", INFO_KEYS)));
      }
    }
    String dsName = r.string(m, "name", "dataset.yaml");
    String description = r.optionalString(m, "description", "dataset.yaml", "");
    String source = r.optionalString(m, "source", "dataset.yaml", "");
    String licence = r.optionalString(m, "licence", "dataset.yaml", r.optionalString(m, "license", "dataset.yaml", ""));
    boolean synthetic = r.optional(m, "synthetic").map(n -> bool(r, n)).orElse(false);
    // Both spellings: kebab-case like the use-case files, camelCase like summary.json.
    String snapshot = r.optionalString(m, "training-snapshot", "dataset.yaml",
        r.optionalString(m, "trainingSnapshot", "dataset.yaml", ""));
    String outOfScope = r.optionalString(m, "out-of-scope-label", "dataset.yaml", "").strip();
    List<Task> tasks = new ArrayList<>();
    r.required(m, "tasks", "dataset.yaml").ifPresent(n -> {
      for (Node item : n instanceof Node.ListNode l ? l.items() : List.of(n)) {
        r.text(item, "dataset.yaml.tasks").ifPresent(t -> Task.of(t).ifPresentOrElse(tasks::add,
            () -> r.problem(item.location(), "dataset.yaml.tasks: unknown task '" + t + "'; expected one of " + Task.ids())));
      }
    });
    problems.addAll(r.problems());
    return new DatasetInfo(dsName, description, source, licence, synthetic, tasks.isEmpty() ? Task.all() : tasks, snapshot,
        outOfScope);
  }

  private static boolean bool(NodeReader r, Node n) {
    if (n instanceof Node.ScalarNode s && s.type() == Node.ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(s.text());
    }
    r.problem(n.location(), "dataset.yaml.synthetic: expected true or false, found " + n.kind());
    return false;
  }

  /** A split's file as found: its path, how messages name it, and whether it is CSV. */
  private record SplitFile(Path path, String name, boolean csv) {}

  private Optional<SplitFile> split(String split, boolean required) {
    Path jsonl = dir.resolve(split + ".jsonl");
    Path csv = dir.resolve(split + ".csv");
    boolean hasJsonl = Files.exists(jsonl);
    boolean hasCsv = Files.exists(csv);
    if (hasJsonl && hasCsv) {
      problems.add(new Problem(Location.ofFile(display + "/" + split + ".csv"),
          "both " + split + ".jsonl and " + split + ".csv exist; keep one"));
      return Optional.empty();
    }
    if (!hasJsonl && !hasCsv) {
      if (required) {
        problems.add(new Problem(Location.ofFile(display + "/" + split + ".jsonl"),
            "file not found (" + split + ".jsonl or " + split + ".csv)"));
      }
      return Optional.empty();
    }
    Path p = hasJsonl ? jsonl : csv;
    return Optional.of(new SplitFile(p, display + "/" + p.getFileName(), hasCsv));
  }

  /** A file's bytes, or empty after a problem. */
  private Optional<byte[]> bytes(SplitFile f) {
    try {
      return Optional.of(Files.readAllBytes(f.path()));
    } catch (IOException e) {
      problems.add(new Problem(Location.ofFile(f.name()), "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private void digest(SplitFile f, Optional<byte[]> bytes) {
    content.update(f.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
    bytes.ifPresent(content::update);
  }

  private List<Row> rows(SplitFile f, Optional<byte[]> bytes, List<String> knownFields) {
    if (bytes.isEmpty()) {
      return List.of();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.get())).toString();
    } catch (CharacterCodingException e) {
      notUtf8(f);
      return List.of();
    }
    RowReader.Result r = f.csv() ? RowReader.csv(text, f.name(), LIST_COLUMNS) : RowReader.jsonLines(text, f.name());
    problems.addAll(r.problems());
    Unknown unknown = new Unknown(knownFields);
    r.rows().forEach(unknown::see);
    unknown.report(warnings);
    return r.rows();
  }

  private List<TrainExample> trainExamples(SplitFile f, Optional<byte[]> bytes) {
    List<TrainExample> out = new ArrayList<>();
    NodeReader r = new NodeReader();
    for (Row row : rows(f, bytes, TRAIN_FIELDS)) {
      int before = r.problems().size();
      Node.MapNode m = row.fields();
      String id = r.string(m, "id", "train example");
      Optional<Task> task = task(r, m, "train example");
      String input = r.string(m, "input", "train example");
      String output = r.string(m, "output", "train example");
      if (r.problems().size() == before && task.isPresent()) {
        out.add(new TrainExample(id, task.get(), input, output, row.location()));
      }
    }
    problems.addAll(r.problems());
    return out;
  }

  private List<EvalCase> evalCases(SplitFile f, Optional<byte[]> bytes) {
    List<EvalCase> out = new ArrayList<>();
    NodeReader r = new NodeReader();
    for (Row row : rows(f, bytes, EVAL_FIELDS)) {
      int before = r.problems().size();
      Node.MapNode m = row.fields();
      String id = r.string(m, "id", "eval case");
      Optional<Task> task = task(r, m, "eval case");
      String input = r.string(m, "input", "eval case");
      List<String> expected = r.required(m, "expected", "eval case").map(n -> r.idList(n, "eval case.expected"))
          .orElse(List.of());
      if (expected.isEmpty() && r.problems().size() == before) {
        r.problem(row.location(), "eval case.expected: expected an answer (or a list of acceptable answers)");
      }
      List<String> relevant = r.optional(m, "relevant").map(n -> r.idList(n, "eval case.relevant")).orElse(List.of());
      List<String> tags = r.optional(m, "tags").map(n -> r.idList(n, "eval case.tags")).orElse(List.of());
      if (r.problems().size() == before && task.isPresent()) {
        out.add(new EvalCase(id, task.get(), input, expected, relevant, tags, row.location()));
      }
    }
    problems.addAll(r.problems());
    return out;
  }

  private static Optional<Task> task(NodeReader r, Node.MapNode m, String what) {
    Optional<Node> node = r.required(m, "task", what);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = r.text(node.get(), what + ".task");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Task> t = Task.of(text.get());
    if (t.isEmpty()) {
      r.problem(node.get().location(), what + ".task: unknown task '" + text.get() + "'; expected one of " + Task.ids());
    }
    return t;
  }

  private static String hashOf(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A file that is not UTF-8, named at its first bad byte where that can be found. */
  private void notUtf8(SplitFile f) {
    Optional<Problem> at;
    try {
      at = dev.ragft.input.Utf8.firstBadByte(f.path(), f.name(), "save the file as UTF-8");
    } catch (IOException again) {
      at = Optional.empty();
    }
    problems.add(at.orElse(new Problem(Location.ofFile(f.name()), "not a UTF-8 text file")));
  }
}
