#!/usr/bin/env bash
# End-to-end journeys (test/e2e/**/*.test.ts): Playwright pages on the `calls-elements dev` server,
# run by Node's test runner. They load dist/, so build first when it is missing or stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shopt -s globstar nullglob

bundle=dist/calls-elements.min.js
if [[ ! -f $bundle ]] || [[ -n $(find src rollup.config.js -newer "$bundle" -type f -print -quit) ]]; then
  npm run --silent build
fi
files=(test/e2e/**/*.test.ts)
if ((${#files[@]} == 0)); then
  echo "test:e2e: no files match test/e2e/**/*.test.ts" >&2
  exit 1
fi
# --test-force-exit: a journey file whose tests all finished must not hang the run on a timer the
# dev server leaves behind (seen after meeting-journey; tracked in the closing note).
exec node --import tsx --test --test-force-exit --test-concurrency=1 --test-reporter=spec "$@" "${files[@]}"
