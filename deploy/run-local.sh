#!/usr/bin/env bash
# Local distributed shape: a private RabbitMQ and PostgreSQL on loopback and the four services as
# separate processes, each with its own database. Usage: deploy/run-local.sh [start|stop|status]
# Mirrors docker-compose.yml (same settings, same ports) without a container engine.
# Every HTTP and gRPC endpoint serves TLS with $AMPACDS_STATE/pki/server.crt (made by deploy/certs.sh); clients trust
# $AMPACDS_STATE/pki/ca.crt (curl --cacert, the CLI's AMPACDS_CA_CERT). docs/SECURITY.md, "Transport".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
export AMPACDS_STATE="${AMPACDS_STATE:-$repo/.local}"
state="$AMPACDS_STATE"
rabbit_port="${AMPACDS_RABBITMQ_PORT:-5673}"
postgres_port="${AMPACDS_POSTGRES_PORT:-5433}"
configuration="${AMPACDS_CONFIGURATION:-Release}"
services=(Intake Quantification Prediction Reporting)
declare -A health_port=([Intake]=5181 [Quantification]=5182 [Prediction]=5183 [Reporting]=5180)
declare -A grpc_port=([Prediction]=5083 [Reporting]=5080)
pki="$state/pki"

start() {
  "$here/install-deps.sh"
  "$here/certs.sh" create >/dev/null
  AMPACDS_RABBITMQ_PORT="$rabbit_port" "$here/rabbitmq.sh" start
  AMPACDS_POSTGRES_PORT="$postgres_port" "$here/postgres.sh" start
  [ "${AMPACDS_SKIP_BUILD:-0}" = 1 ] || dotnet build "$repo/AmpaCds.sln" -c "$configuration" -nologo -v q
  mkdir -p "$state/pids" "$state/logs" "$state/data"
  # The hosts run as Production, which refuses the development patient-key secret: this machine gets its own,
  # made once and kept with the state (a site sets AmpaCds__Quantification__PatientKeySecret from its secret store).
  secret_file="$state/patient-key-secret"
  [ -s "$secret_file" ] || (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$secret_file")
  export AmpaCds__Quantification__PatientKeySecret="$(cat "$secret_file")"
  # Production hosts refuse plain HTTP: every endpoint gets an https:// URL and the server certificate.
  export AmpaCds__Tls__CertificatePath="$pki/server.crt" AmpaCds__Tls__KeyPath="$pki/server.key"
  # Bearer tokens: every service trusts the gateway's own issuer (its HTTPS port); people sign in as the users of
  # $state/auth/users.json, which `ampacds auth add-user --users $state/auth/users.json ...` writes.
  issuer="https://127.0.0.1:${health_port[Reporting]}"
  users_file="$state/auth/users.json"
  mkdir -p "$state/auth"; chmod 700 "$state/auth"
  [ -s "$users_file" ] || echo '{}' > "$users_file"
  export AmpaCds__Auth__Authority="$issuer" AmpaCds__Auth__AuthorityCaCertificatePath="$pki/ca.crt"
  # The portal signs people in as a confidential client of that issuer: its secret made once and kept with the state.
  portal_secret="$state/auth/portal-client.secret"
  [ -s "$portal_secret" ] || (umask 077; head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' > "$portal_secret")
  # The gateway fetches the report's maps from Quantification's API as the client ampacds-reporting (role service):
  # a per-machine secret made once, and the issuer's PBKDF2 hash of it (ampacds auth hash-password).
  client_secret="$state/auth/reporting-client.secret" client_hash="$state/auth/reporting-client.hash"
  [ -s "$client_secret" ] || (umask 077; head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' > "$client_secret")
  [ -s "$client_hash" ] && [ "$client_hash" -nt "$client_secret" ] || (umask 077; AMPACDS_PASSWORD="$(cat "$client_secret")" \
    dotnet "$repo/services/Cli/AmpaCds.Cli/bin/$configuration/net10.0/ampacds.dll" auth hash-password > "$client_hash")
  for service in "${services[@]}"; do
    pidfile="$state/pids/$service.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "$service: already running (pid $(cat "$pidfile"))"; continue
    fi
    out="$repo/services/$service/AmpaCds.$service.Host/bin/$configuration/net10.0"
    database="ampacds_${service,,}"
    connection=$(AMPACDS_POSTGRES_PORT="$postgres_port" "$here/postgres.sh" url "$database")
    # Each service connects to the broker as itself (its password made once and kept with the state), not as guest.
    broker_secret="$state/broker/${service,,}.secret"
    mkdir -p "$state/broker"; chmod 700 "$state/broker"
    [ -s "$broker_secret" ] || (umask 077; head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_' > "$broker_secret")
    AMPACDS_RABBITMQ_PORT="$rabbit_port" AMPACDS_RABBITMQ_PASSWORD="$(cat "$broker_secret")" "$here/rabbitmq.sh" user "ampacds-${service,,}" / >/dev/null
    endpoints=("Kestrel__Endpoints__Http__Url=https://127.0.0.1:${health_port[$service]}"
      "AmpaCds__Bus__Username=ampacds-${service,,}" "AmpaCds__Bus__Password=$(cat "$broker_secret")")
    [ -z "${grpc_port[$service]:-}" ] || endpoints+=("Kestrel__Endpoints__Grpc__Url=https://127.0.0.1:${grpc_port[$service]}")
    [ "$service" != Reporting ] || endpoints+=(AmpaCds__Auth__LocalIssuer__Enabled=true "AmpaCds__Auth__LocalIssuer__Issuer=$issuer"
      "AmpaCds__Auth__LocalIssuer__UsersFile=$users_file" "AmpaCds__Auth__LocalIssuer__SigningKeyPath=$state/auth/issuer-signing.pem"
      "AmpaCds__Portal__PublicOrigins__0=$issuer" "AmpaCds__Portal__ClientSecret=$(cat "$portal_secret")"
      "AmpaCds__Reporting__QuantificationUrl=https://127.0.0.1:${health_port[Quantification]}"
      AmpaCds__ServiceIdentity__ClientId=ampacds-reporting "AmpaCds__ServiceIdentity__ClientSecret=$(cat "$client_secret")"
      AmpaCds__Auth__LocalIssuer__Clients__0__ClientId=ampacds-reporting "AmpaCds__Auth__LocalIssuer__Clients__0__SecretHash=$(cat "$client_hash")"
      AmpaCds__Auth__LocalIssuer__Clients__0__Roles__0=service
      # Outcomes recorded in the portal go to Prediction under the psychiatrist's own token.
      "AmpaCds__Reporting__Prediction__Url=https://127.0.0.1:${grpc_port[Prediction]}"
      # The ops page shows the other services' readiness (docs/OPERATIONS.md).
      AmpaCds__Operations__Services__0__Name=intake "AmpaCds__Operations__Services__0__HealthUrl=https://127.0.0.1:${health_port[Intake]}/health/ready"
      AmpaCds__Operations__Services__1__Name=quantification "AmpaCds__Operations__Services__1__HealthUrl=https://127.0.0.1:${health_port[Quantification]}/health/ready"
      AmpaCds__Operations__Services__2__Name=prediction "AmpaCds__Operations__Services__2__HealthUrl=https://127.0.0.1:${health_port[Prediction]}/health/ready")
    # Content root = the build output, where appsettings.json lives; state goes to $state/data.
    # exec: the recorded pid is the service itself, and the subshell does not keep this script's stdout open.
    ( cd "$out" && export AmpaCds__DataRoot="$state/data" AmpaCds__Bus__Transport=RabbitMq AmpaCds__Bus__Port="$rabbit_port" \
        AmpaCds__Database__Provider=Postgres "ConnectionStrings__${service,,}=$connection" "${endpoints[@]}" \
        && exec nohup dotnet "AmpaCds.$service.Host.dll" > "$state/logs/$service.log" 2>&1 < /dev/null ) &
    echo $! > "$pidfile"
  done
  for service in "${services[@]}"; do
    url="https://127.0.0.1:${health_port[$service]}/health/ready"
    for _ in $(seq 1 90); do
      curl -fsS --cacert "$pki/ca.crt" "$url" >/dev/null 2>&1 && break
      kill -0 "$(cat "$state/pids/$service.pid")" 2>/dev/null || { echo "$service exited; see $state/logs/$service.log" >&2; tail -20 "$state/logs/$service.log" >&2; exit 1; }
      sleep 1
    done
    curl -fsS --cacert "$pki/ca.crt" "$url" >/dev/null || { echo "$service not healthy at $url" >&2; exit 1; }
    echo "$service: ready (health $url)"
  done
  echo "AmpaCds running: DICOM C-STORE 127.0.0.1:11112 (AE AMPACDS), gRPC https://127.0.0.1:5080 (TLS; trust $pki/ca.crt, e.g. export AMPACDS_CA_CERT=$pki/ca.crt); logs in $state/logs"
  echo "Sign in: ampacds auth add-user --users $users_file --user NAME --role psychiatrist (then restart), and"
  echo "  export AMPACDS_TOKEN=\$(ampacds auth token --user NAME --role psychiatrist --issuer $issuer --ca $pki/ca.crt)"
  echo "Portal: $issuer/portal (sign in at $issuer/account/login; the browser must trust $pki/ca.crt)"
}

stop() {
  for service in "${services[@]}"; do
    pidfile="$state/pids/$service.pid"
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    echo "$service: stopped"
  done
  AMPACDS_RABBITMQ_PORT="$rabbit_port" "$here/rabbitmq.sh" stop
  AMPACDS_POSTGRES_PORT="$postgres_port" "$here/postgres.sh" stop
}

status() {
  for service in "${services[@]}"; do
    pidfile="$state/pids/$service.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$service: running"; else echo "$service: stopped"; fi
  done
  AMPACDS_RABBITMQ_PORT="$rabbit_port" "$here/rabbitmq.sh" status || true
  echo -n "postgres: "; AMPACDS_POSTGRES_PORT="$postgres_port" "$here/postgres.sh" status || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
