#!/usr/bin/env bash
# Runs ragft bench on BANKING77 and StackFAQ (converted by convert-datasets.sh) and prints the
# tables and the wall time of each run. The figures in README come from this script.
#
#   scripts/bench-real-data.sh [SOURCE_DIR] [OUT_DIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${2:-$root/target/datasets}"
"$root/scripts/convert-datasets.sh" "${1:-$root/../shared/datasets}" "$out"

# Wall time and CPU time of each run (CPU time tells the cost when the machine is shared).
TIMEFORMAT="wall %1R s, cpu %1U s user + %1S s sys"
run() {
  echo "== ragft bench $*"
  time "$root/scripts/ragft" bench "$@"
  echo
}

# BANKING77: the trained classifier (fine-tune proxy) against the retrieval vote, official test split;
# then the classifier alone, for the time it takes to train and evaluate.
run "$out/banking77" --approach rag,fine-tune --report-dir "$root/target/bench/banking77"
run "$out/banking77" --approach fine-tune --report-dir "$root/target/bench/banking77-fine-tune"
# StackFAQ: retrieval quality at k = 1 (Recall@1) and k = 5, and the answers of all approaches.
run "$out/stackfaq" --top-k 1 --approach rag --report-dir "$root/target/bench/stackfaq-k1"
run "$out/stackfaq" --report-dir "$root/target/bench/stackfaq"
