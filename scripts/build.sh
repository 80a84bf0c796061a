#!/usr/bin/env bash
# `npm run build`: a clean dist/ every time, so a file an older build wrote (a renamed module, a
# dropped entry) never ships in `npm pack`. The build goes into a fresh staging directory beside
# dist/ and replaces dist/ only once every step succeeded, which keeps dist/ whole while it runs: a
# dev server or test reading dist/ meanwhile sees the previous build, and a failed build leaves it
# as it was. The staging directory sits at the same depth as dist/, so source maps that point into
# ../src and ../node_modules stay right after the move.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

next=$(mktemp -d .dist-next.XXXXXX)
trap 'rm -rf "$next"' EXIT

tsc -p tsconfig.build.json --outDir "$next"
npm run --silent analyze
node --import tsx scripts/framework-types.ts "$next"
rollup -c --silent --input "$next/index.js" --dir "$next"

# Two renames, so dist/ is missing only between them. rename(2) refuses to replace a directory that
# is not empty, so a dist/ another build put back meanwhile fails this one instead of being nested.
node -e '
  const { existsSync, renameSync, rmSync } = require("node:fs");
  const [next, old] = process.argv.slice(1);
  if (existsSync("dist")) renameSync("dist", old);
  renameSync(next, "dist");
  rmSync(old, { recursive: true, force: true });
' "$next" "$next.old"
