#!/usr/bin/env bash
# `npm test`: the whole check suite, as CI runs it. Installs what it needs (npm dependencies, and
# Debian's Chromium when run as root), then runs every step even after a failure, prints a
# summary with timings, and exits non-zero if any step failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
export STORYBOOK_DISABLE_TELEMETRY=1
export FORCE_COLOR="${FORCE_COLOR:-0}"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

header() {
  printf '\n\033[1m━━ %s ━━\033[0m\n' "$1"
}

now_ms() {
  date +%s%3N
}

seconds_since() {
  awk -v start="$1" -v end="$(now_ms)" 'BEGIN { printf "%.1f", (end - start) / 1000 }'
}

header 'setup: dependencies'
bash scripts/ensure-deps.sh
header 'setup: Chromium'
CHROMIUM_PATH=$(bash scripts/ensure-chromium.sh)
export CHROMIUM_PATH
echo "Using $CHROMIUM_PATH"

steps=(lint typecheck build test:node test:browser test:e2e build-storybook test:storybook test:frameworks)
declare -A status seconds
failed_steps=()

for step in "${steps[@]}"; do
  header "npm run $step"
  start=$(now_ms)
  if npm run --silent "$step" 2>&1 | tee "$logs/$step.log"; then
    status[$step]=ok
  else
    status[$step]=FAILED
    failed_steps+=("$step")
  fi
  seconds[$step]=$(seconds_since "$start")
  echo "→ $step: ${status[$step]} in ${seconds[$step]} s"
done

# Test counts, read from each runner's own summary. A count is reported only when both runners'
# summaries were found; otherwise the line is left out rather than guessed.
strip_ansi() {
  sed -E 's/\x1B\[[0-9;?]*[A-Za-z]//g' "$1"
}
node_pass=$(strip_ansi "$logs/test:node.log" | sed -nE 's/^ℹ pass ([0-9]+)$/\1/p' | tail -n 1)
node_fail=$(strip_ansi "$logs/test:node.log" | sed -nE 's/^ℹ fail ([0-9]+)$/\1/p' | tail -n 1)
# @web/test-runner redraws one progress line per browser group; the block drawn last, just before
# "Finished running tests", holds every group's final count: add them up.
wtr_counts=$(strip_ansi "$logs/test:browser.log" | awk '
  /^Chromium: \|/ { if (!in_block) { passed = 0; failed = 0; in_block = 1 }
                   if (match($0, /[0-9]+ passed, [0-9]+ failed/)) {
                     split(substr($0, RSTART, RLENGTH), n, /[^0-9]+/); passed += n[1]; failed += n[2] }
                   next }
  /^[[:space:]]*$/ { next }
  /Finished running tests/ { final = passed " passed, " failed " failed"; in_block = 0; next }
  { in_block = 0 }
  END { if (final != "") print final }' || true)
# Node's test runner also runs the journeys, the static Storybook and the framework apps.
e2e_pass=0 e2e_fail=0
for step in test:e2e test:storybook test:frameworks; do
  pass=$(strip_ansi "$logs/$step.log" | sed -nE 's/^ℹ pass ([0-9]+)$/\1/p' | tail -n 1)
  fail=$(strip_ansi "$logs/$step.log" | sed -nE 's/^ℹ fail ([0-9]+)$/\1/p' | tail -n 1)
  if [[ -z $pass || -z $fail ]]; then
    e2e_pass='' e2e_fail=''
    break
  fi
  e2e_pass=$((e2e_pass + pass)) e2e_fail=$((e2e_fail + fail))
done

header 'summary'
for step in "${steps[@]}"; do
  printf '  %-16s %-7s %6s s\n' "$step" "${status[$step]}" "${seconds[$step]}"
done
if ((${#failed_steps[@]} == 0)); then
  echo "All ${#steps[@]} steps passed."
else
  echo "Failed steps: ${failed_steps[*]}"
fi
if [[ -n $node_pass && -n $node_fail && -n $wtr_counts && -n $e2e_pass && -n $e2e_fail ]]; then
  wtr_pass=${wtr_counts%% passed*}
  wtr_fail=${wtr_counts#*, }
  wtr_fail=${wtr_fail%% failed}
  echo "$((node_pass + wtr_pass + e2e_pass)) passed, $((node_fail + wtr_fail + e2e_fail)) failed"
fi

((${#failed_steps[@]} == 0))
