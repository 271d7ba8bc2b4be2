package dev.ragft.decision;

import dev.ragft.framework.Choice;
import dev.ragft.framework.Condition;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's words: the framework's texts with their placeholders filled ({question-id} with
 * the answer as a reader says it, {shortfall} and {floor} under a bound), and the sentences that
 * say what a change of answers would do. Arithmetic lives in {@link Tally}.
 */
final class Wording {
  private final Framework framework;

  Wording(Framework framework) {
    this.framework = framework;
  }

  /** Fills a text from the answers and the numeric bounds of the conditions it sits under. */
  String fill(String text, List<Condition> when, Facts facts) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Answers answers = facts.answers();
    String out = text;
    for (Question q : framework.questions()) {
      String key = "{" + q.id() + "}";
      if (out.contains(key)) {
        Optional<Answer> a = answers.get(q.id());
        String value = a.isEmpty() ? "no"
            : a.get() instanceof Answer.NumberAnswer n ? n.grouped() : display(q.id(), answers).toLowerCase(Locale.ROOT);
        out = out.replace(key, value);
      }
    }
    for (Condition c : when) {
      if (c instanceof Condition.NumberIn n && n.below() != Long.MAX_VALUE && answers.number(n.question()).isPresent()) {
        out = out.replace("{shortfall}", Grouped.of(n.below() - answers.number(n.question()).getAsLong()))
            .replace("{floor}", Grouped.of(n.below()));
      } else if (c instanceof Condition.FloorRelative f && f.below() && answers.number(f.question()).isPresent()) {
        out = out.replace("{shortfall}", Grouped.of(f.shortfall(facts))).replace("{floor}", Grouped.of(f.floor().of(facts)));
      }
    }
    return out;
  }

  /** Fills {name} placeholders from a map (the close-call and weak-signal messages). */
  static String fill(String text, Map<String, String> values) {
    String out = text;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  /** "If Training pairs were 2,000 or more (now 900), the recommendation would be Hybrid." */
  WhatIf whatIf(Answers answers, List<WhatIfSearch.Alternative> alts, String approach) {
    List<WhatIf.Change> changes = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (WhatIfSearch.Alternative a : alts) {
      Optional<Answer> now = answers.get(a.question());
      String from = now.isPresent() ? now.get().value() : "";
      changes.add(new WhatIf.Change(a.question(), from, a.answer().value()));
      phrases.add(phrase(a, answers) + (from.isEmpty() ? ", not answered now" : " instead of " + display(a.question(), answers)));
    }
    String summary = "If " + String.join(" and ", phrases) + ", the recommendation would be "
        + framework.approachName(approach) + ".";
    return new WhatIf(changes, approach, summary);
  }

  /** "Freshness were Weekly", "Training pairs were 2,000 or more", "Volume were 999 or fewer requests per day". */
  private String phrase(WhatIfSearch.Alternative alt, Answers answers) {
    Question q = framework.question(alt.question()).orElseThrow();
    if (q instanceof Question.ChoiceQuestion cq) {
      return q.label() + " were " + cq.choice(alt.answer().value()).map(Choice::label).orElse(alt.answer().value());
    }
    Question.NumberQuestion nq = (Question.NumberQuestion) q;
    long value = ((Answer.NumberAnswer) alt.answer()).number();
    boolean up = value > answers.number(q.id()).orElse(-1);
    // "Training pairs were 1,000 or more", not "... or more pairs": the label already says it.
    boolean saysUnit = nq.unit().isEmpty() || q.label().toLowerCase(Locale.ROOT).contains(nq.unit().toLowerCase(Locale.ROOT));
    return q.label() + " were " + Grouped.of(value) + (up ? " or more" : " or fewer") + (saysUnit ? "" : " " + nq.unit());
  }

  /** An answer as a reader says it: a choice's label, a number grouped. */
  String display(String questionId, Answers answers) {
    Answer a = answers.get(questionId).orElseThrow();
    if (a instanceof Answer.NumberAnswer n) {
      return n.grouped();
    }
    Optional<Question> q = framework.question(questionId);
    if (q.isPresent() && q.get() instanceof Question.ChoiceQuestion cq) {
      Optional<Choice> c = cq.choice(a.value());
      if (c.isPresent()) {
        return c.get().label();
      }
    }
    return a.value();
  }
}
