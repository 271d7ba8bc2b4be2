#!/usr/bin/env bash
# Renders ragft's HTML reports to PNG with headless Chromium (Debian's /usr/bin/chromium, or
# $CHROMIUM; installed with apt-get when missing and run as root), so a report can be looked at as
# a reader sees it.
#
#   scripts/screenshot-report.sh                       # the example reports: target/portfolio.png (score)
#                                                      # and target/recommendation.png (recommend)
#   scripts/screenshot-report.sh report.html out.png   # any report
#   SIZE=1280,6000 scripts/screenshot-report.sh report.html out.png
#   scripts/screenshot-report.sh --bench               # only the bench report: target/bench-acme-support.png
# Without arguments it also renders the bench report of the sample dataset (see bench_report below).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
size="${SIZE:-1280,4200}"
# Debian's chromium is installed when missing and this run can (root with apt-get), as .ci/run does.
if [ ! -x "$chromium" ] && [ -z "${CHROMIUM:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "screenshot-report: installing Debian's chromium" >&2
  { timeout 900 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium; } \
    >/dev/null 2>&1 || true
fi
if [ ! -x "$chromium" ]; then
  echo "screenshot-report: $chromium not found and could not be installed here; install it with" \
    "'apt-get install -y chromium' or set CHROMIUM" >&2
  exit 2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# screenshot HTML PNG: one page to one picture.
screenshot() {
  local html="$1" png="$2"
  [ -f "$html" ] || { echo "screenshot-report: no such file: $html" >&2; exit 2; }
  local abs_html abs_png
  abs_html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
  abs_png="$(mkdir -p "$(dirname "$png")" && cd "$(dirname "$png")" && pwd)/$(basename "$png")"
  rm -f "$abs_png"
  # The flags keep Chromium from reaching the network or a user profile: the report must need neither.
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --hide-scrollbars --window-size="$size" --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1
  [ -s "$abs_png" ] || { echo "screenshot-report: chromium wrote no screenshot of $html" >&2; exit 1; }
  echo "screenshot-report: wrote $png"
}

# The bench report of the sample dataset: RAG vs the fine-tune PROXY vs the hybrid, latency measured.
# Runs `ragft bench` into target/bench-acme-support/ (report.html beside summary.json and the rest)
# and screenshots the page to target/bench-acme-support.png.
bench_report() {
  local out="$root/target/bench-acme-support"
  "$root/scripts/ragft" bench "$root/examples/datasets/acme-support" --report-dir "$out" \
    --cache-dir "$root/target/.ragft-cache" >/dev/null
  size="${SIZE:-1280,7200}" screenshot "$out/report.html" "$root/target/bench-acme-support.png"
}

if [ "${1:-}" = "--bench" ]; then
  bench_report
elif [ $# -ge 1 ]; then
  screenshot "$1" "${2:-${1%.html}.png}"
else
  mkdir -p "$root/target"
  "$root/scripts/ragft" score "$root/examples/portfolio/usecases" --format html --out "$root/target/portfolio.html"
  screenshot "$root/target/portfolio.html" "$root/target/portfolio.png"
  "$root/scripts/ragft" recommend "$root/examples/usecases/rfp-response-drafting.yaml" --format html \
    --out "$root/target/recommendation.html"
  size="${SIZE:-1280,3400}" screenshot "$root/target/recommendation.html" "$root/target/recommendation.png"
  bench_report
fi
