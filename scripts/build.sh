#!/usr/bin/env bash
# `npm run build`: a clean dist/ every time, so a file an older build wrote (a renamed module, a
# dropped entry) never ships in `npm pack`. The build goes into a fresh staging directory beside
# dist/ and replaces dist/ only once it succeeded, which keeps dist/ whole while it runs: a dev
# server or test reading dist/ meanwhile sees the previous build, and a failed build leaves it as
# it was. The staging directory sits at the same depth as dist/, so source maps that point into
# ../src and ../node_modules stay right after the move.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

next=.dist-next
old=.dist-old
rm -rf "$next" "$old"
trap 'rm -rf "$next"' EXIT

tsc -p tsconfig.build.json --outDir "$next"
npm run --silent analyze
node --import tsx scripts/framework-types.ts "$next"
rollup -c --silent --input "$next/index.js" --dir "$next"

# Two renames, so dist/ is missing only between them (not for the whole build).
if [[ -d dist ]]; then mv dist "$old"; fi
mv "$next" dist
rm -rf "$old"
