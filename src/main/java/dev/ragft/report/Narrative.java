package dev.ragft.report;

import dev.ragft.cost.Costs;
import dev.ragft.decision.Assessment;
import dev.ragft.decision.Driver;
import dev.ragft.decision.Gate;
import dev.ragft.framework.Framework;
import java.util.ArrayList;
import java.util.List;

/** The prose every human-readable format shares: the short "why" and the names of things. */
public final class Narrative {
  /** How many drivers the short "why" quotes; the full list is what --explain is for. */
  static final int WHY_DRIVERS = 3;

  private Narrative() {}

  /**
   * The drivers that pushed hardest towards the recommended approach, strongest first: what a
   * reader needs to accept the recommendation. Ties keep the engine's order.
   */
  public static List<Driver> topDrivers(Assessment a, int n) {
    List<Driver> pro = new ArrayList<>(a.drivers().stream().filter(d -> d.on(a.approach()) > 0).toList());
    // One lambda, not Comparator.comparingInt(...).reversed(), whose lambda the JDK spins at run time.
    pro.sort((x, y) -> Integer.compare(y.on(a.approach()), x.on(a.approach())));
    return pro.subList(0, Math.min(n, pro.size()));
  }

  /**
   * A driver in a few words, for tables: {@code task=lookup}, or for a rule over several answers
   * {@code task=lookup & latency=realtime}.
   */
  public static String driverLabel(Driver d) {
    if (d.question().indexOf(',') < 0) {
      return d.question() + "=" + d.answer();
    }
    List<String> questions = List.of(d.question().split(", "));
    List<String> answers = List.of(d.answer().split(", ", -1));
    if (questions.size() != answers.size()) {
      return d.question() + "=" + d.answer();
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < questions.size(); i++) {
      b.append(i == 0 ? "" : " & ").append(questions.get(i)).append('=').append(answers.get(i));
    }
    return b.toString();
  }

  /** {@link #driverLabel} with the points it gave the recommended approach: {@code task=lookup +20}. */
  public static String driverWithPoints(Driver d, Assessment a) {
    return driverLabel(d) + " " + Format.signed(d.on(a.approach()));
  }

  /** The sentence that introduces a portfolio roadmap. */
  public static String roadmapIntro(Framework f) {
    return "Sequenced as the framework recommends: a " + f.approachName(f.scoring().foundation()) + " foundation first,"
        + " fine-tuned components where the data exists next, and the use cases still waiting for training data last,"
        + " closest first.";
  }

  /**
   * Empty, or the sentence that says why the start differs from what the scores favour (a gate,
   * or answers too weak to follow), or that the lead is a close call.
   */
  public static String gated(Framework f, Assessment a) {
    if (!a.closeCall().isEmpty()) {
      List<String> names = new ArrayList<>();
      a.closeCall().forEach(x -> names.add(f.approachName(x)));
      return "Close call: " + f.approachName(a.approach()) + " leads " + String.join(" and ", names)
          + " by less than the framework's margin (see the warnings for what would decide it).";
    }
    if (a.highestScoring().equals(a.approach())) {
      return "";
    }
    boolean weak = a.warnings().stream().anyMatch(w -> w.id().equals("weak-signal"));
    return "Start with " + f.approachName(a.approach()) + ": " + f.approachName(a.highestScoring())
        + (weak ? " scores highest, but the answers say too little to follow the scores (see the warnings)."
            : " scores highest but cannot be the starting point yet (see the warnings).");
  }

  /** One line per top driver: the framework's reason and the answer it came from. */
  public static List<String> why(Framework f, Assessment a) {
    List<String> lines = new ArrayList<>();
    for (Driver d : topDrivers(a, WHY_DRIVERS)) {
      lines.add(d.reason() + " (" + d.question() + ": " + d.answer() + ", " + Format.signed(d.on(a.approach())) + ")");
    }
    for (Gate g : a.gates()) {
      List<String> names = g.excludes().stream().map(f::approachName).toList();
      lines.add(String.join(" and ", names) + " cannot be the starting point: " + g.reason());
    }
    return lines;
  }

