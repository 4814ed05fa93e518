#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the server's database tests, idempotently, and prints
# the line to eval:  eval "$(bash scripts/ensure-postgres.sh)"
#   -> export PMXLAB_TEST_DATABASE_URL=postgresql://pmxlab@127.0.0.1:<port>/pmxlab_test
# Debian's `postgresql` is installed when missing (apt-get; root or sudo). The cluster lives in
# a temporary folder (PMXLAB_PG_DIR, default /tmp/pmxlab-pg-<uid>) with trust authentication on
# 127.0.0.1 only; a second call finds it running and only prints the line again. PostgreSQL
# refuses to run as root, so as root the cluster belongs to the `postgres` user Debian creates.
# Stop it with: pg_ctl -D "$PMXLAB_PG_DIR/data" stop  (as that user).
set -euo pipefail
log() { printf '[pmxlab postgres] %s\n' "$*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1; }
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
  log "installing Debian's postgresql (apt-get)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
BIN="$(bindir)"

DIR="${PMXLAB_PG_DIR:-/tmp/pmxlab-pg-$(id -u)}"
PORT="${PMXLAB_PG_PORT:-54329}"
RUN=()
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); fi
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" status > /dev/null 2>&1; then
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "creating a cluster in $DIR/data"
    "${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U pmxlab --auth=trust -E UTF8 --locale=C > /dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start > /dev/null
fi
if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U pmxlab -d postgres -tAc "select 1 from pg_database where datname='pmxlab_test'" | grep -q 1; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U pmxlab pmxlab_test
fi
echo "export PMXLAB_TEST_DATABASE_URL=postgresql://pmxlab@127.0.0.1:$PORT/pmxlab_test"
