#!/bin/sh
# First start: a cluster in $PGDATA with the database and user named by POSTGRES_DB / POSTGRES_USER (password
# POSTGRES_PASSWORD, required), password authentication from other hosts. The temporary server that creates them
# listens on a Unix socket only: a client reaching the port meanwhile (a replica on the host network) is refused and
# retries, instead of meeting a server without the database and taking "database does not exist" for a wrong
# connection string. Every start: the server in the foreground as the postgres user, as PID 1. PORT (default 5432) is
# where it listens.
set -eu
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
db=${POSTGRES_DB:-anatomybot}
user=${POSTGRES_USER:-anatomybot}
port=${PORT:-5432}
mkdir -p "$PGDATA" /run/postgresql
chown -R postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp); echo "$POSTGRES_PASSWORD" >"$pwfile"; chown postgres "$pwfile"
  runuser -u postgres -- /usr/local/pgbin/initdb -D "$PGDATA" -U postgres -A scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "host all all ::/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  runuser -u postgres -- /usr/local/pgbin/pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -k /run/postgresql -p $port" -w start >/dev/null
  PGPASSWORD=$POSTGRES_PASSWORD /usr/local/pgbin/psql -h /run/postgresql -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
    -v user="$user" -v db="$db" -v password="$POSTGRES_PASSWORD" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"user";
SQL
  runuser -u postgres -- /usr/local/pgbin/pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  rm -f "$pwfile"
  echo "entrypoint: created database $db owned by $user"
fi
# setpriv replaces this shell (runuser would stay as PID 1 and not pass docker stop's SIGINT on), so postgres itself gets
# the stop signal and shuts down cleanly (a fast shutdown) instead of being killed after the stop timeout.
exec setpriv --reuid=postgres --regid=postgres --init-groups /usr/local/pgbin/postgres -D "$PGDATA" -c listen_addresses='*' -p "$port"