  private static final String EVIDENCE = "evidence.";

  /** The points measured evidence gave an approach (drivers whose rule starts with "evidence."). */
  public static int fromEvidence(Assessment a, String approach) {
    int sum = 0;
    for (Driver d : a.drivers()) {
      if (d.rule().startsWith(EVIDENCE)) {
        sum += d.on(approach);
      }
    }
    return sum;
  }

  /** The scores' arithmetic as rows: label, then one number per approach. */
  public static List<List<String>> arithmetic(Framework f, Assessment a) {
    List<List<String>> rows = new ArrayList<>();
    List<String> ids = f.approachIds();
    List<String> base = new ArrayList<>(List.of("baseline", "", ""));
    ids.forEach(id -> base.add(Integer.toString(a.baseline().getOrDefault(id, 0))));
    rows.add(base);
    for (Driver d : a.drivers()) {
      List<String> row = new ArrayList<>(List.of(d.rule(), d.question(), d.answer()));
      ids.forEach(id -> row.add(Format.signed(d.on(id))));
      rows.add(row);
    }
    List<String> sum = new ArrayList<>(List.of("sum", "", ""));
    ids.forEach(id -> sum.add(Integer.toString(a.sums().get(id))));
    rows.add(sum);
    if (a.drivers().stream().anyMatch(d -> d.rule().startsWith(EVIDENCE))) {
      // How much of each sum the measurements contributed, and how much the answers and rules.
      List<String> measured = new ArrayList<>(List.of("  of which measured (evidence.*)", "", ""));
      List<String> answered = new ArrayList<>(List.of("  of which answers and rules", "", ""));
      ids.forEach(id -> {
        int m = fromEvidence(a, id);
        measured.add(Format.signed(m));
        answered.add(Format.signed(a.sums().get(id) - a.baseline().getOrDefault(id, 0) - m));
      });
      rows.add(measured);
      rows.add(answered);
    }
    List<String> score = new ArrayList<>(List.of("score (sum kept within 0..100)", "", ""));
    ids.forEach(id -> score.add(Integer.toString(a.score(id))));
    rows.add(score);
    return rows;
  }

  /** How confidence was reached, in one sentence a reader can redo. */
  public static String confidenceRule(Framework f, Assessment a) {
    int chosen = a.score(a.approach());
    int runnerUp = f.approachIds().stream().filter(id -> !id.equals(a.approach())).mapToInt(a::score).max().orElse(0);
    int full = f.scoring().signal().full();
    String signal = full <= 0 ? "" : " x signal " + a.signal() + " / " + full + " (each kept within 0..1)";
    return "confidence = (" + chosen + " - " + runnerUp + ") / " + f.scoring().fullConfidenceMargin()
        + signal + (signal.isEmpty() ? ", kept within 0..1" : "") + " = " + Format.confidence(a.confidence());
  }

  public static int totalWeeks(Assessment a) {
    return a.rollout().stream().mapToInt(p -> p.weeks()).sum();
  }

  /**
   * The provenance line a document ends with: ragft's version, the framework and the price file
   * the figures come from. Ids and versions only, never a path, so a report can be shared as is.
   */
  public static String madeBy(String ragftVersion, Framework f, List<Recommendation> recommendations) {
    String prices = recommendations.stream().map(Recommendation::costs)
        .flatMap(c -> c instanceof Costs.Estimated e ? java.util.stream.Stream.of(e.estimate()) : java.util.stream.Stream.empty())
        .map(e -> e.pricesId() + " (" + e.pricesDate() + ")").findFirst().orElse("none");
    return "Made by ragft " + ragftVersion + " with framework " + f.id() + " " + f.version() + " and prices " + prices + ".";
  }
}
