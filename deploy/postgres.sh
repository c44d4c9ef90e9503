#!/usr/bin/env bash
# A private PostgreSQL cluster on loopback with its own port, data and socket folder, so it never
# collides with a system cluster. Superuser role `ampacds`, database `ampacds` and one database per
# service. Usage: deploy/postgres.sh start|stop|status|url [NAME]|createdb NAME
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state="${AMPACDS_STATE:-$here/../.local}/postgres"
port="${AMPACDS_POSTGRES_PORT:-5433}"
data="$state/data"
socket="$state/run"                 # the Unix socket lives here, not in /var/run/postgresql
log="$state/postgres.log"
role=ampacds
service_databases=(ampacds_intake ampacds_quantification ampacds_prediction ampacds_reporting)

# The newest installed server, so a Debian release with another major version works unchanged.
find_bin() {
  if [ -n "${AMPACDS_POSTGRES_BIN:-}" ]; then echo "$AMPACDS_POSTGRES_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$newest" ] && [ -x "$newest/postgres" ] && echo "$newest"
}

# PostgreSQL refuses to run as root: as root, the server and its files belong to the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

sql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$role" -d postgres -tAc "$1"; }

is_ready() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$role" -d postgres >/dev/null 2>&1; }

# The port our own cluster runs on, empty when it is not running (line 4 of postmaster.pid).
running_port() {
  as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || return 0
  sed -n 4p "$data/postmaster.pid" 2>/dev/null
}

valid_name() { [[ "$1" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "postgres: invalid database name '$1'" >&2; exit 2; }; }

create_database() {
  valid_name "$1"
  if [ "$(sql "SELECT 1 FROM pg_database WHERE datname = '$1'")" != 1 ]; then
    sql "CREATE DATABASE $1 OWNER $role" >/dev/null
  fi
}

write_settings() {
  # Rewritten on every start, so a changed port or state folder takes effect; included from postgresql.conf.
  as_owner tee "$data/ampacds.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
unix_socket_permissions = 0700
EOF
  # Trust, but only from loopback IPv4 and the socket in the state folder (itself 0700).
  as_owner tee "$data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
}

init_cluster() {
  mkdir -p "$state"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$state"
  chmod 0700 "$state"
  # The owner must be able to reach the folder: a checkout under /root is out of the postgres user's reach.
  if ! as_owner test -w "$state" 2>/dev/null; then
    echo "postgres: $state is out of reach of the server's user ($(as_owner id -un 2>/dev/null || echo postgres));" \
      "choose an AMPACDS_STATE whose parent folders it can enter" >&2
    exit 1
  fi
  as_owner mkdir -p "$socket"
  as_owner chmod 0700 "$socket"
  [ -f "$data/PG_VERSION" ] && return 0
  as_owner "$bin/initdb" -D "$data" -U "$role" -E UTF8 --locale=C --auth-local=trust --auth-host=trust >"$state/initdb.log" 2>&1 \
    || { echo "postgres: initdb failed; see $state/initdb.log" >&2; tail -20 "$state/initdb.log" >&2; exit 1; }
  echo "include_if_exists = 'ampacds.conf'" | as_owner tee -a "$data/postgresql.conf" >/dev/null
}

start() {
  "$here/install-deps.sh" >/dev/null
  bin=$(find_bin) || { echo "postgres: no server under /usr/lib/postgresql/*/bin; run deploy/install-deps.sh" >&2; exit 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "postgres: running as root needs the postgres OS user (Debian's postgresql package creates it)" >&2; exit 1
  fi
  current=$(running_port)
  if [ -n "$current" ] && [ "$current" != "$port" ]; then
    echo "postgres: the cluster in $state already runs on port $current; stop it first (AMPACDS_POSTGRES_PORT=$current $0 stop)" >&2
    exit 1
  fi
  if [ -z "$current" ]; then
    # Someone else's server (another checkout's cluster, a system one) holds the port.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      holder=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
      owner=${holder:+$(ps -o args= -p "$holder" 2>/dev/null || true)}
      echo "postgres: port $port is taken by another server ${owner:+($owner) }that this checkout does not control;" \
        "stop it from its own checkout (AMPACDS_STATE=<its .local/...> AMPACDS_POSTGRES_PORT=$port deploy/postgres.sh stop)" \
        "or choose another port with AMPACDS_POSTGRES_PORT" >&2
      exit 1
    fi
  fi
  init_cluster
  if [ -z "$current" ]; then
    write_settings
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null \
      || { echo "postgres: server did not start; see $log" >&2; tail -20 "$log" >&2; exit 1; }
  fi
  for _ in $(seq 1 60); do is_ready && break; sleep 1; done
  is_ready || { echo "postgres: not accepting connections on 127.0.0.1:$port; see $log" >&2; exit 1; }
  create_database "$role"
  for database in "${service_databases[@]}"; do create_database "$database"; done
  echo "postgres: running on 127.0.0.1:$port (role $role, data $data)"
}

stop() {
  bin=$(find_bin) || { echo "postgres: stopped"; return 0; }
  if [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
  echo "postgres: stopped"
}

status() {
  bin=$(find_bin) || { echo "not running"; exit 1; }
  current=$(running_port)
  [ -z "$current" ] || port="$current"
  if [ -n "$current" ] && is_ready; then
    echo "running on 127.0.0.1:$current"
  else
    echo "not running"; exit 1
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url)
    name="${2:-$role}"; valid_name "$name"
    echo "Host=127.0.0.1;Port=$port;Username=$role;Database=$name"
    ;;
  createdb)
    name="${2:?usage: $0 createdb NAME}"
    bin=$(find_bin) || { echo "postgres: not installed" >&2; exit 1; }
    is_ready || { echo "postgres: not running on 127.0.0.1:$port; run $0 start" >&2; exit 1; }
    create_database "$name"
    echo "postgres: database $name ready"
    ;;
  *) echo "usage: $0 start|stop|status|url [NAME]|createdb NAME" >&2; exit 2 ;;
esac
