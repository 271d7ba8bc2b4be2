#!/usr/bin/env bash
# Runs ragft bench on BANKING77 and StackFAQ (converted by convert-datasets.sh) and prints the
# tables and the wall time of each run. The figures in README come from this script.
#
#   scripts/bench-real-data.sh [SOURCE_DIR] [OUT_DIR] [bm25|dense|all]
#
# The third argument picks the runs: bm25 (the BM25 and n-gram runs), dense (the dense and
# hybrid retrieval and embedding-classifier runs, which embed about 10,000 texts of BANKING77 the
# first time and then read them from .ragft-cache/embeddings) or all (the default).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${2:-$root/target/datasets}"
which="${3:-all}"
case "$which" in
  bm25|dense|all) ;;
  *) echo "bench-real-data: unknown selection '$which'; expected bm25, dense or all" >&2; exit 2 ;;
esac
"$root/scripts/convert-datasets.sh" "${1:-$root/../shared/datasets}" "$out"

# Wall time and CPU time of each run (CPU time tells the cost when the machine is shared).
TIMEFORMAT="wall %1R s, cpu %1U s user + %1S s sys"
run() {
  echo "== ragft bench $*"
  time "$root/scripts/ragft" bench "$@"
  echo
}

if [ "$which" != dense ]; then
# BANKING77: the trained classifier (fine-tune proxy) against the retrieval vote, official test split;
# then the classifier alone, for the time it takes to train and evaluate.
run "$out/banking77" --approach rag,fine-tune --report-dir "$root/target/bench/banking77"
run "$out/banking77" --approach fine-tune --report-dir "$root/target/bench/banking77-fine-tune"
# StackFAQ: retrieval quality at k = 1 (Recall@1) and k = 5, and the answers of all approaches.
run "$out/stackfaq" --top-k 1 --approach rag --report-dir "$root/target/bench/stackfaq-k1"
run "$out/stackfaq" --report-dir "$root/target/bench/stackfaq"
fi

if [ "$which" != bm25 ]; then
# Dense and hybrid retrieval (all-MiniLM-L6-v2 in process). BANKING77: the retrieval vote over
# dense neighbours, and the classifier over sentence embeddings (fine-tune proxy), in one run; then
# the vote over hybrid (BM25 + dense) neighbours, which reuses the cached train embeddings.
run "$out/banking77" --approach rag,fine-tune --retriever dense --classifier embeddings \
  --report-dir "$root/target/bench/banking77-dense"
run "$out/banking77" --approach rag --retriever hybrid --report-dir "$root/target/bench/banking77-hybrid"
# StackFAQ: retrieval quality at k = 1 with dense and hybrid retrieval.
run "$out/stackfaq" --top-k 1 --approach rag --retriever dense --report-dir "$root/target/bench/stackfaq-k1-dense"
run "$out/stackfaq" --top-k 1 --approach rag --retriever hybrid --report-dir "$root/target/bench/stackfaq-k1-hybrid"
fi
