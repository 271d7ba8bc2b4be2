#!/usr/bin/env bash
# Converts the public datasets BANKING77 and StackFAQ into ragft's dataset format.
#
#   scripts/convert-datasets.sh [SOURCE_DIR] [OUT_DIR]
#
# SOURCE_DIR holds banking77/ and stackfaq/ (default: ../shared/datasets beside the project);
# OUT_DIR receives banking77/ and stackfaq/ dataset folders (default: target/datasets). The data
# is not ours: never commit the output. The converter is scripts/ConvertDatasets.java, run with
# the ragft jar on the class path (Java only, no other tool needed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$root/../shared/datasets}"
out="${2:-$root/target/datasets}"

if [ ! -d "$src/banking77" ] || [ ! -d "$src/stackfaq" ]; then
  echo "convert-datasets: $src has no banking77/ and stackfaq/ folders; pass the folder that holds them" >&2
  exit 2
fi
"$root/scripts/ragft" --version >/dev/null # builds target/ragft.jar when missing or stale
for name in banking77 stackfaq; do
  java -cp "$root/target/ragft.jar" "$root/scripts/ConvertDatasets.java" "$name" "$src/$name" "$out/$name"
done
