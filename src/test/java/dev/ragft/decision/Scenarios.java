package dev.ragft.decision;

import dev.ragft.framework.Framework;
import dev.ragft.framework.FrameworkLoader;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: the default framework and compact ways to write answers. */
final class Scenarios {
  static final Framework DEFAULT = FrameworkLoader.loadBuiltIn("b2b-2026");

  private Scenarios() {}

  /** freshness, task, auditability, pairs, latency, and volume (-1 for none). */
  static Answers answers(String freshness, String task, String auditability, long pairs, String latency, long volume) {
    Map<String, Answer> m = new LinkedHashMap<>();
    m.put("freshness", new Answer.ChoiceAnswer(freshness));
    m.put("task", new Answer.ChoiceAnswer(task));
    m.put("auditability", new Answer.ChoiceAnswer(auditability));
    m.put("training-pairs", new Answer.NumberAnswer(pairs));
    m.put("latency", new Answer.ChoiceAnswer(latency));
    if (volume >= 0) {
      m.put("volume", new Answer.NumberAnswer(volume));
    }
    return new Answers(m);
  }

  static List<String> choices(Framework f, String question) {
    return ((Question.ChoiceQuestion) f.question(question).orElseThrow()).choiceIds();
  }

  /** Representative numbers for each band edge of a number question, plus "not answered" (-1) when optional. */
  static List<Long> numbers(Framework f, String question) {
    Question.NumberQuestion q = (Question.NumberQuestion) f.question(question).orElseThrow();
    List<Long> out = new ArrayList<>();
    if (!q.required()) {
      out.add(-1L);
    }
    for (var b : q.bands()) {
      out.add(b.atLeast());
      if (!b.isOpen()) {
        out.add(b.below() - 1);
      }
    }
    if (q.scale() instanceof dev.ragft.framework.Scale.Curve curve) {
      // Both sides of every curve point, for every floor a task can have.
      java.util.Set<Long> floors = new java.util.TreeSet<>(q.floor().byChoice().values());
      floors.add(q.floor().otherwise());
      java.util.Set<Long> values = new java.util.TreeSet<>();
      for (long floor : floors) {
        for (var p : curve.points()) {
          long v = curve.at(p, floor);
          values.add(v);
          if (v > 0) {
            values.add(v - 1);
          }
        }
      }
      out.addAll(values);
    }
    return out;
  }

  /** Every combination of answers, with every choice and both edges of every band. */
  static List<Answers> allCombinations(Framework f) {
    List<Answers> all = new ArrayList<>();
    for (String fr : choices(f, "freshness")) {
      for (String t : choices(f, "task")) {
        for (String a : choices(f, "auditability")) {
          for (long p : numbers(f, "training-pairs")) {
            for (String l : choices(f, "latency")) {
              for (long v : numbers(f, "volume")) {
                all.add(answers(fr, t, a, p, l, v));
              }
            }
          }
        }
      }
    }
    return all;
  }
}
