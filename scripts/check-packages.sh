#!/usr/bin/env bash
# Checks what each package would publish (run after `npm run build`):
# publint, are-the-types-wrong (ESM only), and the packed file list.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for dir in packages/*/; do
  dir=${dir%/}
  name=$(node -p "require('./$dir/package.json').name")
  echo "--- $name"
  npx --no-install publint "$dir" --strict || status=1
  npx --no-install attw --pack "$dir" --profile esm-only --format table-flipped || status=1
  files=$(cd "$dir" && npm pack --dry-run --json 2>/dev/null | node -e '
    const [p] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    console.log(p.files.map((f) => f.path).join("\n"))')
  required="package.json README.md dist/index.js dist/index.d.ts"
  # Entries of their own (the Node-only stores, the Redis connection and revocation feed): present, and
  # ioredis an optional peer, never a dependency.
  if [ "$name" = "@effect-keystone/cache" ] || [ "$name" = "@effect-keystone/middleware" ]; then
    if [ "$name" = "@effect-keystone/cache" ]; then
      required="$required dist/FileTokenStore.js dist/FileTokenStore.d.ts dist/RedisTokenStore.js dist/RedisTokenStore.d.ts"
      required="$required dist/RedisConnection.js dist/RedisConnection.d.ts"
    else
      required="$required dist/RedisRevocationFeed.js dist/RedisRevocationFeed.d.ts"
    fi
    node -e '
      const p = require("./'"$dir"'/package.json")
      const ok = p.peerDependencies?.ioredis !== undefined && p.peerDependenciesMeta?.ioredis?.optional === true &&
        p.dependencies?.ioredis === undefined
      if (!ok) { console.log(p.name + ": ioredis must be an optional peer dependency, not a dependency"); process.exit(1) }' ||
      status=1
  fi
  for file in $required; do
    grep -qx "$file" <<<"$files" || { echo "$name: $file is missing from the package"; status=1; }
  done
  if grep -Eq '^(test|node_modules)/|\.test\.|tsbuildinfo' <<<"$files"; then
    echo "$name: the package would ship test files or build state:"; grep -E '^(test|node_modules)/|\.test\.|tsbuildinfo' <<<"$files"; status=1
  fi
  echo "$name: $(wc -l <<<"$files") files"
done
exit $status
