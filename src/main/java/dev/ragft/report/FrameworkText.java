package dev.ragft.report;

import dev.ragft.framework.Approach;
import dev.ragft.framework.Band;
import dev.ragft.framework.Choice;
import dev.ragft.framework.Condition;
import dev.ragft.framework.Effects;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Question;
import dev.ragft.framework.Roadmap;
import dev.ragft.framework.Rule;
import dev.ragft.framework.Situation;
import dev.ragft.framework.Wave;
import dev.ragft.framework.WarningRule;
import java.util.List;

/** A readable summary of a framework, for {@code ragft framework show}. */
public final class FrameworkText {
  private final StringBuilder out = new StringBuilder();
  private final Framework f;

  private FrameworkText(Framework f) {
    this.f = f;
  }

  public static String render(Framework f) {
    FrameworkText t = new FrameworkText(f);
    t.all();
    return t.out.toString();
  }

  private void all() {
    line(f.title());
    line("id " + f.id() + ", version " + f.version());
    if (!f.description().isEmpty()) {
      line("");
      line(f.description());
    }
    line("");
    line("Approaches (baseline score; ties go to the first listed; " + f.scoring().foundation()
        + " is the foundation no gate may exclude)");
    for (Approach a : f.approaches()) {
      line("  " + Format.pad(a.id(), 10) + " " + Format.padLeft(Integer.toString(f.scoring().baseline().getOrDefault(a.id(), 0)), 3)
          + "  " + a.name() + ": " + a.summary());
    }
    line("  Confidence reaches 1 at a lead of " + f.scoring().fullConfidenceMargin() + " points.");
    line("");
    line("Questions (effects on " + String.join(" / ", f.approachIds()) + ")");
    int i = 1;
    for (Question q : f.questions()) {
      line("");
      line("  " + i++ + ". " + q.id() + (q.required() ? "" : " (optional)") + ": " + q.prompt());
      if (q instanceof Question.ChoiceQuestion cq) {
        for (Choice c : cq.choices()) {
          line("     " + Format.pad(c.id(), 18) + " " + effects(c.effects()) + "  " + c.label());
        }
      } else {
        Question.NumberQuestion nq = (Question.NumberQuestion) q;
        if (!nq.floor().isNone()) {
          List<String> by = new java.util.ArrayList<>();
          nq.floor().byChoice().forEach((c, v) -> by.add(c + " " + Format.grouped(v)));
          line("     floor (the fewest a fine-tune needs): " + Format.grouped(nq.floor().otherwise())
              + (by.isEmpty() ? "" : "; by " + nq.floor().byQuestion() + ": " + String.join(", ", by)));
        }
        for (Band b : nq.bands()) {
          line("     " + Format.pad(b.label(), 18) + " " + effects(b.effects()) + (nq.unit().isEmpty() ? "" : "  " + nq.unit()));
        }
        if (nq.scale() instanceof dev.ragft.framework.Scale.Curve curve) {
          for (dev.ragft.framework.Scale.Curve.Point p : curve.points()) {
            line("     " + Format.pad("x" + Format.fixed(p.floorTimes(), p.floorTimes() % 1 == 0 ? 0 : 1, false) + " floor", 18)
                + " " + effects(p.effects()) + "  " + p.label() + " (points grow with log(1 + pairs) in between)");
          }
        }
      }
    }
    line("");
    line("Rules");
    for (Rule r : f.rules()) {
      String does = (r.excludes().isEmpty() ? "" : "excludes " + String.join(", ", r.excludes()))
          + (r.excludes().isEmpty() || r.effects().isZero() ? "" : "; ")
          + (r.effects().isZero() ? "" : effects(r.effects()));
      line("  " + r.id() + " when " + when(r.when()) + ": " + does);
    }
    line("");
    line("Warnings");
    for (WarningRule w : f.warnings()) {
      line("  " + w.id() + " when " + when(w.when()));
    }
    line("");
    line("Where each wins");
    for (Situation s : f.situations()) {
      line("  " + Format.pad(s.approach(), 10) + " " + s.title() + " (when " + when(s.when()) + ")");
    }
    for (Approach a : f.approaches()) {
      line("");
      List<Phase> phases = f.rollouts().getOrDefault(a.id(), List.of());
      line(a.name() + ": stack and rollout (" + Format.weeks(phases.stream().mapToInt(Phase::weeks).sum()) + ")");
      for (Layer l : f.stacks().getOrDefault(a.id(), List.of())) {
        line("  layer  " + l.name() + ": " + l.component());
      }
      for (Phase p : phases) {
        line("  phase  " + p.name() + " (" + Format.weeks(p.weeks()) + "), gated by " + p.gateMetric());
      }
    }
    roadmap();
  }

  /** The waves score sequences a portfolio into, and what puts a use case in each. */
  private void roadmap() {
    Roadmap r = f.roadmap();
    if (r.isEmpty()) {
      return;
    }
    line("");
    line("Roadmap waves (ragft score; training data: " + r.dataQuestion() + ", enough by the question's floor; "
        + Format.percent(r.approvalRate()) + " of requests approved as new pairs)");
    long from = 1;
    for (Wave w : r.waves()) {
      String holds = switch (w.holds()) {
        case FOUNDATION -> "starts on " + f.approachName(f.scoring().foundation()) + ", not waiting for data";
        case DATA_READY -> "a fine-tuned approach whose data exists";
        case DATA_BLOCKED -> "waiting for data, " + (w.shortfallBelow() == Long.MAX_VALUE ? Format.grouped(from) + " or more"
            : Format.grouped(from) + " to " + Format.grouped(w.shortfallBelow() - 1)) + " pairs short";
      };
      if (w.holds() == Wave.Holds.DATA_BLOCKED && w.shortfallBelow() != Long.MAX_VALUE) {
        from = w.shortfallBelow();
      }
      line("  " + (r.number(w)) + ". " + w.name() + " (" + w.timing() + "): " + holds);
    }
  }

  private String effects(Effects e) {
    StringBuilder b = new StringBuilder();
    for (String id : f.approachIds()) {
      b.append(b.length() == 0 ? "" : " ").append(Format.padLeft(Format.signed(e.on(id)), 4));
    }
    return b.toString();
  }

  private static String when(List<Condition> conditions) {
    return String.join(" and ", conditions.stream().map(Condition::describe).toList());
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
