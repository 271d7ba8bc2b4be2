#!/usr/bin/env bash
# Retrieval throughput in one JMH run: ragft's Retriever against raw Lucene IndexSearcher on the
# same 100,000-passage synthetic index (src/test/java/dev/ragft/bench/retrieval/RetrievalBenchmark.java).
# Prints both throughputs and ragft's share of raw Lucene's (the bar: at least 80%).
#
#   scripts/bench-retrieval.sh [extra JMH options, e.g. -wi 3 -i 5]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >&2
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main RetrievalBenchmark -f 1 -t 1 -wi 3 -w 2s -i 5 -r 2s \
  -rf json -rff target/retrieval-benchmark.json "$@"
java -cp "$cp" "$root/scripts/RetrievalRatio.java" target/retrieval-benchmark.json
# The same comparison by CPU time with the two paths interleaved: robust when the machine is shared.
java -cp "$cp" dev.ragft.bench.retrieval.RetrievalBenchmark
