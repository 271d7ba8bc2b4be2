package dev.ragft.decision;

import dev.ragft.framework.Framework;
import dev.ragft.framework.Roadmap;
import dev.ragft.framework.Wave;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Sequences a portfolio into the framework's roadmap waves (DESIGN §1, "Sequencing"): the use
 * cases that start on the foundation share it and come first, fine-tuned components whose data
 * exists next, and the use cases still waiting for training data last, by how many pairs they
 * lack. Pure: the thresholds come from the framework's roadmap section.
 */
public final class Sequencer {
  private final Framework framework;
  private final Roadmap roadmap;
  private final DecisionEngine engine;

  public Sequencer(Framework framework) {
    if (framework.roadmap().isEmpty()) {
      throw new IllegalArgumentException("framework " + framework.id() + " has no roadmap section");
    }
    this.framework = framework;
    this.roadmap = framework.roadmap();
    this.engine = new DecisionEngine(framework);
  }

  /**
   * The wave of one assessed use case. It waits for data when it has fewer pairs than the
   * roadmap's {@code enough} and would be recommended a non-foundation approach if it had them
   * (or already is); otherwise the recommended approach decides between the foundation wave and
   * the data-ready wave.
   */
  public Placement place(Assessment a) {
    return place(a, Evidence.NONE);
  }

  /** {@link #place(Assessment)} for an assessment made with cost-model {@code evidence}. */
  public Placement place(Assessment a, Evidence evidence) {
    String foundation = framework.scoring().foundation();
    long pairs = a.answers().number(roadmap.dataQuestion()).orElse(0);
    if (pairs < roadmap.enoughData()) {
      Answers enough = a.answers().with(roadmap.dataQuestion(), new Answer.NumberAnswer(roadmap.enoughData()));
      String withData = engine.approach(enough, evidence);
      if (!withData.equals(foundation) || !a.approach().equals(foundation)) {
        String target = withData.equals(foundation) ? a.approach() : withData;
        long shortfall = roadmap.enoughData() - pairs;
        Wave wave = roadmap.waves().stream()
            .filter(w -> w.holds() == Wave.Holds.DATA_BLOCKED && shortfall < w.shortfallBelow())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("validated roadmaps have an open-ended data-blocked wave"));
        return new Placement(wave, roadmap.number(wave), shortfall, target);
      }
    }
    Wave.Holds holds = a.approach().equals(foundation) ? Wave.Holds.FOUNDATION : Wave.Holds.DATA_READY;
    Wave wave = roadmap.waves().stream().filter(w -> w.holds() == holds).findFirst()
        .orElseThrow(() -> new IllegalStateException("validated roadmaps have a wave of each kind"));
    return new Placement(wave, roadmap.number(wave), 0, a.approach());
  }

  /** A placed use case, as the roadmap lists it. */
  public record Entry(String id, String name, Placement placement) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(placement, "placement");
    }
  }

  /** One wave with its use cases. */
  public record Group(Wave wave, int number, List<Entry> entries) {
    public Group {
      entries = List.copyOf(entries);
    }
  }

  /**
   * The roadmap: every wave in order, empty ones included so a reader sees the whole sequence.
   * Within a data-blocked wave the use cases closest to having their data come first; elsewhere
   * they are in id order.
   */
  public List<Group> group(List<Entry> entries) {
    List<Group> out = new ArrayList<>();
    for (Wave w : roadmap.waves()) {
      List<Entry> in = new ArrayList<>(entries.stream().filter(e -> e.placement().wave().id().equals(w.id())).toList());
      // Plain lambdas: Comparator.comparing and thenComparing make serializable ones, which the
      // class-data-sharing archive cannot hold, so the JDK generates their classes at every start.
      Comparator<Entry> byId = (x, y) -> x.id().compareTo(y.id());
      Comparator<Entry> byPairsNeeded = (x, y) -> {
        int c = Long.compare(x.placement().pairsNeeded(), y.placement().pairsNeeded());
        return c != 0 ? c : byId.compare(x, y);
      };
      in.sort(w.holds() == Wave.Holds.DATA_BLOCKED ? byPairsNeeded : byId);
      out.add(new Group(w, roadmap.number(w), in));
    }
    return out;
  }
}
