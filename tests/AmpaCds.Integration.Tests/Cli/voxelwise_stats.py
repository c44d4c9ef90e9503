"""Independent check of `cohort analyze --maps`: the voxel-wise Welch t (TRD vs healthy) and Pearson r (SUVR vs
baseline MADRS in TRD) recomputed with scipy.stats from the subjects' NIfTI maps, and the BH-FDR threshold with
statsmodels, compared with the maps the CLI wrote. NIfTI-1 is read here by hand (numpy only; nibabel is not installed).

usage: voxelwise_stats.py COHORT.csv MAPS_DIR ANALYSIS_DIR OUT.json
"""
import csv
import gzip
import json
import struct
import sys

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests


def read_nifti(path):
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    if struct.unpack_from("<i", raw, 0)[0] != 348:
        raise SystemExit(f"{path}: not a little-endian NIfTI-1 file")
    dims = struct.unpack_from("<8h", raw, 40)
    datatype = struct.unpack_from("<h", raw, 70)[0]
    offset = int(struct.unpack_from("<f", raw, 108)[0])
    slope, inter = struct.unpack_from("<2f", raw, 112)
    if datatype != 16:
        raise SystemExit(f"{path}: datatype {datatype}, expected float32 (16)")
    count = dims[1] * dims[2] * dims[3]
    data = np.frombuffer(raw, dtype="<f4", count=count, offset=offset).astype(np.float64)
    if slope not in (0.0, 1.0) or inter != 0.0:
        data = data * slope + inter
    return data


def compare(name, got, expected, p, got_fdr):
    tested = got != 0
    e = expected[tested]
    g = got[tested]
    # The CLI stores float32: compare with scipy's value rounded the same way.
    rel = np.abs(g - e.astype(np.float32).astype(np.float64)) / np.maximum(np.abs(e), 1e-300)
    q = multipletests(p[tested], method="fdr_bh")[1]
    keep = q < 0.05
    survived = got_fdr[tested] != 0
    borderline = np.abs(q - 0.05) < 1e-9
    return {
        f"{name}_tested": int(tested.sum()),
        f"{name}_max_relative_difference": float(rel.max()),
        f"{name}_fdr_survivors_scipy": int(keep.sum()),
        f"{name}_fdr_survivors_cli": int(survived.sum()),
        f"{name}_fdr_mismatches": int(((keep != survived) & ~borderline).sum()),
        f"{name}_fdr_values_differ": int((np.abs(got_fdr[tested][keep] - g[keep]) > 0).sum()),
        f"{name}_outside_tested_nonzero_fdr": int((got_fdr[~tested] != 0).sum()),
    }


def main():
    cohort, maps, analysis, out = sys.argv[1:5]
    with open(cohort, newline="") as handle:
        rows = list(csv.DictReader(handle))
    trd = [r for r in rows if r["group"] == "trd"]
    hc = [r for r in rows if r["group"] == "healthy"]
    trd_maps = np.array([read_nifti(f"{maps}/{r['subject_id']}.nii.gz") for r in trd])
    hc_maps = np.array([read_nifti(f"{maps}/{r['subject_id']}.nii.gz") for r in hc])
    madrs = np.array([float(r["baseline_madrs"]) for r in trd])

    with np.errstate(all="ignore"):
        t, p_t = stats.ttest_ind(trd_maps, hc_maps, axis=0, equal_var=False)
        x = trd_maps - trd_maps.mean(axis=0)
        y = madrs - madrs.mean()
        r = (x * y[:, None]).sum(axis=0) / np.sqrt((x * x).sum(axis=0) * (y * y).sum())
        n = len(trd)
        r_clipped = np.clip(r, -1, 1)
        tr = r_clipped * np.sqrt((n - 2) / (1 - r_clipped ** 2))
        p_r = 2 * stats.t.sf(np.abs(tr), n - 2)

    result = {"trd": len(trd), "healthy": len(hc)}
    result.update(compare("t", read_nifti(f"{analysis}/voxelwise-t.nii.gz"), t, p_t, read_nifti(f"{analysis}/voxelwise-t-fdr.nii.gz")))
    result.update(compare("r", read_nifti(f"{analysis}/voxelwise-r-madrs.nii.gz"), r, p_r, read_nifti(f"{analysis}/voxelwise-r-madrs-fdr.nii.gz")))
    with open(out, "w") as handle:
        json.dump(result, handle, indent=1)


if __name__ == "__main__":
    main()
