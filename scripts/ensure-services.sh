#!/usr/bin/env bash
# Make sure the services the test suite talks to are there: a PostgreSQL
# server on 127.0.0.1:5432 (trust auth, database "test") and the
# distribution's headless Chromium at /usr/bin/chromium. Both come from the
# distribution's packages, never from a browser or database download of
# their own, so this works wherever apt works.
set -euo pipefail

PGPORT=${PGPORT:-5432}
PGDATA_DIR=${TIDINGS_PGDATA:-/var/tmp/tidings-pgdata}
APT_UPDATED=0

log() { echo "ensure-services: $*" >&2; }

apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        log "apt-get not found: install $* yourself"
        return 1
    fi
    if [ "$APT_UPDATED" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_answers() {
    # bash's /dev/tcp needs no client tools: anything listening counts.
    (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

ensure_postgres() {
    if pg_answers; then
        log "PostgreSQL answers on 127.0.0.1:$PGPORT"
    else
        if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
            log "installing PostgreSQL from the distribution's packages"
            apt_install postgresql
        fi
        local bindir
        bindir=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
        if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
            mkdir -p "$PGDATA_DIR"
            [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA_DIR"
            as_postgres "$bindir/initdb" -D "$PGDATA_DIR" -A trust -U postgres >/dev/null
        fi
        log "starting PostgreSQL ($PGDATA_DIR)"
        as_postgres "$bindir/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
            -o "-h 127.0.0.1 -p $PGPORT -k /tmp" start >/dev/null
    fi
    # The test database; the tests make a fresh schema inside it per session.
    if command -v psql >/dev/null 2>&1; then
        if ! psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" postgres 2>/dev/null | grep -q 1; then
            psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE test" postgres >/dev/null 2>&1 \
                || log "could not create database 'test' (tests that need it will be skipped)"
        fi
    fi
}

ensure_chromium() {
    if [ -x /usr/bin/chromium ]; then
        log "Chromium found at /usr/bin/chromium"
        return
    fi
    log "installing the distribution's chromium package"
    apt_install chromium || log "could not install chromium (browser tests will be skipped)"
}

ensure_postgres || log "PostgreSQL is not available (PostgreSQL tests will be skipped)"
ensure_chromium
