#!/usr/bin/env bash
# Runs the Node tests (test/node/**/*.test.ts) with the built-in test runner. Node 20's `--test`
# does not expand globs itself, so bash does. Extra arguments go to node, e.g.
# `npm run test:node -- --test-name-pattern=sfu`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shopt -s globstar nullglob

files=(test/node/**/*.test.ts)
if ((${#files[@]} == 0)); then
  echo "test:node: no files match test/node/**/*.test.ts" >&2
  exit 1
fi
exec node --import tsx --test --test-reporter=spec "$@" "${files[@]}"
