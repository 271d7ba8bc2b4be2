package dev.ragft.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.dataset.Dataset;
import dev.ragft.bench.dataset.DatasetReader;
import dev.ragft.bench.run.ApproachId;
import dev.ragft.bench.run.BenchService;
import dev.ragft.bench.run.BenchSettings;
import dev.ragft.bench.run.CaseResult;
import dev.ragft.bench.run.Gate;
import dev.ragft.bench.run.Progress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@link JunitXml} a real run does not reach from the command line. */
class JunitXmlTest {
  @TempDir Path tmp;

  BenchService.Outcome runTiny(List<ApproachId> approaches, boolean timed) {
    Dataset d = DatasetReader.read(Path.of("src/test/resources/datasets/tiny"), "tiny").orThrow();
    BenchSettings s = BenchSettings.of(approaches, 5, 42, timed);
    long[] clock = {0};
    // A clock that advances 1 ms per reading: every case takes exactly 1 ms.
    return BenchService.run(new BenchService.Request(d, s, tmp.resolve("cases.jsonl"), "cases.jsonl", false,
        Optional.empty(), List.of()), () -> clock[0] += 1_000_000, Progress.NONE);
  }

  @Test
  void aCaseWithoutAResultIsAnErrorAndTheFileStillValidates() throws Exception {
    Dataset d = DatasetReader.read(Path.of("src/test/resources/datasets/tiny"), "tiny").orThrow();
    BenchService.Outcome o = runTiny(List.of(ApproachId.RAG), false);
    Map<String, CaseResult> missingOne = new LinkedHashMap<>(o.results());
    String firstCase = d.eval().get(0).id();
    assertThat(missingOne.remove("rag\u0000" + firstCase)).isNotNull();
    String xml = JunitXml.render(o.summary(), List.of(), d.eval(), missingOne, new JunitXml.Options(true, 0.5),
        new Provenance("dev", d.contentHash()));
    JunitSchema.validate(xml);
    assertThat(xml).contains("<error type=\"not-run\" message=\"rag produced no result for case " + firstCase + "\">")
        .containsPattern("<testsuite name=\"rag.all\" tests=\"10\" failures=\"\\d+\" errors=\"1\"")
        .containsPattern("<testsuites name=\"ragft bench tiny\" tests=\"\\d+\" failures=\"\\d+\" errors=\"[1-9]");
  }

  @Test
  void timesAreTheMeasuredLatenciesSummedPerSuite() throws Exception {
    Dataset d = DatasetReader.read(Path.of("src/test/resources/datasets/tiny"), "tiny").orThrow();
    BenchService.Outcome o = runTiny(List.of(ApproachId.FINE_TUNE), true);
    List<Gate.Result> gates = List.of(Gate.parse("fine-tune.classification.accuracy=0.9").check(o.summary()));
    String xml = JunitXml.render(o.summary(), gates, d.eval(), o.results(), new JunitXml.Options(true, 0.5),
        new Provenance("dev", d.contentHash()));
    JunitSchema.validate(xml);
    assertThat(xml).contains("<testsuite name=\"fine-tune.all\" tests=\"10\"", "time=\"0.009\">",
        "<testcase classname=\"ragft.bench.fine-tune.classification\" name=\"gate fine-tune.classification.accuracy=0.9\""
            + " time=\"0.000\"/>");
    assertThat(xml).contains("name=\"case " + d.eval().get(0).id() + "\" time=\"0.001\"");
  }

  @Test
  void escapesMarkupAndReplacesCharactersXmlCannotHold() throws Exception {
    Dataset d = DatasetReader.read(Path.of("src/test/resources/datasets/tiny"), "tiny").orThrow();
    BenchService.Outcome o = runTiny(List.of(ApproachId.RAG), false);
    Map<String, CaseResult> results = new LinkedHashMap<>(o.results());
    String key = "rag\u0000" + d.eval().get(0).id();
    CaseResult r = results.get(key);
    results.put(key, new CaseResult(r.approach(), r.caseId(), "a < b & \"c\" \u0001", r.citation(), r.retrieved(),
        r.grounded(), r.latencyMicros()));
    String xml = JunitXml.render(o.summary(), List.of(), d.eval(), results, new JunitXml.Options(true, 1.0),
        new Provenance("dev", d.contentHash()));
    JunitSchema.validate(xml);
    assertThat(xml).contains("answer: a &lt; b &amp; &quot;c&quot; \uFFFD)\">", "answer: a &lt; b &amp; \"c\" \uFFFD)</failure>");
    assertThatThrownBy(() -> new JunitXml.Options(true, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("case pass score must be 0 to 1, got 1.5");
  }
}
