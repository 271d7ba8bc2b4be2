package dev.ragft.bench.export;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.bench.dataset.Task;
import dev.ragft.framework.Condition;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Rule;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validation pass before a fine-tuning export: which training pairs of a dataset are usable,
 * which are skipped and why, and what deserves a warning. Pure: a read dataset in, a plan out.
 */
public final class FineTuneExport {
  private FineTuneExport() {}

  /** Why an example is left out of the export. */
  public enum Reason {
    EMPTY_OUTPUT("empty output"),
    DUPLICATE("duplicate"),
    TOO_LONG("over the token limit"),
    UNREADABLE("unreadable row");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** One example left out, where it is and why. */
  public record Skip(Location location, Reason reason, String detail) implements Comparable<Skip> {
    public Skip {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public int compareTo(Skip o) {
      return new Problem(location, detail).compareTo(new Problem(o.location, o.detail));
    }

    @Override
    public String toString() {
      return location + ": skipped (" + reason.text() + "): " + detail;
    }
  }

  /** The pairs to write (in file order), the examples skipped, and the warnings. */
  public record Plan(List<TrainExample> pairs, List<Skip> skipped, List<Problem> warnings) {
    public Plan {
      pairs = List.copyOf(pairs);
      skipped = List.copyOf(skipped);
      warnings = List.copyOf(warnings);
    }

    /** "1 duplicate, 2 empty output", in the order of {@link Reason}. */
    public String skipCounts() {
      Map<Reason, Integer> n = new TreeMap<>();
      skipped.forEach(s -> n.merge(s.reason(), 1, Integer::sum));
      return String.join(", ", n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text()).toList());
    }
  }

  /** A deterministic train/validation split, each part in the dataset's order. */
  public record Split(List<TrainExample> train, List<TrainExample> validation) {
    public Split {
      train = List.copyOf(train);
      validation = List.copyOf(validation);
    }
  }

  /**
   * Plans the export of the pairs of {@code tasks} from a read dataset. Rows the reader left out
   * of train (bad JSON, blank or missing fields) are skipped, a blank or missing output as
   * {@link Reason#EMPTY_OUTPUT}; later copies of an input+output pair are skipped as duplicates;
   * pairs estimated over {@code rules.maxExampleTokens()} are skipped as too long. Fewer usable
   * pairs than {@code pairsFloor} is a warning.
   *
   * @throws BadInputException when no usable pair is left
   */
  public static Plan plan(
      DatasetReader.Result read, Set<Task> tasks, Optional<String> system, ExportRules rules, Optional<Floor> floor) {
    Dataset d = read.dataset();
    Set<String> trainFiles = Set.of(d.displayName() + "/train.jsonl", d.displayName() + "/train.csv");
    Set<Integer> readLines = new HashSet<>();
    d.train().forEach(t -> readLines.add(t.location().line()));
    List<Skip> skipped = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<Problem> fileProblems = new ArrayList<>();
    Map<Integer, List<Problem>> leftOut = new TreeMap<>();
    for (Problem p : read.problems()) {
      if (!trainFiles.contains(p.location().file())) {
        continue; // corpus and eval do not go into a fine-tuning file; `dataset validate` checks them
      }
      if (p.location().line() <= 0) {
        fileProblems.add(p);
      } else if (readLines.contains(p.location().line())) {
        warnings.add(p); // the pair itself is usable (a duplicate id, a task dataset.yaml does not list)
      } else {
        leftOut.computeIfAbsent(p.location().line(), l -> new ArrayList<>()).add(p);
      }
    }
    for (List<Problem> ps : leftOut.values()) {
      boolean emptyOutput = ps.stream().anyMatch(p -> p.message().startsWith("train example.output:")
          || p.message().endsWith("missing required key 'output'"));
      skipped.add(new Skip(ps.get(0).location(), emptyOutput ? Reason.EMPTY_OUTPUT : Reason.UNREADABLE,
          String.join("; ", ps.stream().map(Problem::message).toList())));
    }
    read.warnings().stream().filter(w -> trainFiles.contains(w.location().file()) && w.location().line() > 0)
        .forEach(warnings::add);

    List<TrainExample> pairs = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    int systemChars = system.map(String::length).orElse(0);
    for (TrainExample t : d.train()) {
      if (!tasks.contains(t.task())) {
        continue;
      }
      long tokens = rules.tokens((long) systemChars + t.input().length() + t.output().length());
      Location first = seen.putIfAbsent(t.input() + "\u0000" + t.output(), t.location());
      if (first != null) {
        skipped.add(new Skip(t.location(), Reason.DUPLICATE, "train example '" + t.id()
            + "': the same input and output as line " + first.line()));
      } else if (tokens > rules.maxExampleTokens()) {
        skipped.add(new Skip(t.location(), Reason.TOO_LONG, String.format(Locale.ROOT,
            "train example '%s': about %,d tokens (characters / %d), over the limit of %,d in %s", t.id(), tokens,
            rules.charsPerToken(), rules.maxExampleTokens(), ExportRules.RESOURCE)));
      } else {
        pairs.add(t);
      }
    }
    skipped.sort(null);
    if (pairs.isEmpty()) {
      List<Problem> why = new ArrayList<>(fileProblems);
      skipped.forEach(s -> why.add(new Problem(s.location(), "skipped (" + s.reason().text() + "): " + s.detail())));
      String file = why.stream().map(p -> p.location().file()).findFirst()
          .orElse(d.train().isEmpty() ? d.displayName() + "/train.jsonl" : d.train().get(0).location().file());
      why.add(new Problem(Location.ofFile(file), "no usable training pairs for task " + taskList(tasks)
          + "; nothing to export"));
      throw new BadInputException(why);
    }
    floor.filter(f -> pairs.size() < f.pairs()).ifPresent(f -> warnings.add(new Problem(
        Location.ofFile(pairs.get(0).location().file()), String.format(Locale.ROOT,
            "%,d usable pairs is below the floor of %,d quality pairs for fine-tuning (framework %s, rule %s);"
                + " fine-tuning on this file is not realistic yet", pairs.size(), f.pairs(), f.framework(), f.rule()))));
    warnings.sort(null);
    return new Plan(pairs, skipped, warnings);
  }

