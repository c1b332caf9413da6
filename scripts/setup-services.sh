#!/usr/bin/env bash
# PostgreSQL and Redis for `npm run setup` (sourced by setup-and-start.sh).
#
# services_plan is pure (what it knows comes in as arguments), so tests/unit/setup-services.test.ts checks
# every case; ensure_services gathers the facts of this machine, runs the plan and says what it did.
#
# Decision (issue 12): on Debian or Ubuntu, as root, a missing PostgreSQL or Redis is installed with apt-get and
# started as .ci/run does (pg_ctlcluster, redis-server --daemonize). A PostgreSQL installed here gets a `guichet`
# role with a random password (CREATEDB: the migrator creates the database) and .env's DATABASE_URL uses it:
# Debian's pg_hba.conf asks for a password on 127.0.0.1, and trusting every local user would let any account of
# the machine in. A PostgreSQL that was already there is never reconfigured. Anywhere else the script stops with one
# sentence saying what to install, or to use `docker compose up`.

# services_plan DEBIAN ROOT PG_UP PG_INSTALLED REDIS_UP REDIS_INSTALLED (each yes or no)
# prints one step a line: install-postgresql, configure-postgresql, start-postgresql, install-redis, start-redis,
# or a single `advise <sentence>` when this script cannot do it itself.
services_plan() {
  local debian=$1 root=$2 pg_up=$3 pg_installed=$4 redis_up=$5 redis_installed=$6
  local missing=()
  [ "$pg_up" = yes ] || missing+=("PostgreSQL (15 ou plus)")
  [ "$redis_up" = yes ] || missing+=("Redis")
  [ ${#missing[@]} -eq 0 ] && return 0
  local what="${missing[0]}${missing[1]:+ et ${missing[1]}}"
  if [ "$debian" != yes ]; then
    echo "advise Guichet a besoin de ${what} sur 127.0.0.1 : installez-les avec le gestionnaire de paquets de ce système, ou lancez toute la pile avec \`docker compose up --build\`."
    return 0
  fi
  if [ "$root" != yes ]; then
    echo "advise Guichet a besoin de ${what} sur 127.0.0.1 : relancez \`npm run setup\` en root pour les installer (apt-get), ou lancez toute la pile avec \`docker compose up --build\`."
    return 0
  fi
  if [ "$pg_up" != yes ]; then
    [ "$pg_installed" = yes ] || printf '%s\n' install-postgresql configure-postgresql
    echo start-postgresql
  fi
  if [ "$redis_up" != yes ]; then
    [ "$redis_installed" = yes ] || echo install-redis
    echo start-redis
  fi
}

_yes_if() { if "$@" >/dev/null 2>&1; then echo yes; else echo no; fi; }
_is_debian() { [ -r /etc/os-release ] && grep -Eq '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release; }
_pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
_redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping; }
_pg_installed() { command -v pg_ctlcluster && ls /etc/postgresql/*/main; }

_apt_install() {
  [ -n "${_apt_updated:-}" ] || { apt-get update -qq; _apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Sets GUICHET_DATABASE_URL when it made a role, for the .env setup writes next.
ensure_services() {
  local plan step
  plan="$(services_plan "$(_yes_if _is_debian)" "$( [ "$(id -u)" = 0 ] && echo yes || echo no)" \
    "$(_yes_if _pg_up)" "$(_yes_if _pg_installed)" "$(_yes_if _redis_up)" "$(_yes_if command -v redis-server)")"
  while IFS= read -r step; do
    case "$step" in
      "") ;;
      advise\ *) echo "${step#advise }" >&2; return 1 ;;
      install-postgresql) echo "Installation de PostgreSQL (apt-get)…"; _apt_install postgresql ;;
      configure-postgresql) GUICHET_DB_PASSWORD="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("hex"))')" ;;
      start-postgresql) pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true ;;
      install-redis) echo "Installation de Redis (apt-get)…"; _apt_install redis-server ;;
      start-redis)
        mkdir -p /var/lib/redis /var/log/redis
        redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --dir /var/lib/redis --logfile /var/log/redis/guichet-setup.log ;;
    esac
  done <<< "$plan"
  for _ in $(seq 1 30); do
    _pg_up && _redis_up >/dev/null 2>&1 && break
    sleep 1
  done
  if ! _pg_up || ! _redis_up >/dev/null 2>&1; then
    echo "PostgreSQL ou Redis ne répond pas sur 127.0.0.1 : démarrez-les, ou lancez toute la pile avec \`docker compose up --build\`." >&2
    return 1
  fi
  if [ -n "${GUICHET_DB_PASSWORD:-}" ]; then
    su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"CREATE ROLE guichet LOGIN CREATEDB PASSWORD '${GUICHET_DB_PASSWORD}'\"" >/dev/null
    GUICHET_DATABASE_URL="postgres://guichet:${GUICHET_DB_PASSWORD}@127.0.0.1:5432/guichet"
    echo "PostgreSQL installé : rôle guichet créé (mot de passe dans .env)"
  fi
  echo "PostgreSQL et Redis répondent sur 127.0.0.1"
}

# A local SMTP server already listening (Mailpit, MailHog on 1025): the new .env sends there; else SMTP_URL stays empty.
local_smtp_url() {
  if (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null; then echo "smtp://127.0.0.1:1025"; fi
}
