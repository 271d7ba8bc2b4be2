package dev.ragft.bench.dataset;

import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The checks across a dataset's files: duplicate ids, {@code relevant} ids missing from the corpus,
 * tasks the dataset does not declare, splits that cannot be benchmarked. Eval cases that were
 * trained on are found by {@link #overlap}: left out with a warning, or refused with {@code --strict}. Labels seen in eval but never in train are warnings: a trained model cannot
 * predict them, which the report counts.
 */
final class DatasetChecks {
  private DatasetChecks() {}

  /**
   * The checks; {@code inCorpus} says whether an id is a corpus document's (the corpus itself was
   * checked for duplicates as it streamed past, see {@link DatasetReader}).
   */
  static void check(Dataset d, String evalName, List<Problem> problems, List<Problem> warnings,
      java.util.function.Predicate<String> inCorpus) {
    duplicates(d.train(), TrainExample::id, TrainExample::location, "train example", problems);
    duplicates(d.eval(), EvalCase::id, EvalCase::location, "eval case", problems);
    declaredTasks(d, problems);
    Set<String> trainLabels = new HashSet<>();
    d.train(Task.CLASSIFICATION).forEach(t -> trainLabels.add(t.output()));
    Map<String, Integer> unseenLabels = new TreeMap<>();
    Map<String, Location> unseenAt = new HashMap<>();
    for (EvalCase c : d.eval()) {
      for (String id : c.relevant()) {
        if (!inCorpus.test(id)) {
          problems.add(new Problem(c.location(), "eval case '" + c.id() + "': relevant id '" + id + "' is not in the corpus"));
        }
      }
      if (c.task() == Task.CLASSIFICATION && !trainLabels.isEmpty() && !trainLabels.contains(c.label())) {
        unseenLabels.merge(c.label(), 1, Integer::sum);
        unseenAt.putIfAbsent(c.label(), c.location());
      }
    }
    unseenLabels.forEach((label, n) -> warnings.add(new Problem(unseenAt.get(label), "label '" + label
        + "' is in eval (" + n + (n == 1 ? " case" : " cases") + ") but never in train; a trained model cannot predict it")));
    splits(d, evalName, problems, warnings);
  }

  /** An eval case whose input also occurs in train: the case and the first train example with that input. */
  record Overlap(EvalCase evalCase, TrainExample train) {
    /** The refusal of {@code --strict}. */
    Problem problem() {
      return new Problem(evalCase.location(), "eval case '" + evalCase.id() + "': the same input is in train ("
          + train.location() + ", id '" + train.id() + "'); a held-out case must not be trained on");
    }
  }

  /** How many overlapping cases a warning names; the rest are counted. */
  static final int NAMED_OVERLAP = 5;

  /** The eval cases whose input also occurs in train, compared as {@link #normal} makes them, in eval order. */
  static List<Overlap> overlap(List<TrainExample> train, List<EvalCase> eval) {
    Map<String, TrainExample> trainInputs = new HashMap<>();
    train.forEach(t -> trainInputs.putIfAbsent(normal(t.input()), t));
    List<Overlap> out = new java.util.ArrayList<>();
    for (EvalCase c : eval) {
      TrainExample seen = trainInputs.get(normal(c.input()));
      if (seen != null) {
        out.add(new Overlap(c, seen));
      }
    }
    return out;
  }

  /**
   * The one warning for the cases left out: how many, the first few with both lines, and how to
   * refuse such a dataset instead. At the first case's line.
   */
  static Problem overlapWarning(List<Overlap> overlap, int evalCases) {
    List<String> named = new java.util.ArrayList<>();
    for (Overlap o : overlap.subList(0, Math.min(NAMED_OVERLAP, overlap.size()))) {
      named.add("'" + o.evalCase().id() + "' (line " + o.evalCase().location().line() + ", in train at "
          + o.train().location() + " as '" + o.train().id() + "')");
    }
    int more = overlap.size() - named.size();
    return new Problem(overlap.get(0).evalCase().location(), overlap.size() + " of " + evalCases + " eval "
        + (evalCases == 1 ? "case" : "cases") + (overlap.size() == 1 ? " has" : " have") + " an input that is also in train (ignoring case and spacing)"
        + " and " + (overlap.size() == 1 ? "is" : "are") + " left out of the evaluation: " + String.join(", ", named)
        + (more > 0 ? " and " + more + " more" : "") + "; --strict refuses such a dataset instead");
  }

  private static void splits(Dataset d, String evalName, List<Problem> problems, List<Problem> warnings) {
    String name = d.displayName();
    if (d.eval().isEmpty()) {
      problems.add(new Problem(Location.ofFile(evalName), "no eval cases; a benchmark needs at least one"));
    }
    if (d.hasEval(Task.QA) && d.corpus().isEmpty()) {
      problems.add(new Problem(Location.ofFile(name + "/corpus.jsonl"),
          "the corpus is empty or missing, but eval has qa cases; RAG answers from the corpus"));
    }
    if (d.hasEval(Task.CLASSIFICATION) && d.train(Task.CLASSIFICATION).isEmpty()) {
      problems.add(new Problem(Location.ofFile(name + "/train.jsonl"),
          "no classification examples in train, but eval has classification cases; every approach labels from them"));
    }
    if (d.train().isEmpty()) {
      warnings.add(new Problem(Location.ofFile(name + "/train.jsonl"),
          "no training examples; only --approach rag can run on this dataset"));
    } else if (d.hasEval(Task.QA) && d.train(Task.QA).isEmpty()) {
      warnings.add(new Problem(Location.ofFile(name + "/train.jsonl"),
          "no qa examples in train; the fine-tune approach cannot answer the qa cases"));
    }
  }

  private static void declaredTasks(Dataset d, List<Problem> problems) {
    List<Task> declared = d.info().tasks();
    String list = String.join(", ", declared.stream().map(Task::id).toList());
    for (TrainExample t : d.train()) {
      if (!declared.contains(t.task())) {
        problems.add(new Problem(t.location(), "train example '" + t.id() + "': task '" + t.task().id()
            + "' is not among the dataset's tasks (" + list + ") in dataset.yaml"));
      }
    }
    for (EvalCase c : d.eval()) {
      if (!declared.contains(c.task())) {
        problems.add(new Problem(c.location(), "eval case '" + c.id() + "': task '" + c.task().id()
            + "' is not among the dataset's tasks (" + list + ") in dataset.yaml"));
      }
    }
  }

  private static <T> void duplicates(
      List<T> items, Function<T, String> id, Function<T, Location> at, String what, List<Problem> problems) {
    Map<String, Location> first = new HashMap<>();
    for (T item : items) {
      Location previous = first.putIfAbsent(id.apply(item), at.apply(item));
      if (previous != null) {
        problems.add(new Problem(at.apply(item), what + ": duplicate id '" + id.apply(item) + "' (first at line "
            + previous.line() + ")"));
      }
    }
  }

  /** Inputs compare equal when they differ only in case and spacing. */
  static String normal(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
