#!/usr/bin/env bash
# STOW-RS vs C-STORE (storescu) into the same Intake host: 500 PET slices 128x128 16-bit.
# Usage: tests/AmpaCds.Intake.Tests/DicomWeb/bench/bench-stow.sh [Debug|Release] [instances]
# Builds nothing: build services/Intake/AmpaCds.Intake.Host in that configuration first.
set -euo pipefail
config=${1:-Debug}; count=${2:-500}
repo=$(cd "$(dirname "$0")/../../../.." && pwd)
work=$(mktemp -d /tmp/ampacds-stow-bench.XXXXXX)
http_port=5191; dicom_port=11191
/usr/bin/python3 "$(dirname "$0")/make_stow_series.py" "$work/data" "$count"

AmpaCds__Bus__Transport=InMemory AmpaCds__DataRoot="$work/store" AmpaCds__Intake__Port=$dicom_port \
AmpaCds__Intake__QuietPeriodSeconds=600 Kestrel__Endpoints__Http__Url=http://127.0.0.1:$http_port \
  dotnet "$repo/services/Intake/AmpaCds.Intake.Host/bin/$config/net10.0/AmpaCds.Intake.Host.dll" >"$work/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null && wait $host 2>/dev/null; tail -n 5 "$work/host.log" > /tmp/ampacds-stow-bench-host.log; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null http://127.0.0.1:$http_port/health/ready && break; sleep 0.5; done

rate() { echo "scale=1; $count / $1" | bc; }
for run in 1 2 3; do
  rm -rf "$work/store/blobs/studies"
  seconds=$(curl -sS -o "$work/stow.json" -w '%{time_total}' -X POST \
    -H 'Content-Type: multipart/related; type="application/dicom"; boundary=ampacds-bench-boundary' \
    --data-binary @"$work/data/body.bin" http://127.0.0.1:$http_port/dicomweb/studies)
  echo "STOW-RS  run $run: ${seconds} s, $(rate "$seconds") instances/s"
done
for run in 1 2 3; do
  rm -rf "$work/store/blobs/studies"
  start=$(date +%s.%N)
  TCP_NODELAY=1 storescu -aec AMPACDS -xe +sd 127.0.0.1 $dicom_port "$work/data/files"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  echo "storescu run $run: ${seconds} s, $(rate "$seconds") instances/s"
done
