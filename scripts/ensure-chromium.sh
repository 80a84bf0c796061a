#!/usr/bin/env bash
# Makes sure a Chromium is available for the browser tests and prints its path on stdout.
# Order: $CHROMIUM_PATH, /usr/bin/chromium, a chromium/chrome on PATH, else install Debian's
# chromium with apt-get when running as root; otherwise explain how and fail.
set -euo pipefail

if [[ -n ${CHROMIUM_PATH:-} ]]; then
  if [[ -x $CHROMIUM_PATH ]]; then
    echo "$CHROMIUM_PATH"
    exit 0
  fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi

if [[ -x /usr/bin/chromium ]]; then
  echo /usr/bin/chromium
  exit 0
fi

for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
  if found=$(command -v "$candidate" 2>/dev/null); then
    echo "$found"
    exit 0
  fi
done

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "› Chromium not found; installing Debian's chromium with apt-get (about 30 s)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  if [[ -x /usr/bin/chromium ]]; then
    echo /usr/bin/chromium
    exit 0
  fi
  echo "apt-get installed 'chromium' but /usr/bin/chromium is missing." >&2
  exit 1
fi

cat >&2 <<'MSG'
The browser tests need Chromium, and none was found.
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/executable
Then run `npm test` again. (Test tools never download their own browser here.)
MSG
exit 1
