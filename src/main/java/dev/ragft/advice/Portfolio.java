package dev.ragft.advice;

import dev.ragft.cost.Prices;
import dev.ragft.decision.Placement;
import dev.ragft.decision.Sequencer;
import dev.ragft.framework.Framework;
import dev.ragft.input.Location;
import dev.ragft.input.Problem;
import dev.ragft.report.ScoredUseCase;
import dev.ragft.usecase.Candidate;
import dev.ragft.usecase.CsvUseCaseReader;
import dev.ragft.usecase.Source;
import dev.ragft.usecase.UseCase;
import dev.ragft.usecase.UseCaseReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scores a portfolio: reads every source in turn, checks that ids are unique across all of them,
 * advises on each valid use case exactly as recommend does (the {@link Advisor}) and places it in
 * a roadmap wave. Scored use cases are handed on
 * one at a time as they are read ({@link Order#INPUT}), so a large CSV goes through in flat
 * memory; any other order has to see them all first. One bad use case never stops the others.
 */
public final class Portfolio {
  private final Framework framework;
  private final Advisor advisor;
  /** Advisors for the use cases a bench summary of their own is weighed for, by id. */
  private final Map<String, Advisor> advisors = new HashMap<>();
  private final Sequencer sequencer;
  private final CsvUseCaseReader csv;
  private final UseCaseReader yaml;
  private final boolean whatIf;

  /** The order scored use cases are handed on in. */
  public enum Order {
    /** As read: files in the order given (a folder's sorted by name), rows in file order. */
    INPUT,
    /** By recommended approach in the framework's order, then by confidence, highest first. */
    APPROACH,
    /** Highest confidence first. */
    CONFIDENCE,
    ID
  }

  /** What scoring found besides the scored use cases: how many were scored, every problem, and the roadmap. */
  public record Result(int scored, List<Problem> problems, List<Sequencer.Group> roadmap) {
    public Result {
      problems = List.copyOf(problems);
      roadmap = List.copyOf(roadmap);
    }
  }

  /**
   * {@code prices}: for cost evidence, as recommend uses them; {@code ignoredColumns}: CSV columns
   * dropped on reading (an earlier score's results);
   * {@code whatIf}: whether assessments include what-ifs, the costly part, for reports that show them.
   */
  public Portfolio(Framework framework, Optional<Prices> prices, Set<String> ignoredColumns, boolean whatIf) {
    this(framework, prices, ignoredColumns, whatIf, Map.of());
  }

  /**
   * As above, with bench measurements weighed for the use cases they name: {@code evidence} maps a
   * use-case id to a summary's measurements, and "" to those for every other use case.
   */
  public Portfolio(Framework framework, Optional<Prices> prices, Set<String> ignoredColumns, boolean whatIf,
      Map<String, dev.ragft.cost.Measurements> evidence) {
    this.framework = framework;
    this.advisor = new Advisor(framework, prices, evidence.getOrDefault("", dev.ragft.cost.Measurements.NONE));
    for (Map.Entry<String, dev.ragft.cost.Measurements> e : evidence.entrySet()) {
      if (!e.getKey().isEmpty()) {
        advisors.put(e.getKey(), new Advisor(framework, prices, e.getValue()));
      }
    }
    this.sequencer = new Sequencer(framework);
    this.csv = new CsvUseCaseReader(framework, ignoredColumns);
    this.yaml = new UseCaseReader(framework);
    this.whatIf = whatIf;
  }

  /** Warnings for client columns of the CSV sources that are dropped for having a result column's name. */
  public List<Problem> droppedColumns(List<Source> sources) {
    List<Problem> out = new ArrayList<>();
    for (Source s : sources) {
      if (s.kind() == Source.Kind.CSV) {
        out.addAll(csv.droppedColumns(s.path(), s.displayName()));
      }
    }
    return out;
  }

  /** The pass-through columns of every CSV source, in first-seen order: known before any row is read. */
  public List<String> extraColumns(List<Source> sources) {
    Set<String> out = new LinkedHashSet<>();
    for (Source s : sources) {
      if (s.kind() == Source.Kind.CSV) {
        out.addAll(csv.extraColumns(s.path()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Scores use cases already read (a saved result that {@code report render} re-derives), in the
   * order given, exactly as {@link #score(List, Order, Consumer)} scores those it reads.
   */
  public Result scoreUseCases(List<UseCase> useCases, Consumer<ScoredUseCase> sink) {
    List<Problem> problems = new ArrayList<>();
    List<Sequencer.Entry> entries = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (UseCase u : useCases) {
      advise(new Candidate(u, Map.of()), seen, problems, entries).ifPresent(sink);
    }
    return new Result(entries.size(), problems, sequencer.group(entries));
  }

  /** Advises on one candidate and places it, or records a duplicate id as a problem. */
  private Optional<ScoredUseCase> advise(Candidate c, Map<String, Location> seen, List<Problem> problems,
      List<Sequencer.Entry> entries) {
    Location first = seen.putIfAbsent(c.useCase().id(), c.useCase().source());
    if (first != null) {
      problems.add(new Problem(c.useCase().source(), "duplicate id '" + c.useCase().id() + "', also at " + first
          + "; ids must be unique across the portfolio, so this one was left out"));
      return Optional.empty();
    }
    Advisor.Advice advice = advisors.getOrDefault(c.useCase().id(), advisor).advise(c.useCase(), whatIf);
    Placement placement = sequencer.place(advice.recommendation().assessment(), advice.evidence());
    entries.add(new Sequencer.Entry(c.useCase().id(), c.useCase().name(), placement));
    return Optional.of(new ScoredUseCase(advice.recommendation(), placement, c.extra()));
  }

  public Result score(List<Source> sources, Order order, Consumer<ScoredUseCase> sink) {
    List<Problem> problems = new ArrayList<>();
    List<Sequencer.Entry> entries = new ArrayList<>();
    List<ScoredUseCase> held = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    Consumer<Candidate> each = c -> advise(c, seen, problems, entries).ifPresent(order == Order.INPUT ? sink : held::add);
    for (Source s : sources) {
      if (s.kind() == Source.Kind.CSV) {
        csv.read(s.path(), s.displayName(), each, problems::add);
      } else {
        UseCaseReader.Result r = yaml.readYaml(s.path(), s.displayName());
        problems.addAll(r.problems());
        r.useCases().forEach(u -> each.accept(new Candidate(u, Map.of())));
      }
    }
    held.sort(comparator(order));
    held.forEach(sink);
    return new Result(entries.size(), problems, sequencer.group(entries));
  }

  private Comparator<ScoredUseCase> comparator(Order order) {
    // Plain lambdas: Comparator.comparing and thenComparing make serializable ones, which the
    // class-data-sharing archive cannot hold, so the JDK generates their classes at every start.
    Comparator<ScoredUseCase> byId = (a, b) -> a.id().compareTo(b.id());
    Comparator<ScoredUseCase> byConfidence = (a, b) -> {
      int c = Double.compare(b.assessment().confidence(), a.assessment().confidence());
      return c != 0 ? c : byId.compare(a, b);
    };
    List<String> approaches = framework.approachIds();
    return switch (order) {
      case INPUT -> (a, b) -> 0;
      case ID -> byId;
      case CONFIDENCE -> byConfidence;
      case APPROACH -> (a, b) -> {
        int c = Integer.compare(approaches.indexOf(a.assessment().approach()), approaches.indexOf(b.assessment().approach()));
        return c != 0 ? c : byConfidence.compare(a, b);
      };
    };
  }
}
