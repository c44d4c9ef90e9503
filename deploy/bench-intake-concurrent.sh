#!/usr/bin/env bash
# Concurrent DICOM intake benchmark (issue 16): BENCH_TOTAL instances (default 1000, 128 x 128, 16-bit) sent with DCMTK
# storescu over 1, 4, 8 and 16 concurrent associations (each association its own series, TOTAL/N instances) to
# (a) Intake (`ampacds serve`: every instance durable in the journal before its success status, group commit),
# (b) DCMTK `storescp --fork` (one process per association, one file per instance, no fsync), (c) Orthanc (fsyncs);
# prints each round, the best and median of BENCH_RUNS rounds, and Intake's ratios to each peer.
#
#   deploy/bench-intake-concurrent.sh                          # 1 4 8 16 associations, 3 rounds each
#   BENCH_ASSOCIATIONS="4" BENCH_RUNS=5 deploy/bench-intake-concurrent.sh
#   BENCH_TOTAL=400 deploy/bench-intake-concurrent.sh          # smaller bursts
#
# All peers run during the whole measurement and the rounds are interleaved with a rotating order (as in
# deploy/bench-intake.sh), every tool with TCP_NODELAY=1, 2 s to settle after each send.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOTAL=${BENCH_TOTAL:-1000}
RUNS=${BENCH_RUNS:-3}
COUNTS=${BENCH_ASSOCIATIONS:-"1 4 8 16"}
# Intake is a .NET process: the runtime recompiles its hot methods (tiered compilation, dynamic PGO) over its first
# several thousand instances, and a PACS-facing server runs for days. It gets up to JIT_WARMUP extra 4-association
# sends before timing, until one compiles fewer than JIT_QUIET methods (its own /metrics), so the rounds measure the
# steady state; the peers are native code and need no such warm-up. JIT activity during the timed rounds is printed.
JIT_WARMUP=${BENCH_JIT_WARMUP:-10}
JIT_QUIET=${BENCH_JIT_QUIET:-50}
export TCP_NODELAY=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source deploy/bench-lib.sh
bench_require bench-intake-concurrent storescu storescp echoscu Orthanc curl bc /usr/bin/python3

bench_workdir concurrent
trap bench_cleanup EXIT

best() { sort -g | head -1; }

ARTIFACTS=${BENCH_ARTIFACTS:-/tmp/ampacds-bench-artifacts}
echo "== build (Release, once, into $ARTIFACTS)"
for project in services/Cli/AmpaCds.Cli tests/AmpaCds.Benchmarks; do
  dotnet build -c Release -nologo -v q -p:UseArtifactsOutput=true -p:ArtifactsPath="$ARTIFACTS" "$project" >"$WORK/build.log" 2>&1 \
    || { echo "bench-intake-concurrent: build of $project failed:" >&2; grep -E 'error|Error' "$WORK/build.log" | head -20 >&2; exit 1; }
done
BENCH="dotnet $ARTIFACTS/bin/AmpaCds.Benchmarks/release/AmpaCds.Benchmarks.dll"
CLI="dotnet $ARTIFACTS/bin/AmpaCds.Cli/release/ampacds.dll"

# One folder per association and round, each series with its own UIDs (seed), Number of Slices 9999 so Intake never
# completes a series (no quantification in the background while timing).
SEED=600
write_set() { # NAME N: N series of TOTAL/N instances under $WORK/NAME/a1..aN, two written at a time
  local per=$((TOTAL / $2)) a pids=()
  for a in $(seq 1 "$2"); do
    SEED=$((SEED + 1))
    $BENCH write-series "$WORK/$1/a$a" "$per" "$SEED" 9999 >/dev/null &
    pids+=($!)
    # Waits for its own writers only: once the peers run, a bare `wait` would wait for them too.
    [ $((a % 2)) -eq 0 ] && { wait "${pids[@]}"; pids=(); }
  done
  [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}"
}
echo "== series: $TOTAL instances per send, split over the associations"
for n in $COUNTS; do
  for run in warmup $(seq 1 "$RUNS"); do write_set "n$n-$run" "$n"; done
done

