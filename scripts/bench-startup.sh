#!/usr/bin/env bash
# Whole-process start-up benchmark: wall time of `scripts/ragft recommend <example> --format json`
# and of `score` on the shipped examples, launcher included, next to a bare JVM running hello world
# and a minimal picocli + Jackson-YAML program (the issue's yardstick) on the same machine.
#
#   scripts/bench-startup.sh [N]      N timed runs of each (default 20), after WARMUP (default 3)
#
# Builds the jar if needed (through scripts/ragft), and re-creates the class-data-sharing
# archive from the benchmarked command, so the numbers are those of a user's second and later
# runs. The four commands alternate, so a machine that gets busier part-way hits all alike.
# Besides wall time it reports CPU time (user + system, every thread of the process): on a
# machine shared with other work, wall time mostly measures the wait for a free core.
# Needs only bash, Java 17 (with javac) and Maven: no hyperfine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
n="${1:-20}"
warmup="${WARMUP:-3}"
case "$n$warmup" in
  *[!0-9]*) echo "usage: $0 [N]   (N and WARMUP are counts of runs)" >&2; exit 2 ;;
esac
[ "$n" -ge 1 ] || { echo "usage: $0 [N]   (N >= 1)" >&2; exit 2; }
usecase=examples/usecases/enterprise-sla-answers.yaml
ragft=("$root/scripts/ragft" recommend "$usecase" --format json)
# score, the other command that must start fast, on the shipped examples (15 use cases).
score=("$root/scripts/ragft" score examples/usecases --format json)
cd "$root"

# Microseconds since the epoch. bash 5 has a clock built in ($EPOCHREALTIME): reading it starts no
# process, so no fork lands inside the timed interval. Older shells fall back to date(1).
if [ -n "${EPOCHREALTIME:-}" ]; then
  clock="bash \$EPOCHREALTIME"
else
  clock="date +%s%N"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-startup.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cpus="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')"
echo "machine: $cpus CPUs, $(java -version 2>&1 | head -n 1)"
if [ -r /proc/loadavg ]; then
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates every figure)"
fi

# The hello world: a class of its own in a temporary folder.
printf 'public class Hello {\n  public static void main(String[] args) {\n    System.out.println("Hello, world");\n  }\n}\n' \
  > "$tmp/Hello.java"
javac -d "$tmp" "$tmp/Hello.java"
hello=(java -cp "$tmp" Hello)

# The issue's yardstick: a minimal picocli + Jackson-YAML program (scripts/MinimalPicocliYaml.java)
# with the launcher's JVM flags and a static CDS archive of its own, made here as the launcher
# makes ragft's. picocli and Jackson come from ragft's jar, built by the first run below.
jvm_flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds=off)
minimal_cp="$tmp/minimal.jar:target/ragft.jar" # jars only: CDS archives no class from a folder
minimal=(java "${jvm_flags[@]}" -XX:SharedArchiveFile="$tmp/minimal.jsa" -cp "$minimal_cp" MinimalPicocliYaml
  "$usecase" --format json)

# The first run builds the jar when sources are newer (the build's messages show on stderr) and
# records the classes it loads for the archive; it must succeed.
rm -f target/ragft.jsa
if ! "${ragft[@]}" > "$tmp/out.json" 2> "$tmp/err.txt"; then
  cat "$tmp/err.txt" >&2
  echo "bench-startup: '${ragft[*]}' failed" >&2
  exit 1
fi
cat "$tmp/err.txt" >&2
if [ ! -f target/ragft.jsa ] && [ "${RAGFT_CDS:-1}" = "1" ]; then
  echo "bench-startup: note: no CDS archive was created (target/ragft.jsa.failed: $( [ -f target/ragft.jsa.failed ] && echo yes || echo no))" >&2
fi

mkdir "$tmp/minimal"
javac -nowarn -d "$tmp/minimal" -cp target/ragft.jar scripts/MinimalPicocliYaml.java
jar --create --file "$tmp/minimal.jar" -C "$tmp/minimal" .
java "${jvm_flags[@]}" -XX:DumpLoadedClassList="$tmp/minimal.classlist" -cp "$minimal_cp" MinimalPicocliYaml \
  "$usecase" > /dev/null
java -Xshare:dump -XX:SharedClassListFile="$tmp/minimal.classlist" -XX:SharedArchiveFile="$tmp/minimal.jsa" \
  -cp "$minimal_cp" > /dev/null 2>&1 || echo "bench-startup: note: no CDS archive for the minimal program" >&2

