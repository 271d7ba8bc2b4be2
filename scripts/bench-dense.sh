#!/usr/bin/env bash
# Speed of dense and hybrid retrieval: the embedding model's throughput (passages/s, queries/s)
# on the sample dataset, then the whole `ragft bench` on it with --retriever bm25, with
# --retriever hybrid on an empty embedding cache (the corpus and labelled examples are embedded)
# and again on the warm cache (only the questions are). The figures in README come from here.
#
#   scripts/bench-dense.sh [DATASET_DIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/examples/datasets/acme-support}"
"$root/scripts/ragft" --version >/dev/null # builds target/ragft.jar when missing or stale

echo "== embedding throughput on $(basename "$data")"
java -cp "$root/target/ragft.jar" "$root/scripts/EmbeddingThroughput.java" "$data" 2>/dev/null
echo

cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
TIMEFORMAT="wall %1R s, cpu %1U s user + %1S s sys"
run() {
  echo "== ragft bench $*"
  time "$root/scripts/ragft" bench "$data" --no-timing --cache-dir "$cache" "$@" >/dev/null
  echo
}
run --retriever bm25
echo "(empty embedding cache)"
run --retriever hybrid
echo "(warm embedding cache)"
run --retriever hybrid
