#!/usr/bin/env bash
# The whole suite: unit, integration (real PostgreSQL + Redis), e2e (built app in Chromium).
# Each project runs even if an earlier one failed; the last line sums them all up.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
rm -f .run/vitest-*.json
status=0
for project in unit integration e2e; do
  echo "== $project tests =="
  npx vitest run --project "$project" --reporter=default --reporter=json --outputFile.json=".run/vitest-$project.json" || status=1
done
node scripts/summarize-tests.mjs unit integration e2e || status=1
exit "$status"