echo "== peers"
SCP_PORT=$(free_port); OR_DICOM=$(free_port); OR_HTTP=$(free_port); IN_DICOM=$(free_port); IN_GRPC=$(free_port); IN_HTTP=$(free_port)
mkdir -p "$WORK/storescp" "$WORK/orthanc"
storescp --fork -aet STORESCP -od "$WORK/storescp" "$SCP_PORT" >"$WORK/storescp.log" 2>&1 &
PIDS+=($!)
# The floor: storescp --fork --ignore receives every instance and stores nothing, so its time is storescu's own work
# plus loopback. No receiver can be faster than it; a ratio target that needs a time below it cannot be met here.
FLOOR_PORT=$(free_port)
storescp --fork --ignore -aet FLOOR "$FLOOR_PORT" >"$WORK/floor.log" 2>&1 &
PIDS+=($!)
# Orthanc's DICOM server handles 4 associations at once by default; given 16 so it is not held back at 8 and 16.
cat >"$WORK/orthanc/orthanc.json" <<JSON
{ "Name": "AmpaCdsBench", "StorageDirectory": "$WORK/orthanc/storage", "IndexDirectory": "$WORK/orthanc/index",
  "DicomAet": "ORTHANC", "DicomPort": $OR_DICOM, "HttpPort": $OR_HTTP, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [], "DicomModalities": {}, "DicomThreadsCount": 16 }
JSON
Orthanc "$WORK/orthanc/orthanc.json" >"$WORK/orthanc.log" 2>&1 &
PIDS+=($!)
AmpaCds__Intake__QuietPeriodSeconds=86400 \
  $CLI serve --data "$WORK/intake" --dicom-port "$IN_DICOM" --grpc-port "$IN_GRPC" --http-port "$IN_HTTP" >"$WORK/intake.log" 2>&1 &
INTAKE_PID=$!
PIDS+=($INTAKE_PID)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$OR_HTTP/system" >/dev/null && break; sleep 0.1; done
wait_echo STORESCP "$SCP_PORT"; wait_echo FLOOR "$FLOOR_PORT"; wait_echo ORTHANC "$OR_DICOM"; wait_echo AMPACDS "$IN_DICOM"
wait_idle "$INTAKE_PID"
echo "   (a) Intake: ampacds serve, embedded; answers each C-STORE once its journal record is flushed (group commit)"
echo "   (b) DCMTK storescp --fork -od DIR: a process per association, one file per instance, no fsync"
echo "   (c) Orthanc $(Orthanc --version | head -1 | awk '{print $2}'): SQLite index + one file per instance, fsynced, DicomThreadsCount 16"
echo "   (d) floor: storescp --fork --ignore (receives, stores nothing)"