  /** The least number of pairs a framework asks for before it allows fine-tuning, and where it says so. */
  public record Floor(long pairs, String framework, String rule) {
    public Floor {
      Objects.requireNonNull(framework, "framework");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * The framework's floor on training pairs: the largest {@code training-pairs below N} among the
   * rules that exclude fine-tuning (in b2b-2026 the {@code pairs-floor} rule). Empty when the
   * framework sets none.
   */
  public static Optional<Floor> floor(Framework framework) {
    Optional<Floor> best = Optional.empty();
    for (Rule rule : framework.rules()) {
      if (!rule.excludes().contains("fine-tune")) {
        continue;
      }
      for (Condition c : rule.when()) {
        if (c instanceof Condition.NumberIn n && n.question().equals("training-pairs") && n.below() != Long.MAX_VALUE
            && (best.isEmpty() || n.below() > best.get().pairs())) {
          best = Optional.of(new Floor(n.below(), framework.id(), rule.id()));
        } else if (c instanceof Condition.FloorRelative f && f.question().equals("training-pairs") && f.below()
            && (best.isEmpty() || f.floor().otherwise() > best.get().pairs())) {
          // A floor that depends on the task: the framework's general one (a dataset names no business task).
          best = Optional.of(new Floor(f.floor().otherwise(), framework.id(), rule.id()));
        }
      }
    }
    return best;
  }

  /**
   * Splits {@code pairs} into train and validation: round(size x fraction) pairs, at least one
   * and at most size - 1, drawn by a seeded shuffle. Same pairs, fraction and seed, same split.
   *
   * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1, or there
   *     are fewer than two pairs
   */
  public static Split split(List<TrainExample> pairs, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("the validation fraction must be between 0 and 1 (exclusive), was " + fraction);
    }
    int n = pairs.size();
    if (n < 2) {
      throw new IllegalArgumentException("a split needs at least 2 pairs, found " + n);
    }
    int k = (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    Set<Integer> validation = new TreeSet<>();
    for (int i = 0; i < k; i++) {
      validation.add(order[i]);
    }
    List<TrainExample> train = new ArrayList<>();
    List<TrainExample> val = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (validation.contains(i) ? val : train).add(pairs.get(i));
    }
    return new Split(train, val);
  }

  /**
   * A warning when a training file of {@code format} holds fewer examples than its trainer
   * accepts (OpenAI's fine-tuning API: 10), named after the file.
   */
  public static Optional<Problem> tooFewForTrainer(ExportFormat format, int examples, String file, ExportRules rules) {
    long least = rules.minimumExamples(format);
    if (examples >= least) {
      return Optional.empty();
    }
    return Optional.of(new Problem(Location.ofFile(file), String.format(Locale.ROOT,
        "%d training examples, fewer than the %d examples %s fine-tuning accepts (minimum-examples in %s)", examples,
        least, format.id(), ExportRules.RESOURCE)));
  }

  /** {@code out.jsonl} -> {@code out.validation.jsonl}; a name without extension gets {@code .validation}. */
  public static String validationName(String out) {
    int slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
    int dot = out.lastIndexOf('.');
    if (dot <= slash + 1) {
      return out + ".validation";
    }
    return out.substring(0, dot) + ".validation" + out.substring(dot);
  }

  private static String taskList(Set<Task> tasks) {
    return String.join(" or ", Task.all().stream().filter(tasks::contains).map(Task::id).toList());
  }
}
