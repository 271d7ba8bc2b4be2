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
    Roadmap roadmap,
    EvidenceWeights evidence) {

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
    Objects.requireNonNull(evidence, "evidence");
  }

  // Loops, not streams, here and below: these run at every start, cold, where each stream and
  // lambda costs a link at its first call.
  public List<String> approachIds() {
    List<String> ids = new java.util.ArrayList<>(approaches.size());
    for (Approach a : approaches) {
      ids.add(a.id());
    }
    return List.copyOf(ids);
  }

  public Optional<Approach> approach(String approachId) {
    for (Approach a : approaches) {
      if (a.id().equals(approachId)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
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
    Optional<Approach> a = approach(approachId);
    return a.isPresent() ? a.get().name() : approachId;
  }
}
