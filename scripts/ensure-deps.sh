#!/usr/bin/env bash
# Installs the exact locked dependencies when node_modules is missing or older than package-lock.json.
# Used by `npm start` and `npm test`, so both work on a fresh clone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Browsers come from the system (Debian's chromium), never from npm postinstall downloads.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1

marker=node_modules/.package-lock.json
if [[ ! -d node_modules || ! -f $marker || package-lock.json -nt $marker ]]; then
  echo "› Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
