#!/usr/bin/env bash
# Corpus scale: generates a synthetic corpus of PASSAGES passages (default 1,000,000) under
# target/scale, then measures ragft's index build (checking read + streaming index on disk) and
# query throughput against raw Lucene with the same analyser, interleaved, and the peak heap, in a
# JVM limited to 1 GiB of heap (scripts/CorpusScale.java); then runs `ragft bench` itself on that
# corpus with -Xmx1g, which must finish. Figures: docs/performance-retrieval.md.
#
#   scripts/bench-corpus-scale.sh [PASSAGES] [ROUNDS] [QUERIES]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n="${1:-1000000}"
rounds="${2:-2}"
queries="${3:-4000}"
[ -f target/ragft.jar ] || mvn -B -q -ntp -DskipTests package >&2
mkdir -p target/scale
java -Xmx1g -XX:+UseG1GC -cp target/ragft.jar scripts/CorpusScale.java "$n" target/scale "$rounds" "$queries"

# The whole bench command on the same corpus, heap capped at 1 GiB: it reads, checks, indexes (or
# reuses the index) and runs the eval case. Its wall time and peak resident memory (heap, plus the
# index's memory-mapped files the kernel counts as resident).
echo "== ragft bench on the ${n}-passage corpus, -Xmx1g"
rm -rf target/scale/bench-cache
/usr/bin/time -f "wall %e s, cpu %U s user + %S s sys, max resident %M KB" \
  java -Xmx1g -jar target/ragft.jar bench "target/scale/corpus-$n" --approach rag --no-timing \
  --cache-dir target/scale/bench-cache --report-dir target/scale/bench-report > /dev/null
echo "== again, reusing the index under --cache-dir"
/usr/bin/time -f "wall %e s, cpu %U s user + %S s sys, max resident %M KB" \
  java -Xmx1g -jar target/ragft.jar bench "target/scale/corpus-$n" --approach rag --no-timing \
  --cache-dir target/scale/bench-cache --report-dir target/scale/bench-report > /dev/null
