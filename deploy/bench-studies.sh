#!/usr/bin/env bash
# Studies per minute (issue 16), embedded shape: BENCH_STUDIES simulated studies (default 100, 90 instances each, each
# its own patient) pushed with DCMTK storescu over BENCH_ASSOCIATIONS concurrent associations (default 4, one study per
# association at a time, as a PACS sends) to `ampacds serve`. Prints the time from the first instance sent to the last
# report stored, studies per minute, p50/p95 of the time from a study's completion (Intake completes a series when
# its last instance is stored) to its report, CPU seconds per study and peak RSS (VmHWM) of the process, and the
# same CPU and peak RSS of `ampacds quantify` on one study (quantification alone, process start and template included).
#
#   deploy/bench-studies.sh                       # 100 studies over 4 associations
#   BENCH_STUDIES=20 deploy/bench-studies.sh      # fewer
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STUDIES=${BENCH_STUDIES:-100}
ASSOCIATIONS=${BENCH_ASSOCIATIONS:-4}
TIMEOUT=${BENCH_TIMEOUT:-3600}
export TCP_NODELAY=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source deploy/bench-lib.sh
bench_require bench-studies storescu echoscu bc /usr/bin/python3
bench_workdir studies
SERVE_PID=""
cleanup() {
  [ -n "${SAMPLER_PID:-}" ] && kill "$SAMPLER_PID" 2>/dev/null
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  [ -n "${BENCH_KEEP_LOG:-}" ] && cp "$WORK/serve.log" "$BENCH_KEEP_LOG" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }

ARTIFACTS=${BENCH_ARTIFACTS:-/tmp/ampacds-bench-artifacts}
echo "== build (Release, once, into $ARTIFACTS)"
dotnet build -c Release -nologo -v q -p:UseArtifactsOutput=true -p:ArtifactsPath="$ARTIFACTS" services/Cli/AmpaCds.Cli >"$WORK/build.log" 2>&1 \
  || { echo "bench-studies: build failed:" >&2; grep -E 'error|Error' "$WORK/build.log" | head -20 >&2; exit 1; }
CLI="dotnet $ARTIFACTS/bin/AmpaCds.Cli/release/ampacds.dll"

echo "== $STUDIES simulated studies (ampacds simulate, seeds 1-$STUDIES)"
bench_simulate_studies "$CLI" "$WORK/studies" "$STUDIES"
echo "   $(find "$WORK/studies" -name '*.dcm' | wc -l) instances"

echo "== quantification alone: ampacds quantify on study 1 (one process; CPU s and peak RSS)"
read -r Q_CPU Q_RSS Q_WALL < <(/usr/bin/python3 - "$WORK/studies/1" $CLI quantify <<'PY'
import resource, subprocess, sys, time
folder, command = sys.argv[1], sys.argv[2:]
start = time.monotonic()
subprocess.run(command + [folder, "--json"], stdout=subprocess.DEVNULL, check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.2f} {usage.ru_maxrss / 1024:.0f} {time.monotonic() - start:.2f}")
PY
)
echo "   $Q_CPU CPU s, peak RSS $Q_RSS MB, $Q_WALL s wall"

echo "== ampacds serve (embedded), every log line stamped on arrival"
DICOM=$(free_port); GRPC=$(free_port); HTTP=$(free_port)
$CLI serve --data "$WORK/data" --dicom-port "$DICOM" --grpc-port "$GRPC" --http-port "$HTTP" \
  > >(bench_stamp >"$WORK/serve.log") 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 600); do echoscu -aec AMPACDS 127.0.0.1 "$DICOM" >/dev/null 2>&1 && break; sleep 0.2; done
wait_idle "$SERVE_PID"
CPU0=$(cpu_seconds "$SERVE_PID")
bench_rss_sample "$WORK/rss.samples" "$SERVE_PID" &
SAMPLER_PID=$!

echo "== sending over $ASSOCIATIONS concurrent associations"
T0=$(date +%s.%N)
bench_send_studies "$DICOM" "$WORK/studies" "$STUDIES" "$ASSOCIATIONS"
T_SENT=$(date +%s.%N)
echo "   all instances sent after $(echo "$T_SENT - $T0" | bc -l | xargs printf '%.1f') s; waiting for $STUDIES reports"
bench_wait_reports "$WORK/serve.log" "$STUDIES" "$TIMEOUT"
CPU1=$(cpu_seconds "$SERVE_PID")
RSS=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVE_PID/status")
REPORTS=$(grep -c 'Report version .* stored' "$WORK/serve.log" || true)
echo "== result ($STUDIES studies x 90 instances over $ASSOCIATIONS associations, embedded \`ampacds serve\`)"
/usr/bin/python3 deploy/bench-studies-timing.py "$WORK/serve.log" "$WORK/serve.log" "$T0" "$STUDIES"
echo "   CPU per study, whole process (Intake + Quantification + Prediction + Reporting): $(echo "($CPU1 - $CPU0) / ($REPORTS + ($REPORTS == 0))" | bc -l | xargs printf '%.2f') s; peak RSS $RSS MB"
/usr/bin/python3 deploy/bench-rss-trace.py "$WORK/rss.samples" "$WORK/serve.log" "ampacds serve=$SERVE_PID"
echo "   quantification alone (ampacds quantify, one study, process start and template included): $Q_CPU CPU s, peak RSS $Q_RSS MB"
echo "== where the time went (the process's own /metrics: mean seconds per run of each stage, and group commit)"
/usr/bin/python3 - "http://127.0.0.1:$HTTP/metrics" <<'PY'
import re, sys, urllib.request
text = urllib.request.urlopen(sys.argv[1], timeout=10).read().decode()
def total(name):
    return sum(float(v) for v in re.findall(rf"^{name}(?:{{[^}}]*}})? ([0-9.eE+-]+)$", text, re.M))
for label, metric in [("C-STORE (per instance)", "ampacds_intake_cstore_duration_seconds"),
                      ("quantify", "ampacds_quantification_quantify_duration_seconds"),
                      ("predict", "ampacds_prediction_predict_duration_seconds"),
                      ("render report", "ampacds_reporting_render_duration_seconds"),
                      ("series to report", "ampacds_reporting_series_to_report_seconds")]:
    count = total(metric + "_count")
    if count:
        print(f"   {label:24s} {total(metric + '_sum') / count:8.3f} s mean over {count:.0f}")
flushes, batched = total("ampacds_intake_journal_flushes_total"), total("ampacds_intake_journal_flush_batch_instances_sum")
if flushes:
    print(f"   journal: {batched:.0f} instances in {flushes:.0f} flushes ({batched / flushes:.2f} per flush)")
PY
echo "   machine load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
