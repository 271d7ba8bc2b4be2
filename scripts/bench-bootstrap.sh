#!/usr/bin/env bash
# What the paired bootstrap adds to a bench run: the whole `ragft bench` on the sample dataset with
# --bootstrap 1000 (the default) and with --bootstrap 0 (no intervals), run in turn ROUNDS times
# (interleaved, so drift of the machine's load hits both alike) after one warm-up run of each.
# Prints each pair's wall times, then the median of each and their ratio (target: at most 1.10).
# The figure in docs/evidence.md comes from here.
#
#   scripts/bench-bootstrap.sh [DATASET_DIR] [ROUNDS]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/examples/datasets/acme-support}"
rounds="${2:-5}"
"$root/scripts/ragft" --version >/dev/null # builds target/ragft.jar when missing or stale

cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
ms() {
  local start end
  start=$(date +%s%N)
  "$root/scripts/ragft" bench "$data" --no-timing --cache-dir "$cache" --bootstrap "$1" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
ms 1000 >/dev/null # warm-up: the index cache, the CDS archive, the page cache
ms 0 >/dev/null
with=()
without=()
for ((i = 1; i <= rounds; i++)); do
  a=$(ms 1000)
  b=$(ms 0)
  with+=("$a")
  without+=("$b")
  echo "round $i: --bootstrap 1000 ${a} ms, --bootstrap 0 ${b} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
mw=$(median "${with[@]}")
mo=$(median "${without[@]}")
echo "median: --bootstrap 1000 ${mw} ms, --bootstrap 0 ${mo} ms; ratio $(awk -v a="$mw" -v b="$mo" 'BEGIN {printf "%.3f", a / b}') (target <= 1.10)"
