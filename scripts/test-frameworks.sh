#!/usr/bin/env bash
# `npm run test:frameworks`: the Vue, Svelte, Angular and React apps in demo/frameworks, each built
# with its own tooling against calls-elements as users get it (the `npm pack` tarball), typechecked
# with the package's generated framework types, then driven by Playwright (test/frameworks).
#
#   --update-locks   re-resolve each app's package-lock.json (after changing an app's dependencies
#                    or the package's own runtime dependencies), instead of testing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 NG_CLI_ANALYTICS=false
apps=(vue svelte angular react)
pack=demo/frameworks/.pack/calls-elements.tgz

bundle=dist/calls-elements.min.js
if [[ ! -f $bundle ]] || [[ -n $(find src scripts/framework-types.ts rollup.config.js -newer "$bundle" -type f -print -quit) ]]; then
  npm run --silent build
fi
mkdir -p "$(dirname "$pack")"
packed=$(npm pack --silent --pack-destination "$(dirname "$pack")")
mv "$(dirname "$pack")/$packed" "$pack"

if [[ ${1:-} == --update-locks ]]; then
  for app in "${apps[@]}"; do
    (cd "demo/frameworks/$app" && rm -rf node_modules package-lock.json && npm install --no-audit --no-fund)
    # Without an integrity hash npm ci unpacks the tarball anew each time; with one it would serve
    # the first tarball it ever saw from its cache, whatever the build put there since.
    node -e '
      const fs = require("node:fs");
      const file = process.argv[1];
      const lock = JSON.parse(fs.readFileSync(file, "utf8"));
      delete lock.packages["node_modules/calls-elements"].integrity;
      fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
    ' "demo/frameworks/$app/package-lock.json"
  done
  exit 0
fi

# The package's runtime dependencies as the apps' lockfiles know them: a mismatch means the lockfiles
# are stale (npm ci would install the old set), so say how to refresh them instead of testing that.
wanted=$(tar -xzOf "$pack" package/package.json | node -e '
  let text = ""; process.stdin.on("data", (chunk) => (text += chunk)).on("end", () =>
    console.log(JSON.stringify(JSON.parse(text).dependencies ?? {})));')

for app in "${apps[@]}"; do
  dir=demo/frameworks/$app
  locked=$(node -e 'console.log(JSON.stringify(JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")).packages["node_modules/calls-elements"].dependencies ?? {}))' "$dir/package-lock.json")
  if [[ $locked != "$wanted" ]]; then
    echo "$dir/package-lock.json locks calls-elements dependencies $locked, the package has $wanted." >&2
    echo "Run: bash scripts/test-frameworks.sh --update-locks" >&2
    exit 1
  fi
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    echo "› $app: npm ci"
    (cd "$dir" && npm ci --no-audit --no-fund --prefer-offline)
  fi
  # npm ci is skipped while the app's other dependencies are unchanged: put this build's tarball in.
  rm -rf "$dir/node_modules/calls-elements"
  mkdir -p "$dir/node_modules/calls-elements"
  tar -xzf "$pack" -C "$dir/node_modules/calls-elements" --strip-components=1
  echo "› $app: typecheck and build"
  (cd "$dir" && npm run --silent build)
done

exec node --import tsx --test --test-concurrency=1 --test-reporter=spec "$@" test/frameworks/*.test.ts
