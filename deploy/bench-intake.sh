#!/usr/bin/env bash
# DICOM intake benchmark (issue 3): the same 500-instance PET series (128 x 128, 16-bit) sent with DCMTK storescu
# over loopback to (a) Intake (`ampacds serve`, which validates and fsyncs every instance before answering),
# (b) DCMTK storescp writing to disk, (c) Orthanc; prints instances/s for each and Intake's ratio to each.
# Then parse throughput of the series: BenchmarkDotNet (our DicomFile.Open) and pydicom on the same files.
#
#   deploy/bench-intake.sh                 # everything
#   BENCH_PARSE=0 deploy/bench-intake.sh   # network part only
#   BENCH_RUNS=5 deploy/bench-intake.sh    # timed runs per peer (median reported), default 3
#   BENCH_WARMUP=1 deploy/bench-intake.sh  # warm-up associations per peer before timing, default 3
#
# Every tool runs with TCP_NODELAY=1: without it delayed ACKs cap DCMTK peers at ~11 instances/s on loopback.
# Servers listen on 127.0.0.1 (Orthanc 1.10's DICOM port has no bind option: it listens on all interfaces while it runs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
INSTANCES=${BENCH_INSTANCES:-500}
RUNS=${BENCH_RUNS:-3}
export TCP_NODELAY=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source deploy/bench-lib.sh
bench_require bench-intake storescu storescp echoscu Orthanc curl /usr/bin/python3

bench_workdir run
trap bench_cleanup EXIT


# Own artifacts folder: the Release build never collides with builds in the repo's bin/obj (CI, other work).
ARTIFACTS=${BENCH_ARTIFACTS:-/tmp/ampacds-bench-artifacts}
echo "== build (Release, once, into $ARTIFACTS)"
for project in services/Cli/AmpaCds.Cli tests/AmpaCds.Benchmarks; do
  dotnet build -c Release -nologo -v q -p:UseArtifactsOutput=true -p:ArtifactsPath="$ARTIFACTS" "$project" >"$WORK/build.log" 2>&1 \
    || { echo "bench-intake: build of $project failed:" >&2; grep -E 'error|Error' "$WORK/build.log" | head -20 >&2; exit 1; }
done
BENCH="dotnet $ARTIFACTS/bin/AmpaCds.Benchmarks/release/AmpaCds.Benchmarks.dll"
CLI="dotnet $ARTIFACTS/bin/AmpaCds.Cli/release/ampacds.dll"

echo "== series"
# Number of Slices is declared as 9999 so Intake never completes the series: otherwise the embedded Quantification
# would register the volume in the background while later runs are timed. Intake still parses, validates, fsyncs.
# One series per timed run, each with its own UIDs: every instance is new to the receiver, as in practice (re-sending
# the same UIDs would make each peer replace files, a different and slower path).
for run in $(seq 1 "$RUNS"); do $BENCH write-series "$WORK/series-$run" "$INSTANCES" $((500 + run)) 9999 >/dev/null; done
# Warm-up: WARMUP associations of the full series size per peer, each with its own UIDs. Intake's JIT (tiered
# compilation) recompiles the hot path on a background thread over the first ~1000-1500 instances, which on 2 cores
# takes CPU from storescu and from Intake itself; the timed runs measure the steady state a running node is in.
WARMUP=${BENCH_WARMUP:-3}
for run in $(seq 1 "$WARMUP"); do $BENCH write-series "$WORK/warmup-$run" "$INSTANCES" $((400 + run)) 9999 >/dev/null; done
ln -s "$WORK/series-1" "$WORK/series"
SERIES_MB=$(du -sm "$WORK/series-1" | cut -f1)
echo "   $RUNS series of $INSTANCES instances (one per timed run, distinct UIDs), ${SERIES_MB} MB each, 128 x 128 x 16 bit, Explicit VR LE"

