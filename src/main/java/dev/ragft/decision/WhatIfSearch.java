package dev.ragft.decision;

import dev.ragft.framework.Choice;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the smallest answer changes that would change the recommendation: single changes first,
 * pairs of changes to two questions when no single one is enough, keeping only changes that no
 * smaller one dominates. A number is narrowed down to the exact value where the advice turns
 * (the curve of training pairs, or a volume where another approach becomes cheapest), since the
 * framework's own points are only the places to start looking.
 */
final class WhatIfSearch {
  /**
   * Two-answer changes can run to dozens; past this many the list stops helping a reader, so
   * the first ones in question order are kept.
   */
  private static final int MAX_WHAT_IFS = 8;

  /** One changed answer. */
  record Alternative(String question, Answer answer) {}

  private final Framework framework;

  WhatIfSearch(Framework framework) {
    this.framework = framework;
  }

  private String approach(Facts facts) {
    return Tally.of(framework, facts).approach(framework);
  }

  /** The smallest sets of changes, each with the approach it leads to. */
  List<Found> search(Facts facts, String current) {
    List<Alternative> singles = new ArrayList<>();
    for (Question q : framework.questions()) {
      singles.addAll(alternatives(q, facts, current));
    }
    List<List<Alternative>> found = new ArrayList<>();
    for (Alternative alt : singles) {
      if (!approach(apply(facts, List.of(alt))).equals(current)) {
        found.add(List.of(alt));
      }
    }
    if (found.isEmpty()) {
      for (int i = 0; i < singles.size(); i++) {
        for (int j = i + 1; j < singles.size(); j++) {
          List<Alternative> pair = List.of(singles.get(i), singles.get(j));
          if (!pair.get(0).question().equals(pair.get(1).question()) && !approach(apply(facts, pair)).equals(current)) {
            found.add(pair);
          }
        }
      }
    }
    List<Found> out = new ArrayList<>();
    for (List<Alternative> changes : found) {
      boolean dominated = false;
      for (List<Alternative> other : found) {
        if (other != changes && smaller(other, changes, facts.answers())) {
          dominated = true;
          break;
        }
      }
      if (!dominated && out.size() < MAX_WHAT_IFS) {
        out.add(new Found(changes, approach(apply(facts, changes))));
      }
    }
    return out;
  }

  /** A set of changes and the approach it leads to. */
  record Found(List<Alternative> changes, String approach) {}

  /**
   * The smallest increase of a number answer that changes the recommendation, searched up to the
   * largest value the question's scale names; empty when none there does.
   */
  Optional<Found> smallestIncrease(Facts facts, String questionId) {
    Question q = framework.question(questionId).orElseThrow();
    if (!(q instanceof Question.NumberQuestion nq)) {
      return Optional.empty();
    }
    String current = approach(facts);
    long now = facts.answers().number(questionId).orElse(0);
    List<Long> above = new ArrayList<>();
    for (long v : nq.scale().alternatives(now, nq.floor().of(facts))) {
      if (v > now) {
        above.add(v);
      }
    }
    above.sort(Long::compare);
    long from = now;
    for (long v : above) {
      if (!approach(facts.with(questionId, new Answer.NumberAnswer(v))).equals(current)) {
        long at = narrow(facts, questionId, current, from, v);
        Facts changed = facts.with(questionId, new Answer.NumberAnswer(at));
        return Optional.of(new Found(List.of(new Alternative(questionId, new Answer.NumberAnswer(at))), approach(changed)));
      }
      from = v;
    }
    return Optional.empty();
  }

  private static Facts apply(Facts facts, List<Alternative> changes) {
    Facts a = facts;
    for (Alternative c : changes) {
      a = a.with(c.question(), c.answer());
    }
    return a;
  }

  /**
   * The other answers worth trying: every other choice; for a number, the nearest value where
   * the advice turns, narrowed from the scale's own points in each direction.
   */
  private List<Alternative> alternatives(Question q, Facts facts, String current) {
    Optional<Answer> now = facts.answers().get(q.id());
    List<Alternative> out = new ArrayList<>();
    if (q instanceof Question.ChoiceQuestion cq) {
      for (Choice c : cq.choices()) {
        if (now.isEmpty() || !now.get().value().equals(c.id())) {
          out.add(new Alternative(q.id(), new Answer.ChoiceAnswer(c.id())));
        }
      }
      return out;
    }
    Question.NumberQuestion nq = (Question.NumberQuestion) q;
    List<Long> values = nq.scale().alternatives(now.isPresent() ? ((Answer.NumberAnswer) now.get()).number() : -1,
        nq.floor().of(facts));
    if (now.isEmpty()) {
      for (long v : values) {
        out.add(new Alternative(q.id(), new Answer.NumberAnswer(v)));
      }
      return out;
    }
    long value = ((Answer.NumberAnswer) now.get()).number();
    List<Long> up = new ArrayList<>();
    List<Long> down = new ArrayList<>();
    for (long v : values) {
      (v > value ? up : down).add(v);
    }
    up.sort(Long::compare);
    down.sort((x, y) -> Long.compare(y, x));
    for (List<Long> direction : List.of(up, down)) {
      long from = value;
      boolean turned = false;
      for (long v : direction) {
        if (!turned && !approach(facts.with(q.id(), new Answer.NumberAnswer(v))).equals(current)) {
          out.add(new Alternative(q.id(), new Answer.NumberAnswer(narrow(facts, q.id(), current, from, v))));
          turned = true;
        } else if (!turned) {
          from = v;
        } else {
          // Beyond the turn: still a candidate for two-answer changes, which need the far values.
          out.add(new Alternative(q.id(), new Answer.NumberAnswer(v)));
        }
      }
      if (!turned) {
        for (long v : direction) {
          out.add(new Alternative(q.id(), new Answer.NumberAnswer(v)));
        }
      }
    }
    return out;
  }

  /**
   * Bisects between {@code same} (where the advice is still {@code current}) and {@code changed}
   * (where it is not) for the value nearest {@code same} at which it changes.
   */
  private long narrow(Facts facts, String questionId, String current, long same, long changed) {
    long a = same;
    long b = changed;
    while (Math.abs(b - a) > 1) {
      long mid = a + (b - a) / 2;
      if (approach(facts.with(questionId, new Answer.NumberAnswer(mid))).equals(current)) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return b;
  }

  /**
   * Whether {@code a} asks for less than {@code b}: the same questions, the same choices, and
   * every number moved the same way but not as far (1,000 pairs is a smaller ask than 10,000).
   */
  private static boolean smaller(List<Alternative> a, List<Alternative> b, Answers answers) {
    if (a.size() != b.size()) {
      return false;
    }
    boolean strictly = false;
    for (int i = 0; i < a.size(); i++) {
      Alternative x = a.get(i);
      Alternative y = b.get(i);
      if (!x.question().equals(y.question())) {
        return false;
      }
      if (x.answer() instanceof Answer.NumberAnswer nx && y.answer() instanceof Answer.NumberAnswer ny) {
        long now = answers.number(x.question()).orElse(0);
        long dx = nx.number() - now;
        long dy = ny.number() - now;
        if (Long.signum(dx) != Long.signum(dy) || Math.abs(dx) > Math.abs(dy)) {
          return false;
        }
        strictly |= Math.abs(dx) < Math.abs(dy);
      } else if (!x.answer().value().equals(y.answer().value())) {
        return false;
      }
    }
    return strictly;
  }
}
