package dev.ragft.decision;

import dev.ragft.framework.Framework;
import dev.ragft.framework.Roadmap;
import dev.ragft.framework.Wave;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sequences a portfolio into the framework's roadmap waves (docs/decisions.md, "Roadmap"): the use
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
   * The wave of one assessed use case. A use case on a fine-tuned approach is data-ready; one on
   * the foundation waits for data when more training pairs would move it to another approach,
   * by the smallest increase that does (its own what-if, so one that becomes Hybrid only at
   * 10,000 pairs shows that gap); otherwise it is a foundation use case.
   */
  public Placement place(Assessment a) {
    return place(a, Evidence.NONE);
  }

  /** {@link #place(Assessment)} for an assessment made with {@code evidence}. */
  public Placement place(Assessment a, Evidence evidence) {
    String foundation = framework.scoring().foundation();
    if (!a.approach().equals(foundation)) {
      return in(Wave.Holds.DATA_READY, 0, a.approach());
    }
    Optional<WhatIf> more = engine.smallestIncrease(a.answers(), evidence, roadmap.dataQuestion());
    if (more.isPresent() && !more.get().approach().equals(foundation)) {
      long now = a.answers().number(roadmap.dataQuestion()).orElse(0);
      long needed = Long.parseLong(more.get().changes().get(0).to()) - now;
      for (Wave w : roadmap.waves()) {
        if (w.holds() == Wave.Holds.DATA_BLOCKED && needed < w.shortfallBelow()) {
          return new Placement(w, roadmap.number(w), needed, more.get().approach());
        }
      }
      throw new IllegalStateException("validated roadmaps have an open-ended data-blocked wave");
    }
    return in(Wave.Holds.FOUNDATION, 0, a.approach());
  }

  private Placement in(Wave.Holds holds, long needed, String target) {
    for (Wave w : roadmap.waves()) {
      if (w.holds() == holds) {
        return new Placement(w, roadmap.number(w), needed, target);
      }
    }
    throw new IllegalStateException("validated roadmaps have a wave of each kind");
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
