#!/usr/bin/env bash
# One command from a fresh clone to a running Guichet: install, configure, migrate,
# seed the demo data, build, then run the web app and the worker (Ctrl-C stops both).
# Expects PostgreSQL and Redis reachable at the URLs of .env (defaults: 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f .env ]; then
  # The sample AUTH_SECRET is refused in production (what `npm run start` runs): make this machine's own.
  secret="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64"))')"
  sed "s|^AUTH_SECRET=.*|AUTH_SECRET=${secret}|" .env.example > .env
  echo "Created .env from .env.example, with a fresh AUTH_SECRET"
fi
npm ci --no-audit --no-fund
npm run db:migrate
npm run db:seed
npm run build

npm run worker &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT INT TERM
echo "Guichet: http://localhost:${PORT:-3000} (demo accounts in README.md)"
npm run start
