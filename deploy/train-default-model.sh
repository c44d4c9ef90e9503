#!/usr/bin/env bash
# Regenerates the default model Prediction ships (services/Prediction/AmpaCds.Prediction/DefaultModel/) with the CLI:
# the default synthetic training cohort (fixed seed), then `ampacds model train` (nested cross-validated comparison of
# the trainers, permutation test, final fit with fixed seeds). The same inputs give the same model version; only the
# card's TrainedAtUtc changes between runs. Usage: deploy/train-default-model.sh [gtm]
# With gtm, the same subjects get the features a study measured with GTM partial-volume correction shows (the painted
# truth) and the card records gtm at 5 mm; written to DefaultModelGtm/, the model Prediction installs for
# AmpaCds:Prediction:PartialVolumeMethod=gtm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
# The recipe; keep it equal to AmpaCds.Research.ModelEvaluation.DefaultModelRecipe.
cohort_size=400
cohort_seed=20260
training_seed=1
permutations=99
pvc=${1:-none}
case "$pvc" in
  none) target="$repo/services/Prediction/AmpaCds.Prediction/DefaultModel"; pvc_args=() ;;
  gtm) target="$repo/services/Prediction/AmpaCds.Prediction/DefaultModelGtm"; pvc_args=(--pvc gtm) ;;
  *) echo "usage: $0 [gtm]" >&2; exit 2 ;;
esac
gtm_fwhm=5

dotnet build "$repo/services/Cli/AmpaCds.Cli" -c Release -nologo -v q >/dev/null
cli=(dotnet "$repo/services/Cli/AmpaCds.Cli/bin/Release/net10.0/ampacds.dll")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

simulate=(cohort simulate --n "$cohort_size" --seed "$cohort_seed" --composition training --features measured "${pvc_args[@]}")
train=(model train --seed "$training_seed" --permutations "$permutations" --origin synthetic)
[ "$pvc" = none ] || train+=(--pvc "$pvc" --fwhm "$gtm_fwhm")
"${cli[@]}" "${simulate[@]}" --out "$work/cohort.csv"
provenance="synthetic cohort, default effect model, ${cohort_size} subjects, seed ${cohort_seed}: ampacds ${simulate[*]}; \
trained by deploy/train-default-model.sh: ampacds ${train[*]} --cohort cohort.csv"
"${cli[@]}" "${train[@]}" --cohort "$work/cohort.csv" --registry "$work/registry" \
  --feature-source measured --provenance "$provenance" | tee "$work/train.txt"

versions=("$work"/registry/*/)
[ ${#versions[@]} -eq 1 ] || { echo "expected one trained version, found ${#versions[@]}" >&2; exit 1; }
rm -rf "$target"
mkdir -p "$target"
cp "${versions[0]}"/model.zip "${versions[0]}"/model-card.json "$target"/
[ -f "${versions[0]}/ensemble.json" ] && cp "${versions[0]}/ensemble.json" "$target"/
echo "default model $(basename "${versions[0]}") written to $target"
