#!/usr/bin/env bash
# `npm start`: installs dependencies if needed, builds dist/ when it is missing or older than src/,
# then runs `calls-elements dev` — the local SFU, the backend kit at /calls and the demo page at /,
# in one process (http://127.0.0.1:8787). Arguments are passed on, e.g. `npm start -- --port 9000`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh

bundle=dist/calls-elements.min.js
if [[ ! -f $bundle ]] || [[ -n $(find src package.json rollup.config.js -newer "$bundle" -type f -print -quit) ]]; then
  echo "› Building dist/ (the demo page loads the bundle)…"
  npm run --silent build
fi
exec node --import tsx src/cli.ts dev "$@"