send_parallel() { # AE PORT SET N: N storescu at once, one per folder; prints seconds from the first start to the last end
  local t0 t1 a pids=() failed=0
  t0=$(now)
  for a in $(seq 1 "$4"); do
    storescu -aec "$1" 127.0.0.1 "$2" "$WORK/$3/a$a"/*.dcm >"$WORK/$1-$3-a$a.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  t1=$(now)
  [ "$failed" = 0 ] || { echo "bench-intake-concurrent: storescu to $1 failed ($3)" >&2; exit 1; }
  echo "$t1 - $t0" | bc -l
}

jit_methods() { curl -sf "http://127.0.0.1:$IN_HTTP/metrics" | awk '/^system_runtime_dotnet_jit_compiled_methods / {v = $2} END {print v}'; }
echo "== Intake warm-up until the JIT settles (at most $JIT_WARMUP sends of 4 x $((TOTAL / 4)), until one compiles < $JIT_QUIET methods)"
JIT_SENT=0
for k in $(seq 1 "$JIT_WARMUP"); do
  write_set "jit-$k" 4 # written only when needed: the warm-up usually stops before the last
  before=$(jit_methods)
  t=$(send_parallel AMPACDS "$IN_DICOM" "jit-$k" 4)
  sleep 1
  compiled=$(( $(jit_methods) - before ))
  printf '   warm-up %d: %.3f s, %d methods compiled\n' "$k" "$t" "$compiled"
  JIT_SENT=$k
  [ "$compiled" -lt "$JIT_QUIET" ] && break
done


LABELS=(storescp orthanc intake floor)
declare -A AE=([storescp]=STORESCP [orthanc]=ORTHANC [intake]=AMPACDS [floor]=FLOOR)
declare -A PORT=([storescp]=$SCP_PORT [orthanc]=$OR_DICOM [intake]=$IN_DICOM [floor]=$FLOOR_PORT)
SUMMARY=()
JIT_TIMED=0 INTAKE_TICKS=0 INTAKE_SENT=0
for n in $COUNTS; do
  echo "== $n association(s) x $((TOTAL / n)) instances: warm-up, then $RUNS interleaved rounds"
  for label in "${LABELS[@]}"; do send_parallel "${AE[$label]}" "${PORT[$label]}" "n$n-warmup" "$n" >/dev/null; done
  sleep 2
  declare -A TIMES=()
  for run in $(seq 1 "$RUNS"); do
    line=""
    for i in 0 1 2 3; do
      label=${LABELS[$(((i + run) % 4))]}
      [ "$label" = intake ] && { before=$(jit_methods); ticks0=$(awk '{print $14 + $15}' "/proc/$INTAKE_PID/stat"); }
      t=$(send_parallel "${AE[$label]}" "${PORT[$label]}" "n$n-$run" "$n")
      TIMES[$label]+="$t "
      [ "$label" = intake ] && { sleep 0.5; JIT_TIMED=$((JIT_TIMED + $(jit_methods) - before))
        INTAKE_TICKS=$((INTAKE_TICKS + $(awk '{print $14 + $15}' "/proc/$INTAKE_PID/stat") - ticks0)); INTAKE_SENT=$((INTAKE_SENT + (TOTAL / n) * n)); }
      line+=$(printf '%s %.3f  ' "$label" "$t")
      sleep 2
    done
    echo "   round $run: $line"
  done
  SENT=$(((TOTAL / n) * n))
  I=$(printf '%s\n' ${TIMES[intake]} | best); S=$(printf '%s\n' ${TIMES[storescp]} | best); O=$(printf '%s\n' ${TIMES[orthanc]} | best)
  IM=$(printf '%s\n' ${TIMES[intake]} | median); SM=$(printf '%s\n' ${TIMES[storescp]} | median); OM=$(printf '%s\n' ${TIMES[orthanc]} | median)
  F=$(printf '%s\n' ${TIMES[floor]} | best)
  SUMMARY+=("$(printf '%2d x %4d | Intake %.3f s (%4.0f/s) | storescp --fork %.3f s | Orthanc %.3f s | floor %.3f s | best: Intake/storescp %.2f, Intake/Orthanc %.2f | median: %.2f, %.2f | best possible Intake/storescp (floor) %.2f' \
    "$n" "$((TOTAL / n))" "$I" "$(echo "$SENT / $I" | bc -l)" "$S" "$O" "$F" "$(echo "$S / $I" | bc -l)" "$(echo "$O / $I" | bc -l)" \
    "$(echo "$SM / $IM" | bc -l)" "$(echo "$OM / $IM" | bc -l)" "$(echo "$S / $F" | bc -l)")")
  unset TIMES
done
sleep 3 # files follow the journal within moments; counted to show nothing was lost
EXPECTED=$((JIT_SENT * (TOTAL / 4) * 4)); for n in $COUNTS; do EXPECTED=$((EXPECTED + (RUNS + 1) * (TOTAL / n) * n)); done
STORED=$(find "$WORK/intake" -name '*.dcm' -path '*studies*' | wc -l)
RSS=$(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$INTAKE_PID/status")
echo "== result ($TOTAL instances per send, loopback, TCP_NODELAY=1, best and median of $RUNS interleaved rounds; ratio = peer time / Intake time)"
printf '   %s\n' "${SUMMARY[@]}"
echo "   Intake during its timed rounds: $(echo "$INTAKE_TICKS * 1000 / $(getconf CLK_TCK) / $INTAKE_SENT" | bc -l | xargs printf '%.3f') CPU ms per instance (/proc, user + system); $JIT_TIMED methods compiled (JIT, its /metrics)"
echo "   Intake holds $STORED instance files (expected $EXPECTED); Intake peak RSS (VmHWM) $RSS"
echo "   machine load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
