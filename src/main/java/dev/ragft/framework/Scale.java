package dev.ragft.framework;

import java.util.ArrayList;
import java.util.List;

/**
 * How a number answer weighs: in {@link Bands} (a step per range, for volume) or along a {@link
 * Curve} (points that grow with the number relative to a floor, for training pairs, so that no
 * single pair flips the advice).
 */
public sealed interface Scale permits Scale.Bands, Scale.Curve {
  /** The points a value earns, given the floor the answers imply (0 without one). */
  Effects effects(long value, long floor);

  /** Why: the reason of the band or curve point the value sits at. */
  String reason(long value, long floor);

  /** The label of the band or curve point the value sits at. */
  String label(long value, long floor);

  /** The labels a value can get, in order. */
  List<String> labels();

  /** The driver's rule id below the question's ("bands[1]", "curve"). */
  String rule(long value, long floor);

  /** Values worth trying instead of {@code value} when searching what would change the advice. */
  List<Long> alternatives(long value, long floor);

  /** Ranges [atLeast, below) without gaps, each with its own points. */
  record Bands(List<Band> bands) implements Scale {
    public Bands {
      bands = List.copyOf(bands);
      if (bands.isEmpty()) {
        throw new IllegalArgumentException("a band scale needs at least one band");
      }
    }

    public int index(long value) {
      for (int i = 0; i < bands.size(); i++) {
        if (bands.get(i).contains(value)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no band holds " + value);
    }

    @Override
    public Effects effects(long value, long floor) {
      return bands.get(index(value)).effects();
    }

    @Override
    public String reason(long value, long floor) {
      return bands.get(index(value)).reason();
    }

    @Override
    public String rule(long value, long floor) {
      return "bands[" + index(value) + "]";
    }

    @Override
    public String label(long value, long floor) {
      return bands.get(index(value)).label();
    }

    @Override
    public List<String> labels() {
      List<String> out = new ArrayList<>();
      for (Band b : bands) {
        out.add(b.label());
      }
      return out;
    }

    /** The nearest value of every other band: its lower bound above the value, its top below. */
    @Override
    public List<Long> alternatives(long value, long floor) {
      List<Long> out = new ArrayList<>();
      for (Band b : bands) {
        if (value >= 0 && b.contains(value)) {
          continue;
        }
        out.add(value < b.atLeast() ? b.atLeast() : b.below() - 1);
      }
      return out;
    }
  }

  /**
   * Points at multiples of the floor ({@code floorTimes}), the first at 0. Between two points the
   * effect moves in proportion to log(1 + value), so doubling the data counts the same at any size;
   * past the last point it stays. Effects are rounded to whole points, so with points that never
   * decrease, more data never earns fewer points.
   */
  record Curve(List<Point> points) implements Scale {
    public Curve {
      points = List.copyOf(points);
      if (points.isEmpty() || points.get(0).floorTimes() != 0) {
        throw new IllegalArgumentException("a curve starts with a point at floorTimes 0");
      }
      for (int i = 1; i < points.size(); i++) {
        if (points.get(i).floorTimes() <= points.get(i - 1).floorTimes()) {
          throw new IllegalArgumentException("curve points must have increasing floorTimes");
        }
      }
    }

    /** One point: its place as a multiple of the floor, a label, the points there and why. */
    public record Point(double floorTimes, String label, Effects effects, String reason) {}

    /** The value at a point for this floor. */
    public long at(Point p, long floor) {
      return Math.round(p.floorTimes() * floor);
    }

    private int segment(long value, long floor) {
      int i = 0;
      while (i + 1 < points.size() && value >= at(points.get(i + 1), floor)) {
        i++;
      }
      return i;
    }

    @Override
    public Effects effects(long value, long floor) {
      int i = segment(value, floor);
      Point from = points.get(i);
      if (i + 1 == points.size()) {
        return from.effects();
      }
      Point to = points.get(i + 1);
      double lo = Math.log1p(at(from, floor));
      double hi = Math.log1p(at(to, floor));
      double t = hi <= lo ? 1 : (Math.log1p(value) - lo) / (hi - lo);
      java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
      for (String approach : from.effects().points().keySet()) {
        double a = from.effects().on(approach);
        double b = to.effects().on(approach);
        out.put(approach, (int) Math.round(a + t * (b - a)));
      }
      return new Effects(out);
    }

    @Override
    public String reason(long value, long floor) {
      return points.get(segment(value, floor)).reason();
    }

    @Override
    public String rule(long value, long floor) {
      return "curve";
    }

    @Override
    public String label(long value, long floor) {
      return points.get(segment(value, floor)).label();
    }

    @Override
    public List<String> labels() {
      List<String> out = new ArrayList<>();
      for (Point p : points) {
        out.add(p.label());
      }
      return out;
    }

    /** Every point's value but the current one; the engine narrows down between them. */
    @Override
    public List<Long> alternatives(long value, long floor) {
      List<Long> out = new ArrayList<>();
      for (Point p : points) {
        long v = at(p, floor);
        if (v != value && !out.contains(v)) {
          out.add(v);
        }
      }
      return out;
    }
  }
}
