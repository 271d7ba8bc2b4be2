package dev.ragft.cli;

import dev.ragft.advice.BenchEvidence;
import dev.ragft.cost.Measurements;
import picocli.CommandLine.Option;

/** The --evidence option: a bench summary whose measurements replace the price file's estimates. */
final class EvidenceOption {
  @Option(
      names = "--evidence",
      paramLabel = "SUMMARY.json",
      description = "A 'ragft bench' summary.json: its measured retrieval latency (and, for runs against real models, "
          + "tokens and latency) replace the estimates; the report says so.")
  String evidence;

  Measurements load(Env env) {
    return evidence == null ? Measurements.NONE : BenchEvidence.read(env.resolve(evidence), evidence);
  }
}
