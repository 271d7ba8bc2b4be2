package dev.ragft.framework;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision framework: the questions, how each answer weighs for and against each approach, the
 * gates and tensions, what to build and in what order, and how to sequence a portfolio into
 * waves. Every judgement the engine applies comes from here; the Java code only does arithmetic
 * with it.
 */
public record Framework(
    String id,
    String version,
    String title,
    String description,
    String prices,
    List<Approach> approaches,
    Scoring scoring,
    List<Question> questions,
    List<Rule> rules,
    List<WarningRule> warnings,
    List<Situation> situations,
    Map<String, List<Layer>> stacks,
    Map<String, List<Phase>> rollouts,
    Roadmap roadmap) {

  public Framework {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(prices, "prices");
    approaches = List.copyOf(approaches);
    Objects.requireNonNull(scoring, "scoring");
    questions = List.copyOf(questions);
    rules = List.copyOf(rules);
    warnings = List.copyOf(warnings);
    situations = List.copyOf(situations);
    stacks = Map.copyOf(stacks);
    rollouts = Map.copyOf(rollouts);
    Objects.requireNonNull(roadmap, "roadmap");
  }

  public List<String> approachIds() {
    return approaches.stream().map(Approach::id).toList();
  }

  public Optional<Approach> approach(String approachId) {
    return approaches.stream().filter(a -> a.id().equals(approachId)).findFirst();
  }

  public Optional<Question> question(String questionId) {
    for (Question q : questions) {
      if (q.id().equals(questionId)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  public String approachName(String approachId) {
    return approach(approachId).map(Approach::name).orElse(approachId);
  }
}
