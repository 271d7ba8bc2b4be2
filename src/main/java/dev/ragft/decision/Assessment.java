package dev.ragft.decision;

import dev.ragft.framework.Layer;
import dev.ragft.framework.Phase;
import dev.ragft.framework.Situation;
import java.util.List;
import java.util.Map;

/**
 * The engine's verdict on one set of answers. {@code highestScoring} is the approach the scores
 * alone point to; it differs from {@code approach} when a gate keeps it from being the start. {@code scores} are {@code baseline} plus the sum
 * of the drivers' effects, kept within 0..100 ({@code sums} holds the unclamped totals, so a
 * reader can redo the arithmetic). {@code signal} is how far apart the answers put the approaches
 * (the engine falls back to the foundation below the framework's minimum); {@code closeCall} lists
 * the eligible approaches within the framework's close-call margin of the recommendation (empty
 * when the lead is clear).
 */
public record Assessment(
    String frameworkId,
    String frameworkVersion,
    Answers answers,
    String approach,
    String highestScoring,
    Map<String, Integer> scores,
    Map<String, Integer> baseline,
    Map<String, Integer> sums,
    double confidence,
    int signal,
    List<String> closeCall,
    List<Driver> drivers,
    List<Gate> gates,
    List<Warning> warnings,
    List<Situation> situations,
    List<Layer> stack,
    List<Phase> rollout,
    List<WhatIf> whatIf) {

  public Assessment {
    scores = ordered(scores);
    baseline = ordered(baseline);
    sums = ordered(sums);
    closeCall = List.copyOf(closeCall);
    drivers = List.copyOf(drivers);
    gates = List.copyOf(gates);
    warnings = List.copyOf(warnings);
    situations = List.copyOf(situations);
    stack = List.copyOf(stack);
    rollout = List.copyOf(rollout);
    whatIf = List.copyOf(whatIf);
  }

  private static Map<String, Integer> ordered(Map<String, Integer> m) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }

  public int score(String approachId) {
    return scores.getOrDefault(approachId, 0);
  }

  /** The same assessment with warnings added after the engine's (what the cost figures say). */
  public Assessment withWarnings(List<Warning> more) {
    List<Warning> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new Assessment(frameworkId, frameworkVersion, answers, approach, highestScoring, scores, baseline, sums,
        confidence, signal, closeCall, drivers, gates, all, situations, stack, rollout, whatIf);
  }
}
