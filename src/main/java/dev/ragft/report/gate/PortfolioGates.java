package dev.ragft.report.gate;

import dev.ragft.framework.Framework;
import dev.ragft.input.Problem;
import dev.ragft.report.ScoredUseCase;
import dev.ragft.report.junit.JunitWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks every scored use case of a portfolio against the {@code score --gate} expressions and
 * keeps one small row per use case (id, approach, a verdict per gate) for the summary, the
 * failure lines and the JUnit XML: one {@code <testsuite>} per approach, one {@code <testcase>}
 * per use case and gate (per use case when there is no gate), a {@code <failure>} for a failed
 * gate, a {@code <skipped>} where the figure a gate checks is unknown, and one {@code <error>} per
 * use case that could not be read, in a last suite named {@code invalid-input}.
 */
public final class PortfolioGates {
  private final Framework framework;
  private final List<UseCaseGate> gates;
  private final List<Checked> checked = new ArrayList<>();

  private record Checked(String id, String approach, List<UseCaseGate.Verdict> verdicts) {}

  public PortfolioGates(Framework framework, List<UseCaseGate> gates) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.gates = List.copyOf(gates);
  }

  /** What every suite carries about the run, in order: versions and ids, never a path. */
  public static Map<String, String> provenance(String ragftVersion, Framework f, java.util.Optional<String> pricesId) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("ragft.version", ragftVersion);
    p.put("framework.id", f.id());
    p.put("framework.version", f.version());
    p.put("prices.id", pricesId.orElse("none"));
    return p;
  }

  /** Checks one use case against every gate, in the order the gates were given. */
  public void add(ScoredUseCase s) {
    checked.add(new Checked(s.id(), s.assessment().approach(), gates.stream().map(g -> g.check(s)).toList()));
  }

  /** How many gate checks failed, over every use case. */
  public int failed() {
    return count(UseCaseGate.Fail.class);
  }

  /** One line per failed check, in output order: {@code "crm-autocomplete: confidence>=0.4: confidence = 0.12, expected >= 0.4"}. */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    for (Checked c : checked) {
      for (int i = 0; i < gates.size(); i++) {
        if (c.verdicts().get(i) instanceof UseCaseGate.Fail f) {
          out.add(c.id() + ": " + gates.get(i).text() + ": " + f.message());
        }
      }
    }
    return out;
  }

  /** What a gated run prints on stderr at its end, a line each: every failed check, then the {@link #summary}. */
  public List<String> outcome() {
    List<String> out = new ArrayList<>();
    failures().forEach(l -> out.add("gate failed: " + l));
    out.add(summary());
    return out;
  }

  /** The pass/fail line that ends a gated run: {@code "gates: 3 failed, 1 unknown, 52 passed (2 gates x 28 use cases)"}. */
  public String summary() {
    int n = checked.size();
    return "gates: " + failed() + " failed, " + count(UseCaseGate.Unknown.class) + " unknown, " + count(UseCaseGate.Pass.class)
        + " passed (" + gates.size() + (gates.size() == 1 ? " gate" : " gates") + " x " + n
        + (n == 1 ? " use case)" : " use cases)");
  }

  /**
   * The JUnit XML document.
   *
   * @param problems the use cases that could not be read, each an {@code <error>}
   * @param provenance properties every suite carries, in order (ragft version, framework, prices): ids and versions only
   */
  public String junit(List<Problem> problems, Map<String, String> provenance) {
    List<JunitWriter.Suite> suites = new ArrayList<>();
    String gateList = String.join("; ", gates.stream().map(UseCaseGate::text).toList());
    for (String approach : framework.approachIds()) {
      String classname = "ragft.score." + approach;
      List<JunitWriter.Case> cases = new ArrayList<>();
      for (Checked c : checked) {
        if (!c.approach().equals(approach)) {
          continue;
        }
        if (gates.isEmpty()) {
          cases.add(JunitWriter.Case.passed(classname, c.id(), 0));
        }
        for (int i = 0; i < gates.size(); i++) {
          cases.add(new JunitWriter.Case(classname, c.id() + ": " + gates.get(i).text(), 0, outcome(c.verdicts().get(i))));
        }
      }
      suites.add(new JunitWriter.Suite(approach, properties(provenance, approach, gateList), cases));
    }
    if (!problems.isEmpty()) {
      List<JunitWriter.Case> cases = problems.stream().map(p -> new JunitWriter.Case("ragft.score.input",
          p.location().toString(), 0, new JunitWriter.Errored("bad-input", p.message()))).toList();
      suites.add(new JunitWriter.Suite("invalid-input", properties(provenance, "", gateList), cases));
    }
    return JunitWriter.render("ragft score", suites);
  }

  private static Map<String, String> properties(Map<String, String> provenance, String approach, String gateList) {
    Map<String, String> p = new LinkedHashMap<>(provenance);
    if (!approach.isEmpty()) {
      p.put("approach", approach);
    }
    p.put("gates", gateList);
    return p;
  }

  private static JunitWriter.Outcome outcome(UseCaseGate.Verdict v) {
    if (v instanceof UseCaseGate.Fail f) {
      return new JunitWriter.Failed("gate", "gate failed: " + f.message());
    }
    if (v instanceof UseCaseGate.Unknown u) {
      return new JunitWriter.Skipped(u.message());
    }
    return new JunitWriter.Passed();
  }

  private int count(Class<? extends UseCaseGate.Verdict> kind) {
    return (int) checked.stream().flatMap(c -> c.verdicts().stream()).filter(kind::isInstance).count();
  }
}
