#!/usr/bin/env bash
# Renders a `ragft score --format html` report to PNG with headless Chromium (Debian's
# /usr/bin/chromium, or $CHROMIUM), so the report can be looked at as a reader sees it.
#
#   scripts/screenshot-report.sh                       # scores examples/portfolio/usecases, writes target/portfolio.png
#   scripts/screenshot-report.sh report.html out.png   # any report
#   SIZE=1280,6000 scripts/screenshot-report.sh report.html out.png
#   scripts/screenshot-report.sh --bench                # only the bench report of examples/datasets/acme-support
# Without arguments it also renders the bench report (see bench_report below).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
size="${SIZE:-1280,4200}"
if [ ! -x "$chromium" ]; then
  echo "screenshot-report: $chromium not found; install it with 'apt-get install -y chromium' or set CHROMIUM" >&2
  exit 2
fi

# The bench report of the sample dataset: RAG vs the fine-tune PROXY vs the hybrid, latency measured.
# Runs `ragft bench` into target/bench-acme-support/ (report.html beside summary.json and the rest),
# then this same script screenshots the page to target/bench-acme-support.png.
bench_report() {
  local out="$root/target/bench-acme-support"
  "$root/scripts/ragft" bench "$root/examples/datasets/acme-support" --report-dir "$out" \
    --cache-dir "$root/target/.ragft-cache" >/dev/null
  SIZE="${SIZE:-1280,7200}" "$root/scripts/screenshot-report.sh" "$out/report.html" "$root/target/bench-acme-support.png"
}
if [ "${1:-}" = "--bench" ]; then
  bench_report
  exit 0
fi

if [ $# -ge 1 ]; then
  html="$1"
  png="${2:-${1%.html}.png}"
else
  mkdir -p "$root/target"
  html="$root/target/portfolio.html"
  png="$root/target/portfolio.png"
  "$root/scripts/ragft" score "$root/examples/portfolio/usecases" --format html --out "$html"
fi
[ -f "$html" ] || { echo "screenshot-report: no such file: $html" >&2; exit 2; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
abs_html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
abs_png="$(mkdir -p "$(dirname "$png")" && cd "$(dirname "$png")" && pwd)/$(basename "$png")"

# The flags keep Chromium from reaching the network or a user profile: the report must need neither.
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --hide-scrollbars --window-size="$size" --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1
[ -s "$abs_png" ] || { echo "screenshot-report: chromium wrote no screenshot" >&2; exit 1; }
echo "screenshot-report: wrote $png"
if [ $# -eq 0 ]; then
  bench_report
fi
