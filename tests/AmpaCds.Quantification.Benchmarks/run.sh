#!/usr/bin/env bash
# Speed and accuracy of Quantification on this machine (figures go to docs/QUANTIFICATION.md).
#   tests/AmpaCds.Quantification.Benchmarks/run.sh            # both parts
#   tests/AmpaCds.Quantification.Benchmarks/run.sh elastix 5  # only the elastix comparison, 5 studies
#   tests/AmpaCds.Quantification.Benchmarks/run.sh pvc        # only quantification with none/gtm/rbv and the GTM build
#   tests/AmpaCds.Quantification.Benchmarks/run.sh quantify   # only FullQuantification (the per-study cost in the service)
#   tests/AmpaCds.Quantification.Benchmarks/run.sh stages 20  # CPU and wall per stage, mean of 20 studies after warm-up
set -euo pipefail
cd "$(dirname "$0")/../.."
project=tests/AmpaCds.Quantification.Benchmarks
out=${BENCH_OUT:-/tmp/ampacds-quant-bench}
# Built into its own folder so it never collides with a concurrent Release build of the solution.
dotnet build -c Release -v q -nologo -o "$out" "$project"
bench() { dotnet "$out/AmpaCds.Quantification.Benchmarks.dll" "$@"; }
if [[ "${1:-all}" == "stages" ]]; then
  bench stages "${2:-20}"
  exit
fi
if [[ "${1:-all}" == "quantify" ]]; then
  (cd "$out" && bench --filter '*.FullQuantification')
  exit
fi
if [[ "${1:-all}" != "pvc" ]]; then command -v elastix >/dev/null || { echo "elastix missing: apt-get install elastix" >&2; exit 1; }; fi
if [[ "${1:-all}" == "pvc" ]]; then
  (cd "$out" && bench --filter '*FullQuantification*' '*BuildTransferMatrix*')
  exit
fi
if [[ "${1:-all}" == "elastix" ]]; then
  bench elastix "${2:-5}"
  exit
fi
uptime
bench elastix "${2:-5}"
(cd "$out" && bench --filter '*QuantificationBenchmarks*')
