#!/usr/bin/env bash
# `npm start`: installs dependencies if needed, then runs the local Calls-compatible SFU.
# Arguments are passed on, e.g. `npm start -- --port 8788`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
exec node --import tsx src/cli.ts sfu "$@"
