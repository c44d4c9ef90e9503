#!/usr/bin/env bash
# A private RabbitMQ node on loopback with its own port and data folder, so it never collides
# with a system broker. Usage: deploy/rabbitmq.sh start|stop|status|vhost NAME|user NAME VHOST
# (user: the password comes from AMPACDS_RABBITMQ_PASSWORD, never from the command line of this script)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state="${AMPACDS_STATE:-$here/../.local}/rabbitmq"
port="${AMPACDS_RABBITMQ_PORT:-5673}"
node="ampacds-${port}@localhost"
bin=/usr/lib/rabbitmq/bin

export HOME="$state/home"                       # the Erlang cookie lives here
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT=$((port + 20000))
export ERL_EPMD_ADDRESS=127.0.0.1
# Keep Erlang distribution on loopback too: nothing of this node listens beyond the machine.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_MNESIA_BASE="$state/mnesia"
export RABBITMQ_LOG_BASE="$state/log"
export RABBITMQ_PID_FILE="$state/rabbitmq.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$state/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$state/rabbitmq"

case "${1:-start}" in
  start)
    "$here/install-deps.sh" >/dev/null
    mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
    [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
    # guest may only log in from loopback, which is all this node listens on.
    printf 'loopback_users.guest = true\nlisteners.tcp.1 = 127.0.0.1:%s\n' "$port" > "$RABBITMQ_CONFIG_FILE.conf"
    if "$bin/rabbitmqctl" -q status >/dev/null 2>&1; then
      echo "rabbitmq: already running on 127.0.0.1:$port"; exit 0
    fi
    # A node of the same name we cannot talk to (another checkout's, with its own Erlang cookie) holds the port.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      owner=$(pgrep -af "beam.smp.*$node" | head -1 | grep -o '\-mnesia dir "[^"]*"' || true)
      echo "rabbitmq: port $port is taken by another broker ${owner:+($owner) }that this checkout cannot control;" \
        "stop it from its own checkout (AMPACDS_STATE=<its .local/...> AMPACDS_RABBITMQ_PORT=$port deploy/rabbitmq.sh stop)" \
        "or choose another port with AMPACDS_RABBITMQ_PORT" >&2
      exit 1
    fi
    "$bin/rabbitmq-server" -detached
    # -detached returns before the node registers with epmd; await_startup needs it registered.
    for _ in $(seq 1 120); do
      "$bin/rabbitmqctl" -q ping >/dev/null 2>&1 && break
      sleep 1
    done
    "$bin/rabbitmqctl" -q await_startup --timeout 120 >/dev/null
    echo "rabbitmq: running on 127.0.0.1:$port (node $node, data $state)"
    ;;
  stop)
    "$bin/rabbitmqctl" -q shutdown >/dev/null 2>&1 || true
    echo "rabbitmq: stopped"
    ;;
  vhost)
    # A fresh virtual host isolates one test run's queues and exchanges from another's.
    name="${2:?usage: $0 vhost NAME}"
    "$bin/rabbitmqctl" -q add_vhost "$name" >/dev/null 2>&1 || true
    "$bin/rabbitmqctl" -q set_permissions -p "$name" guest '.*' '.*' '.*' >/dev/null
    echo "rabbitmq: virtual host $name ready"
    ;;
  user)
    # A service's own broker identity, confined to one virtual host: services do not share the guest login.
    name="${2:?usage: $0 user NAME VHOST}"; vhost="${3:?usage: $0 user NAME VHOST}"
    password="${AMPACDS_RABBITMQ_PASSWORD:?set AMPACDS_RABBITMQ_PASSWORD to the password for that user}"
    "$bin/rabbitmqctl" -q add_vhost "$vhost" >/dev/null 2>&1 || true
    "$bin/rabbitmqctl" -q add_user "$name" "$password" >/dev/null 2>&1 \
      || "$bin/rabbitmqctl" -q change_password "$name" "$password" >/dev/null
    "$bin/rabbitmqctl" -q set_permissions -p "$vhost" "$name" '.*' '.*' '.*' >/dev/null
    echo "rabbitmq: user $name on virtual host $vhost ready"
    ;;
  status)
    "$bin/rabbitmqctl" -q status >/dev/null 2>&1 && echo "running on 127.0.0.1:$port" || { echo "not running"; exit 1; }
    ;;
  *) echo "usage: $0 start|stop|status|vhost NAME|user NAME VHOST" >&2; exit 2 ;;
esac