# All peers run at once and the timed runs are interleaved: round r sends series-r to every peer, in an order that
# rotates each round, so all peers see the same machine conditions (on this VM the cost of creating a file drifts
# 2-3x over minutes, which sequential blocks of runs per peer turned into ratio noise). After each send the machine
# is left to settle for 2 s: Intake writes the instances' own files after answering and must not do so on another
# peer's time. The floor is storescp --ignore (receives every instance, stores nothing): storescu's own cost plus
# loopback, which no receiver can go below; each peer's time above it is what that peer's storing costs.
send_once() { # AE PORT SERIES-DIR LOG: one association with all files; prints seconds
  local t0 t1
  t0=$(now)
  storescu -aec "$1" 127.0.0.1 "$2" "$3"/*.dcm >"$4" 2>&1 \
    || { echo "bench-intake: storescu to $1 failed:" >&2; tail -5 "$4" >&2; exit 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}

echo "== peers (all running during the whole measurement)"
SCP_PORT=$(free_port); FLOOR_PORT=$(free_port)
mkdir -p "$WORK/storescp"
storescp -aet STORESCP -od "$WORK/storescp" "$SCP_PORT" >"$WORK/storescp.log" 2>&1 &
PIDS+=($!)
storescp --ignore -aet FLOOR "$FLOOR_PORT" >"$WORK/floor.log" 2>&1 &
PIDS+=($!)
OR_DICOM=$(free_port); OR_HTTP=$(free_port)
mkdir -p "$WORK/orthanc"
cat >"$WORK/orthanc/orthanc.json" <<JSON
{ "Name": "AmpaCdsBench", "StorageDirectory": "$WORK/orthanc/storage", "IndexDirectory": "$WORK/orthanc/index",
  "DicomAet": "ORTHANC", "DicomPort": $OR_DICOM, "HttpPort": $OR_HTTP, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [], "DicomModalities": {} }
JSON
Orthanc "$WORK/orthanc/orthanc.json" >"$WORK/orthanc.log" 2>&1 &
PIDS+=($!)
IN_DICOM=$(free_port); IN_GRPC=$(free_port)
AmpaCds__Intake__QuietPeriodSeconds=86400 \
  $CLI serve --data "$WORK/intake" --dicom-port "$IN_DICOM" --grpc-port "$IN_GRPC" >"$WORK/intake.log" 2>&1 &
INTAKE_PID=$!
PIDS+=($INTAKE_PID)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$OR_HTTP/system" >/dev/null && break; sleep 0.1; done
wait_echo STORESCP "$SCP_PORT"; wait_echo FLOOR "$FLOOR_PORT"; wait_echo ORTHANC "$OR_DICOM"; wait_echo AMPACDS "$IN_DICOM"
wait_idle "$INTAKE_PID"
echo "   (a) Intake: ampacds serve, embedded, in-memory bus; validates each instance, answers once it is durable in the journal"
echo "   (b) DCMTK storescp -od DIR: one file per instance, no fsync"
echo "   (c) Orthanc $(Orthanc --version | head -1 | awk '{print $2}'): SQLite index + one file per instance, fsynced"
echo "   floor: DCMTK storescp --ignore: receives every instance, stores nothing"

LABELS=(floor storescp orthanc intake)
declare -A AE=([floor]=FLOOR [storescp]=STORESCP [orthanc]=ORTHANC [intake]=AMPACDS)
declare -A PORT=([floor]=$FLOOR_PORT [storescp]=$SCP_PORT [orthanc]=$OR_DICOM [intake]=$IN_DICOM)
declare -A TIMES
echo "== warm-up: $WARMUP associations of $INSTANCES instances per peer"
for run in $(seq 1 "$WARMUP"); do
  for label in "${LABELS[@]}"; do send_once "${AE[$label]}" "${PORT[$label]}" "$WORK/warmup-$run" "$WORK/$label-warmup.log" >/dev/null; done
done
sleep 2
echo "== $RUNS timed rounds, every peer once per round, order rotating"
for run in $(seq 1 "$RUNS"); do
  order=()
  for i in 0 1 2 3; do order+=("${LABELS[$(((i + run) % 4))]}"); done
  line=""
  for label in "${order[@]}"; do
    t=$(send_once "${AE[$label]}" "${PORT[$label]}" "$WORK/series-$run" "$WORK/$label-$run.log")
    TIMES[$label]+="$t "
    line+=$(printf '%s %.3f  ' "$label" "$t")
    sleep 2
  done
  echo "   round $run: $line"
done
for label in "${LABELS[@]}"; do
  med=$(printf '%s\n' ${TIMES[$label]} | median)
  echo "$med" >"$WORK/$label.median"
  printf '   %-9s runs: %s s; median %.3f s = %.0f instances/s\n' "$label" "$(printf '%.3f ' ${TIMES[$label]})" "$med" "$(echo "$INSTANCES / $med" | bc -l)"
done
# Per-round ratios: each compares two peers measured within seconds of each other.
read -ra IT <<<"${TIMES[intake]}"; read -ra ST <<<"${TIMES[storescp]}"; read -ra OT <<<"${TIMES[orthanc]}"
RS=(); RO=()
for i in "${!IT[@]}"; do RS+=("$(echo "${ST[$i]} / ${IT[$i]}" | bc -l)"); RO+=("$(echo "${OT[$i]} / ${IT[$i]}" | bc -l)"); done
printf '   per-round Intake/storescp: %s (met in %d of %d)\n' "$(printf '%.2f ' "${RS[@]}")" \
  "$(printf '%s\n' "${RS[@]}" | awk '$1 >= 1' | wc -l)" "${#RS[@]}"
printf '   per-round Intake/Orthanc:  %s (met in %d of %d)\n' "$(printf '%.2f ' "${RO[@]}")" \
  "$(printf '%s\n' "${RO[@]}" | awk '$1 >= 3' | wc -l)" "${#RO[@]}"
F=$(cat "$WORK/floor.median")
for label in storescp orthanc intake; do
  printf '   %-9s above the floor: %.3f ms per instance\n' "$label" "$(echo "($(cat "$WORK/$label.median") - $F) * 1000 / $INSTANCES" | bc -l)"
done
sleep 2 # files follow the journal within moments; counted to show nothing was lost
STORED=$(find "$WORK/intake" -name '*.dcm' -path '*instances*' | wc -l)
echo "   Intake holds $STORED instance files ($RUNS timed + $WARMUP warm-up series; expected $(((RUNS + WARMUP) * INSTANCES)))"
kill "$INTAKE_PID" 2>/dev/null || true
echo "   where Intake's time goes, in-process, no network (second of two rounds):"
TMPDIR="$WORK" $BENCH profile-intake "$WORK/series-1" | sed 's/^/   /'

echo "   machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
echo "== result ($INSTANCES instances, one association each, loopback, TCP_NODELAY=1, median of $RUNS interleaved rounds)"
I=$(cat "$WORK/intake.median"); S=$(cat "$WORK/storescp.median"); O=$(cat "$WORK/orthanc.median")
printf '   Intake   %6.0f instances/s\n   storescp %6.0f instances/s   Intake/storescp = %.2f\n   Orthanc  %6.0f instances/s   Intake/Orthanc  = %.2f\n   floor    %6.0f instances/s   (storescu and loopback alone)\n' \
  "$(echo "$INSTANCES/$I" | bc -l)" "$(echo "$INSTANCES/$S" | bc -l)" "$(echo "$S/$I" | bc -l)" \
  "$(echo "$INSTANCES/$O" | bc -l)" "$(echo "$O/$I" | bc -l)" "$(echo "$INSTANCES/$F" | bc -l)"

if [ "${BENCH_PARSE:-1}" = "1" ]; then
  echo "== parse throughput of the series"
  /usr/bin/python3 tests/AmpaCds.Benchmarks/pydicom_parse.py "$WORK/series" 5
  (cd "$WORK" && $BENCH parse "$WORK/series" --filter '*' --job short --inProcess --artifacts "$WORK/bdn") | \
    sed -n '/^| Method/,/^$/p'
fi
