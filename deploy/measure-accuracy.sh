#!/usr/bin/env bash
# SUVR accuracy of the pipeline against the simulator's truth over several synthetic patients.
# Usage: deploy/measure-accuracy.sh [SEEDS...]   (default seeds 1..8). Prints one line per seed
# and a summary; the figures in docs/MEASUREMENTS.md come from this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
dotnet build "$repo/services/Cli/AmpaCds.Cli" -c Release -nologo -v q >/dev/null
cli=(dotnet "$repo/services/Cli/AmpaCds.Cli/bin/Release/net10.0/ampacds.dll")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5 6 7 8)
for seed in "${seeds[@]}"; do
  "${cli[@]}" simulate --out "$work/$seed" --seed "$seed" >/dev/null
  "${cli[@]}" quantify "$work/$seed" --json > "$work/$seed.json"
done
/usr/bin/python3 - "$work" "${seeds[@]}" <<'PY'
import json, sys, statistics
work, seeds = sys.argv[1], sys.argv[2:]
all_expected, all_true, similarities, times = [], [], [], []
for seed in seeds:
    result = json.load(open(f"{work}/{seed}.json"))
    truth = json.load(open(f"{work}/{seed}/truth.json"))
    expected = [abs(r["suvr"] / truth["expectedMeasuredSuvr"][r["name"]] - 1) for r in result["regions"]]
    true = [abs(r["suvr"] / truth["trueSuvr"][r["name"]] - 1) for r in result["regions"]]
    all_expected += expected; all_true += true
    similarities.append(result["registration"]["similarity"]); times.append(result["elapsedMs"])
    head = truth["headPosition"]
    print(f"seed {seed}: SUVR error vs PSF-matched truth mean {100*statistics.mean(expected):.2f} % max {100*max(expected):.2f} %; "
          f"vs painted truth mean {100*statistics.mean(true):.1f} %; similarity {result['registration']['similarity']:.3f}; "
          f"head offset ({head['translationXMm']:.1f}, {head['translationYMm']:.1f}, {head['translationZMm']:.1f}) mm; {result['elapsedMs']:.0f} ms")
print(f"all {len(seeds)} seeds, {len(all_expected)} regions: SUVR error vs PSF-matched truth mean {100*statistics.mean(all_expected):.2f} %, "
      f"95th percentile {100*sorted(all_expected)[int(0.95*len(all_expected))]:.2f} %, max {100*max(all_expected):.2f} %; "
      f"vs painted truth (partial-volume included) mean {100*statistics.mean(all_true):.1f} %; "
      f"similarity {min(similarities):.3f}-{max(similarities):.3f}; quantification {min(times):.0f}-{max(times):.0f} ms")
PY
