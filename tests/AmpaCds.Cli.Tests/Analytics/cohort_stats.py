#!/usr/bin/python3
"""Independent reference for `ampacds cohort analyze`: the same tables from scipy.stats and statsmodels.

Usage: cohort_stats.py COHORT.csv OUT.json [--covariates]. Writes {table: {region: {column: value}}} with the
column names of the CSV tables, so the test compares column by column. Hedges' g, the Fisher-z interval of
Spearman's rho, d_z and the normalisation index have no scipy function; they are written out here from their
textbook formulas with numpy, independently of the C# code.
"""
import csv
import json
import sys

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

Z = stats.norm.ppf(0.975)


def bh(p):
    return list(multipletests(p, method="fdr_bh")[1])


def hedges(a, b):
    na, nb = len(a), len(b)
    sp = np.sqrt(((na - 1) * np.var(a, ddof=1) + (nb - 1) * np.var(b, ddof=1)) / (na + nb - 2))
    g = (1 - 3 / (4 * (na + nb) - 9)) * (np.mean(a) - np.mean(b)) / sp
    se = np.sqrt((na + nb) / (na * nb) + g * g / (2 * (na + nb)))
    return g, g - Z * se, g + Z * se


def welch(a, b):
    a, b = np.asarray(a), np.asarray(b)
    res = stats.ttest_ind(a, b, equal_var=False)
    va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    g, lo, hi = hedges(a, b)
    return {"mean_a": np.mean(a), "mean_b": np.mean(b), "difference": np.mean(a) - np.mean(b),
            "t": res.statistic, "df": df, "p": res.pvalue, "g": g, "g_lower": lo, "g_upper": hi}


def correlation(x, y):
    pr = stats.pearsonr(x, y)
    ci = pr.confidence_interval(0.95)
    sr = stats.spearmanr(x, y)
    z, half = np.arctanh(sr.correlation), Z / np.sqrt(len(x) - 3)
    return {"pearson_r": pr.statistic, "pearson_lower": ci.low, "pearson_upper": ci.high, "pearson_p": pr.pvalue,
            "spearman_rho": sr.correlation, "spearman_lower": np.tanh(z - half), "spearman_upper": np.tanh(z + half),
            "spearman_p": sr.pvalue}


def with_q(table, p_column, q_column):
    regions = list(table)
    for region, q in zip(regions, bh([table[r][p_column] for r in regions])):
        table[region][q_column] = q
    return table


def main():
    path, out = sys.argv[1], sys.argv[2]
    covariates = "--covariates" in sys.argv
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    regions = [c[len("suvr_"):] for c in rows[0] if c.startswith("suvr_")]
    trd = [r for r in rows if r["group"] == "trd"]
    hc = [r for r in rows if r["group"] == "healthy"]
    ket = [r for r in trd if r["arm"] == "ketamine" and r["madrs_change_percent"]]
    pla = [r for r in trd if r["arm"] == "placebo" and r["madrs_change_percent"]]

    def suvr(subset, region, prefix="suvr_"):
        return np.array([float(r[prefix + region]) for r in subset])

    def change(subset, region):
        return suvr(subset, region, "followup_suvr_") - suvr(subset, region)

    tables = {}
    group = {reg: welch(suvr(trd, reg), suvr(hc, reg)) for reg in regions}
    with_q(group, "p", "q")
    if covariates:
        both = trd + hc
        x = sm.add_constant(np.array([[1.0 if r["group"] == "trd" else 0.0, float(r["age"]), 1.0 if r["sex"] == "male" else 0.0] for r in both]))
        for reg in regions:
            fit = sm.OLS(suvr(both, reg), x).fit()
            group[reg].update({"adjusted_difference": fit.params[1], "adjusted_t": fit.tvalues[1],
                               "adjusted_df": fit.df_resid, "adjusted_p": fit.pvalues[1]})
        with_q(group, "adjusted_p", "adjusted_q")
    tables["group-comparison"] = group

    madrs = np.array([float(r["baseline_madrs"]) for r in trd])
    tables["severity"] = {reg: correlation(suvr(trd, reg), madrs) for reg in regions}

    mcp = np.array([float(r["madrs_change_percent"]) for r in ket])
    tables["baseline-prediction"] = {reg: correlation(suvr(ket, reg), mcp) for reg in regions}

    if "followup_suvr_" + regions[0] in rows[0]:
        healthy_mean = {reg: np.mean(suvr(hc, reg)) for reg in regions}
        paired = {}
        for reg in regions:
            before, after = suvr(ket, reg), suvr(ket, reg, "followup_suvr_")
            res = stats.ttest_rel(after, before)
            d = after - before
            dz = np.mean(d) / np.std(d, ddof=1)
            se = np.sqrt(1 / len(d) + dz * dz / (2 * len(d)))
            paired[reg] = {"mean_baseline": np.mean(before), "mean_follow_up": np.mean(after), "mean_change": np.mean(d),
                           "t": res.statistic, "df": res.df, "p": res.pvalue, "dz": dz, "dz_lower": dz - Z * se,
                           "dz_upper": dz + Z * se,
                           "normalisation_index": (np.mean(after) - np.mean(before)) / (healthy_mean[reg] - np.mean(before))}
        tables["ketamine-change"] = with_q(paired, "p", "q")
        tables["ketamine-change-vs-improvement"] = {reg: correlation(change(ket, reg), -mcp) for reg in regions}
        tables["ketamine-vs-placebo"] = with_q({reg: welch(change(ket, reg), change(pla, reg)) for reg in regions}, "p", "q")

    for name in ("severity", "baseline-prediction", "ketamine-change-vs-improvement"):
        if name in tables:
            with_q(tables[name], "pearson_p", "pearson_q")
            with_q(tables[name], "spearman_p", "spearman_q")

    with open(out, "w") as handle:
        json.dump({name: {reg: {k: float(v) for k, v in cols.items()} for reg, cols in t.items()} for name, t in tables.items()}, handle)


if __name__ == "__main__":
    main()
