#!/usr/bin/env bash
# One command from a fresh clone to a running Guichet: PostgreSQL and Redis (installed and started on Debian or
# Ubuntu as root, see scripts/setup-services.sh), install, configure, migrate, seed the demo data, build, then run
# the web app and the worker (Ctrl-C stops both). `--check` stops after PostgreSQL and Redis answer.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup-services.sh
source scripts/setup-services.sh

ensure_services
[ "${1:-}" = "--check" ] && exit 0

if [ ! -f .env ]; then
  # The sample AUTH_SECRET is refused in production (what `npm run start` runs): make this machine's own.
  secret="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64"))')"
  sed -e "s|^AUTH_SECRET=.*|AUTH_SECRET=${secret}|" -e "s|^SMTP_URL=.*|SMTP_URL=$(local_smtp_url)|" .env.example > .env
  echo "Created .env from .env.example, with a fresh AUTH_SECRET"
fi
if [ -n "${GUICHET_DATABASE_URL:-}" ]; then
  sed -i "s|^DATABASE_URL=.*|DATABASE_URL=${GUICHET_DATABASE_URL}|" .env
fi
npm ci --no-audit --no-fund
npm run db:migrate
npm run db:seed
npm run build

npm run worker &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT INT TERM
port="$(sed -n 's/^PORT=//p' .env)"
smtp="${SMTP_URL-$(sed -n 's/^SMTP_URL=//p' .env)}"
app="http://localhost:${PORT:-${port:-3000}}"
echo "Guichet : ${app}"
# DEMO_PASSWORD of db/seed/demo-accounts.ts (tests/unit/setup-services.test.ts keeps them equal).
echo "Comptes de démonstration (README.md), tous avec le mot de passe demo-guichet-2026"
if [ -n "$smtp" ]; then
  echo "Courriels : envoyés au serveur SMTP ${smtp}"
else
  echo "Courriels : aucun serveur SMTP configuré ; lisez-les dans ${app}/admin/courriels (admin@guichet.test)"
fi
npm run start
