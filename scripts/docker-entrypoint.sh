#!/usr/bin/env bash
# Container entry point. Usage: docker-entrypoint.sh web|worker|<any command>
#   web    - apply migrations, load the idempotent seed, then serve the app
#   worker - run the background job worker
set -euo pipefail

cd "$(dirname "$0")/.."
mkdir -p "${UPLOAD_DIR:-/data/uploads}"

role="${1:-web}"
case "$role" in
  web)
    npm run db:migrate
    npm run db:seed
    exec npm run start
    ;;
  worker)
    export GUICHET_PROCESS="${GUICHET_PROCESS:-worker}"
    exec npm run worker
    ;;
  *)
    exec "$@"
    ;;
esac
