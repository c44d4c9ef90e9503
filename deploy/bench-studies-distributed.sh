#!/usr/bin/env bash
# Studies per minute (issue 16), distributed shape: deploy/run-local.sh's four services as separate processes over a
# private RabbitMQ and PostgreSQL (TLS, each its own database), BENCH_STUDIES simulated studies (default 100, 90
# instances each) pushed with storescu over BENCH_ASSOCIATIONS concurrent associations (default 4) to Intake on 11112.
# Prints the time from the first instance sent to the last report, studies per minute, min/p50/p95 of a study's
# completion (Intake's "announced as run" line) to its report (Reporting's "Report version ... stored" line; both
# log lines are stamped as they are written), and per service: CPU seconds per study and peak RSS (VmHWM).
#
#   deploy/bench-studies-distributed.sh                  # 100 studies over 4 associations
#   BENCH_STUDIES=20 deploy/bench-studies-distributed.sh
# Uses its own state folder and broker/database ports (5690/5691); the fixed service ports of run-local.sh
# (11112, 5080-5083, 5180-5183) must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STUDIES=${BENCH_STUDIES:-100}
ASSOCIATIONS=${BENCH_ASSOCIATIONS:-4}
TIMEOUT=${BENCH_TIMEOUT:-3600}
export TCP_NODELAY=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source deploy/bench-lib.sh
bench_require bench-studies-distributed storescu echoscu /usr/bin/python3
bench_workdir studies-distributed
chmod 755 "$WORK" # PostgreSQL runs as its own user and must reach its data folder inside
export AMPACDS_STATE="$WORK/state" AMPACDS_RABBITMQ_PORT=${BENCH_RABBITMQ_PORT:-5690} AMPACDS_POSTGRES_PORT=${BENCH_POSTGRES_PORT:-5691}
TAILS=()
cleanup() {
  for pid in "${TAILS[@]}"; do kill "$pid" 2>/dev/null || true; done
  deploy/run-local.sh stop >/dev/null 2>&1 || true
  [ -n "${BENCH_KEEP_LOG:-}" ] && mkdir -p "$BENCH_KEEP_LOG" && cp "$AMPACDS_STATE"/logs/*.log "$WORK"/studies/send-1.log "$BENCH_KEEP_LOG"/ 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "== build (Release) and $STUDIES simulated studies (ampacds simulate, seeds 1-$STUDIES)"
dotnet build AmpaCds.sln -c Release -nologo -v q >"$WORK/build.log" 2>&1 \
  || { echo "bench-studies-distributed: build failed:" >&2; grep -E 'error' "$WORK/build.log" | head -20 >&2; exit 1; }
CLI="dotnet $ROOT/services/Cli/AmpaCds.Cli/bin/Release/net10.0/ampacds.dll"
bench_simulate_studies "$CLI" "$WORK/studies" "$STUDIES"

echo "== deploy/run-local.sh start (state $AMPACDS_STATE, broker $AMPACDS_RABBITMQ_PORT, database $AMPACDS_POSTGRES_PORT)"
AMPACDS_SKIP_BUILD=1 deploy/run-local.sh start >"$WORK/run-local.log" 2>&1 || { cat "$WORK/run-local.log" >&2; exit 1; }
wait_echo AMPACDS 11112
declare -A PID CPU0
for service in Intake Quantification Prediction Reporting; do
  PID[$service]=$(cat "$AMPACDS_STATE/pids/$service.pid")
  wait_idle "${PID[$service]}"
done
for service in "${!PID[@]}"; do CPU0[$service]=$(cpu_ticks "${PID[$service]}"); done
# Intake's and Reporting's log lines stamped as they are written (tail follows with inotify), so a study's completion
# and its report can be matched across the two processes.
LOGS="$AMPACDS_STATE/logs"
for service in Intake Reporting; do
  # $! is tail itself (not a pipeline's last part), so stopping it ends the stamping too.
  tail -n0 -F "$LOGS/$service.log" 2>/dev/null > >(bench_stamp >"$WORK/$service.stamped") &
  TAILS+=($!)
done
bench_rss_sample "$WORK/rss.samples" "${PID[@]}" &
TAILS+=($!)
sleep 1

echo "== sending over $ASSOCIATIONS concurrent associations"
T0=$(date +%s.%N)
bench_send_studies 11112 "$WORK/studies" "$STUDIES" "$ASSOCIATIONS"
echo "   all instances sent after $(/usr/bin/python3 -c "import time; print(f'{time.time() - $T0:.1f}')") s; waiting for $STUDIES reports"
bench_wait_reports "$LOGS/Reporting.log" "$STUDIES" "$TIMEOUT"
HZ=$(getconf CLK_TCK)
SERVICE_LINES=""
for service in Intake Quantification Prediction Reporting; do
  ticks=$(( $(cpu_ticks "${PID[$service]}") - ${CPU0[$service]} ))
  rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/${PID[$service]}/status")
  SERVICE_LINES+="$service $ticks $rss;"
done
REPORTS=$(grep -c 'Report version .* stored' "$LOGS/Reporting.log" || true)
echo "== result ($STUDIES studies x 90 instances over $ASSOCIATIONS associations, distributed shape: 4 processes, RabbitMQ, PostgreSQL, TLS)"
/usr/bin/python3 deploy/bench-studies-timing.py "$WORK/Intake.stamped" "$WORK/Reporting.stamped" "$T0" "$STUDIES"
/usr/bin/python3 - "$HZ" "$REPORTS" "$SERVICE_LINES" <<'PY'
import sys
hz, reports, services = int(sys.argv[1]), max(1, int(sys.argv[2])), sys.argv[3]
total = 0.0
for entry in filter(None, services.split(";")):
    name, ticks, rss = entry.split()
    cpu = int(ticks) / hz / reports
    total += cpu
    print(f"   {name:15s} CPU per study {cpu:.2f} s, peak RSS {rss} MB")
print(f"   all services     CPU per study {total:.2f} s")
PY
/usr/bin/python3 deploy/bench-rss-trace.py "$WORK/rss.samples" "$WORK/Reporting.stamped" \
  Intake="${PID[Intake]}" Quantification="${PID[Quantification]}" Prediction="${PID[Prediction]}" Reporting="${PID[Reporting]}"
echo "   machine load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