for ((i = 0; i < warmup; i++)); do
  "${ragft[@]}" > /dev/null
  "${score[@]}" > /dev/null
  "${minimal[@]}" > /dev/null
  "${hello[@]}" > /dev/null
done

# CPU time (user + system, in microseconds) this shell's finished children have used so far, in
# $cpu_us. The builtin `times` starts no process; its second line is the children's.
children_cpu() {
  local line user sys
  times > "$tmp/times"
  { read -r line; read -r line; } < "$tmp/times"
  user="${line%% *}"
  sys="${line##* }"
  cpu_us=$(($(to_us "$user") + $(to_us "$sys")))
}

# "1m2.345s" (as `times` prints) in microseconds.
to_us() {
  local m="${1%%m*}" s="${1#*m}"
  s="${s%s}"
  echo $(((10#$m * 60 + 10#${s%.*}) * 1000000 + 10#${s#*.} * 1000))
}

# Runs "$@" once, stdout discarded; appends its wall time in microseconds to $out.us and its CPU
# time (user + system, all its threads) to $out.cpu.
timed() {
  local t0 t1 c0
  children_cpu
  c0=$cpu_us
  if [ -n "${EPOCHREALTIME:-}" ]; then
    t0="${EPOCHREALTIME//[!0-9]/}"
    "$@" > /dev/null
    t1="${EPOCHREALTIME//[!0-9]/}"
  else
    t0="$(date +%s%N)"
    "$@" > /dev/null
    t1="$(date +%s%N)"
    t0=$((t0 / 1000))
    t1=$((t1 / 1000))
  fi
  children_cpu
  echo $((t1 - t0)) >> "$out.us"
  echo $((cpu_us - c0)) >> "$out.cpu"
}

for ((i = 0; i < n; i++)); do
  out="$tmp/ragft" timed "${ragft[@]}"
  out="$tmp/score" timed "${score[@]}"
  out="$tmp/minimal" timed "${minimal[@]}"
  out="$tmp/hello" timed "${hello[@]}"
done

# Microseconds to milliseconds with one decimal (a difference may be negative).
ms() {
  local sign="" us=$1
  if ((us < 0)); then
    sign="-"
    us=$((-us))
  fi
  local tenths=$(((us + 50) / 100))
  printf '%s%d.%d' "$sign" $((tenths / 10)) $((tenths % 10))
}

# min, median and p90 (nearest rank) of a file of microsecond figures.
stats() {
  local -a v
  local count mid median p90
  while IFS= read -r line; do v+=("$line"); done < <(sort -n "$1")
  count=${#v[@]}
  mid=$((count / 2))
  if ((count % 2)); then
    median=${v[$mid]}
  else
    median=$(((v[mid - 1] + v[mid]) / 2))
  fi
  p90=${v[$(((count * 9 + 9) / 10 - 1))]}
  printf '%9s %9s %9s' "$(ms "${v[0]}")" "$(ms "$median")" "$(ms "$p90")"
  last_median=$median
}

echo "runs: $n of each, alternating, after $warmup warm-up runs; clock: $clock; ms"
printf '%-66s %9s %9s %9s %12s\n' "" "wall min" median p90 "CPU median"
printf '%-66s ' "scripts/ragft recommend ${usecase##*/} --format json"
stats "$tmp/ragft.us"
ragft_median=$last_median
stats "$tmp/ragft.cpu" > /dev/null
printf ' %12s\n' "$(ms "$last_median")"
printf '%-66s ' "scripts/ragft score examples/usecases --format json"
stats "$tmp/score.us"
stats "$tmp/score.cpu" > /dev/null
printf ' %12s\n' "$(ms "$last_median")"
printf '%-66s ' "minimal picocli + Jackson-YAML program, same flags, own CDS archive"
stats "$tmp/minimal.us"
minimal_median=$last_median
stats "$tmp/minimal.cpu" > /dev/null
printf ' %12s\n' "$(ms "$last_median")"
printf '%-66s ' "java Hello (bare JVM)"
stats "$tmp/hello.us"
hello_median=$last_median
stats "$tmp/hello.cpu" > /dev/null
printf ' %12s\n' "$(ms "$last_median")"
echo "ragft median minus bare JVM median: $(ms $((ragft_median - hello_median))) ms wall"
echo "ragft median minus the minimal picocli + Jackson-YAML program's: $(ms $((ragft_median - minimal_median))) ms wall"
if [ -r /proc/loadavg ]; then
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
