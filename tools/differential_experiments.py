#!/usr/bin/env python3
"""Differential check of f1kit's experiment designs against an independent numpy implementation.

Usage:
  swift build -c release --product f1kit
  nice python3 tools/differential_experiments.py [--seed S] [--cases N] [--minutes M] [--aso-rate P] [--bin PATH]
  nice python3 tools/differential_experiments.py --seed S --aso N [--minutes M]   # ASO against deepsig only

Each case draws a random experiment (n 50-3,000 items, 2-4 classes, 1-6 runs per model, optionally
5-200 groups of unequal size or strata by gold class), writes one CSV per run with pandas, runs
`f1kit compare A=a1.csv,... B=b1.csv,... --format json` and compares it with the estimators of
docs/statistics.md ("Experiments: several runs, grouped items, strata") written here from the
text alone:

  - each model's value (mean of its runs' values) and the runs table (mean, sd, min, max): 1e-12;
  - the interval ends of each model and of B - A: the two-level bootstrap (runs, then a test set
    under the design; variance corrected by the method of moments; resamples moved onto Student's
    t at Welch-Satterthwaite degrees of freedom; percentile of the moved resamples, cut at the
    metric's range), and with one run per model the grouped or stratified BCa and percentile
    intervals; within Monte Carlo error;
  - the paired bootstrap p-value (equal-tailed over the moved resamples with several runs, the
    shifted one with one run) and the grouped permutation p-value: within Monte Carlo error;
  - the clustered McNemar statistic and p-value (one run per model, groups): 1e-12;
  - ASO's epsilon_min against deepsig.aso(scores_B, scores_A) at confidence 0.95 with 1,000
    iterations: within Monte Carlo error;
  - the seed and item standard errors of the difference (seed share of the variance): within
    Monte Carlo error.

Monte Carlo checks: f1kit runs with --seed 1 and the same number of resamples as this script's
replicates (REPS of them, different seeds). z = (f1kit - mean(own)) / (sd(own) sqrt(1 + 1/REPS)).
When |z| > 4 the check is confirmed: f1kit is re-run with CONFIRM more seeds and the means are
compared with the larger of the two spreads; only |z| > 4 there is a FAIL. A few grouped cases
have 2-5 groups, which f1kit refuses (exit 65): those refusals are counted, any other refusal or
exit status is a FAIL. REGRESSION_CASES (differences found so far) run first. ASO needs deepsig,
20-250 s a check on a loaded 2-core machine, so --aso-rate samples the cases with two or more
runs each (complete orderings, where epsilon_min is 0, are not re-run in deepsig) and --aso N runs
N cases of close models and nothing else. Exits 1 when any check failed.
"""
import argparse, json, math, os, re, subprocess, sys, tempfile, time, warnings
import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from differential_statistics import metric  # noqa: E402  (the same metric definitions as helper-69's check)

warnings.filterwarnings("ignore")
BIN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "f1kit")
OUT = os.path.join(tempfile.gettempdir(), "f1kit-experiments")
B = 999           # resamples, in f1kit and in each own replicate
REPS = 10         # own replicates per Monte Carlo check
CONFIRM = 6       # f1kit seeds in a confirmation
Z_FAIL = 4.0
SUMMARY = {}
FAILS = []
REFUSALS = []
METRICS = ["accuracy", "binary_f1", "macro_f1", "weighted_f1", "mcc"]
SIDE = 1e-9      # relative slack for "at least as far" comparisons
ASO_RATE = 0.25  # share of cases with two or more runs each whose ASO is checked (deepsig is slow)
ASO_F1KIT_SEEDS = 6
FEW_GROUPS_RATE = 0.03  # grouped cases with 2-5 groups, which f1kit refuses (exit 65)
ITEM_LEVEL_RATE = 0.5  # share of grouped cases whose item-level reference intervals are checked
ASO_DEEPSIG_SEEDS = 3


def note(key, value, kind="absmax"):
    if kind == "absmax":
        SUMMARY[key] = max(SUMMARY.get(key, 0.0), abs(value))
    else:
        SUMMARY[key] = SUMMARY.get(key, 0) + value


def fail(msg):
    FAILS.append(msg)
    print("FAIL", msg, flush=True)


# ---------------------------------------------------------------- data

def gen_case(rng, close=False):
    n = int(np.exp(rng.uniform(np.log(50), np.log(3000))))
    k = int(rng.integers(2, 5))
    design = str(rng.choice(["runs", "groups", "strata"], p=[0.3, 0.45, 0.25]))
    runs = [int(rng.integers(1, 7)), int(rng.integers(1, 7))]
    if design != "runs" and rng.random() < 0.4:
        runs = [1, 1]
    if design == "runs" and runs == [1, 1]:
        runs = [int(rng.integers(2, 7)), int(rng.integers(2, 7))]
    probs = rng.dirichlet(np.full(k, 3.0))
    gold = rng.choice(k, size=n, p=probs)
    gold[:k] = np.arange(k)  # every class in gold: the label set is the same for every run
    rng.shuffle(gold)
    G = None
    groups = None
    if design == "groups":
        G = int(min(n // 2, np.exp(rng.uniform(np.log(6), np.log(200)))))
        G = max(G, 6) if rng.random() > FEW_GROUPS_RATE else int(rng.integers(2, 6))  # 2-5: refused
        sizes = rng.lognormal(0, rng.uniform(0.2, 1.2), size=G)
        extra = rng.multinomial(n - G, sizes / sizes.sum())
        groups = np.repeat(np.arange(G), extra + 1)
        rng.shuffle(groups)
    group_eff = rng.normal(0, rng.uniform(0, 0.15), size=G) if G else None
    item_eff = rng.normal(0, rng.uniform(0, 0.1), size=n)
    base = rng.uniform(0.45, 0.9, size=2)
    if rng.random() < 0.5 or close:  # close models, where ASO and the tests are informative
        base[1] = base[0] + rng.normal(0, 0.02)
    seed_sd = rng.choice([0.0, 0.01, 0.03, 0.06])
    preds = []
    for m in range(2):
        mp = []
        for r in range(runs[m]):
            acc = base[m] + rng.normal(0, seed_sd) + item_eff
            if G:
                acc = acc + group_eff[groups] * (1 if m == 0 else rng.uniform(0.5, 1.5))
            right = rng.random(n) < np.clip(acc, 0.02, 0.98)
            wrong = (gold + rng.integers(1, k, size=n)) % k
            p = np.where(right, gold, wrong)
            if runs[m] > 1 and rng.random() < 0.15 and r > 0:
                p = mp[0].copy()  # deterministic training: a run equal to the first
            mp.append(p)
        preds.append(mp)
    metric_name = str(rng.choice(METRICS if k == 2 else [x for x in METRICS if x != "binary_f1"]))
    return dict(n=n, k=k, design=design, runs=runs, gold=gold, groups=groups, G=G, preds=preds,
                metric=metric_name)


def write_case(case, d):
    os.makedirs(d, exist_ok=True)
    names = [[], []]
    order = None
    for m, tag in enumerate("ab"):
        for r, p in enumerate(case["preds"][m]):
            df = pd.DataFrame({"id": [f"i{i}" for i in range(case["n"])], "label": case["gold"], "prediction": p})
            if case["groups"] is not None and (m, r) == (0, 0) or (case["groups"] is not None and r % 2 == 1):
                df["grp"] = [f"g{x}" for x in case["groups"]]
            if m == 1 and r == 1 and order is None:
                order = np.random.default_rng(r).permutation(case["n"])
                df = df.iloc[order]  # ids align a reshuffled run
            path = f"{d}/{tag}{r + 1}.csv"
            df.to_csv(path, index=False)
            names[m].append(path)
    return names


def compare_args(case, names):
    args = ["compare", "A=" + ",".join(names[0]), "B=" + ",".join(names[1]), "--metric", case["metric"]]
    if case["design"] == "groups":
        args += ["--group-column", "grp"]
    if case["design"] == "strata":
        args += ["--stratify", "gold"]
    return args


def run_json(args, seed):
    cmd = [BIN] + args + ["--resamples", str(B), "--seed", str(seed), "--format", "json", "--quiet"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None, p, cmd
    return json.loads(p.stdout), p, cmd


# ---------------------------------------------------------------- the estimators, from the docs

def onehots(case):
    """(n, R_total * k * k) indicator of every run's (gold, prediction) cell."""
    k, n, gold = case["k"], case["n"], case["gold"]
    allp = case["preds"][0] + case["preds"][1]
    O = np.zeros((n, len(allp) * k * k))
    for r, p in enumerate(allp):
        O[np.arange(n), r * k * k + gold * k + p] = 1
    return O


def distinct_rows(case, O):
    """The distinct rows (gold, every run's prediction) and their counts, overall and per group.

    Drawing items with replacement is a multinomial over items; summing the items of one row
    gives the multinomial over rows with probabilities count / n, the same distribution of every
    run's confusion matrix, at a fraction of the cost.
    """
    if "_rows" not in case:
        keys, first, inverse, counts = np.unique(O, axis=0, return_index=True, return_inverse=True,
                                                 return_counts=True)
        inverse = inverse.ravel()
        per_group = None
        if case["groups"] is not None:
            per_group = np.zeros((case["G"], len(first)))
            np.add.at(per_group, (case["groups"], inverse), 1)
        case["_rows"] = (O[first], counts, case["gold"][first], per_group)
    return case["_rows"]


def draw_weights(case, O, rng, size):
    """Each resample's count of every distinct row under the design: (size, rows)."""
    rows, counts, gold, per_group = distinct_rows(case, O)
    if case["design"] == "groups":
        G = case["G"]
        return rng.multinomial(G, np.full(G, 1.0 / G), size=size).astype(float) @ per_group
    if case["design"] == "strata":
        W = np.zeros((size, len(counts)))
        for c in range(case["k"]):
            idx = np.nonzero(gold == c)[0]
            W[:, idx] = rng.multinomial(counts[idx].sum(), counts[idx] / counts[idx].sum(), size=size)
        return W
    return rng.multinomial(case["n"], counts / case["n"], size=size).astype(float)


def run_values(case, W, O):
    """Metric of every run on each weighted test set: (B, R_total)."""
    k = case["k"]
    R = len(case["preds"][0]) + len(case["preds"][1])
    cm = (W @ O).reshape(W.shape[0], R, k, k)
    return metric(case["metric"], cm)


def quantile7(x, p):
    return np.quantile(x, p, method="linear")


def metric_range(name, difference):
    lo, hi = (-1.0, 1.0) if name == "mcc" else (0.0, 1.0)
    return (lo - hi, hi - lo) if difference else (lo, hi)


def bca(theta_hat, boot, jack, conf=0.95, counts=None):
    alpha = (1 - conf) / 2
    Bd = len(boot)
    z0 = stats.norm.ppf((np.sum(boot < theta_hat) + np.sum(boot <= theta_hat)) / (2.0 * Bd))
    if not np.isfinite(z0):
        return quantile7(boot, alpha), quantile7(boot, 1 - alpha), "percentile"
    w = np.ones(len(jack)) if counts is None else counts
    mean = np.sum(w * jack) / np.sum(w)
    d = mean - jack
    s2 = np.sum(w * d * d)
    a = 0.0 if s2 <= 1e-26 * max(1.0, mean * mean) * np.sum(w) else np.sum(w * d ** 3) / (6 * s2 ** 1.5)
    za = stats.norm.ppf(alpha)
    a1 = stats.norm.cdf(z0 + (z0 + za) / (1 - a * (z0 + za)))
    a2 = stats.norm.cdf(z0 + (z0 - za) / (1 - a * (z0 - za)))
    return quantile7(boot, a1), quantile7(boot, a2), "bca"


def jackknife(case):
    """Leave-one-out values (models A and B, and B - A), with their weights: by group or by item."""
    k, gold, name = case["k"], case["gold"], case["metric"]
    a, b = case["preds"][0][0], case["preds"][1][0]
    cmA = np.zeros((k, k)); np.add.at(cmA, (gold, a), 1)
    cmB = np.zeros((k, k)); np.add.at(cmB, (gold, b), 1)
    if case["design"] == "groups":
        G = case["G"]
        gA = np.zeros((G, k, k)); np.add.at(gA, (case["groups"], gold, a), 1)
        gB = np.zeros((G, k, k)); np.add.at(gB, (case["groups"], gold, b), 1)
        jA, jB = metric(name, cmA - gA), metric(name, cmB - gB)
        w = np.ones(G)
    else:
        key = (gold * k + a) * k + b
        cells, w = np.unique(key, return_counts=True)
        g_, a_, b_ = cells // (k * k), (cells // k) % k, cells % k
        eA = np.zeros((len(cells), k, k)); eA[np.arange(len(cells)), g_, a_] = 1
        eB = np.zeros((len(cells), k, k)); eB[np.arange(len(cells)), g_, b_] = 1
        jA, jB = metric(name, cmA - eA), metric(name, cmB - eB)
        w = w.astype(float)
    return jA, jB, jB - jA, w


def own_replicate(case, O, est, rng, jack):
    """One replicate of every estimator that f1kit reports: a dict of numbers."""
    name = case["metric"]
    W = draw_weights(case, O, rng, B)
    M = run_values(case, W, distinct_rows(case, O)[0])
    RA, RB = case["runs"]
    MA, MB = M[:, :RA], M[:, RA:]
    out = {}
    if RA == 1 and RB == 1:
        dist = {"A": MA[:, 0], "B": MB[:, 0], "diff": MB[:, 0] - MA[:, 0]}
        jA, jB, jD, w = jack
        jk = {"A": jA, "B": jB, "diff": jD}
        for key in dist:
            x = dist[key]
            lo, hi, meth = bca(est[key], x, jk[key], counts=w)
            out[f"{key}.bca.low"], out[f"{key}.bca.high"] = lo, hi
            out[f"{key}.percentile.low"] = quantile7(x, 0.025)
            out[f"{key}.percentile.high"] = quantile7(x, 0.975)
        d = dist["diff"]
        obs = est["diff"]
        out["p.bootstrap"] = (np.sum(np.abs(d - obs) >= abs(obs) * (1 - SIDE) - 1e-12) + 1) / (B + 1)
        out["diff.sd"] = d.std(ddof=1)
        return out
    # two-level: each resample draws each model's runs with replacement on the shared test set
    iA = rng.integers(RA, size=(B, RA))
    iB = rng.integers(RB, size=(B, RB))
    vA = np.take_along_axis(MA, iA, 1).mean(1)
    vB = np.take_along_axis(MB, iB, 1).mean(1)

    def seed_part(Mm, runs_full):
        R = Mm.shape[1]
        if R < 2:
            return 0.0, 0.0, None
        S2 = 0.0 if np.all(runs_full == runs_full[0]) else np.var(runs_full, ddof=1)
        v_run = Mm.var(0, ddof=1).mean()
        v_mean = Mm.mean(1).var(ddof=1)
        inter = max(0.0, (v_run - v_mean) / (R - 1))
        return max(0.0, S2 / R - inter), (S2 / R) ** 2 / (R - 1), S2

    sA, dA, _ = seed_part(MA, est["runsA"])
    sB, dB, _ = seed_part(MB, est["runsB"])
    items = {"A": MA.mean(1).var(ddof=1), "B": MB.mean(1).var(ddof=1),
             "diff": (MB.mean(1) - MA.mean(1)).var(ddof=1)}
    parts = {"A": (sA, dA), "B": (sB, dB), "diff": (sA + sB, dA + dB)}
    vals = {"A": vA, "B": vB, "diff": vB - vA}
    for key in vals:
        seed, den = parts[key]
        V = seed + items[key]
        # Welch-Satterthwaite; docs/statistics.md did not say "at least 1" until this check found it
        nu = max(1.0, V * V / den) if den > 0 else math.inf
        if nu > 1e9:
            nu = math.inf
        v = vals[key]
        s = v.std(ddof=1)
        th = est[key]
        zz = stats.norm.cdf((v - th) / s)
        moved = th + math.sqrt(V) * (stats.norm.ppf(zz) if math.isinf(nu) else stats.t.ppf(zz, nu))
        lo_r, hi_r = metric_range(name, key == "diff")
        out[f"{key}.percentile.low"] = max(lo_r, quantile7(moved, 0.025))
        out[f"{key}.percentile.high"] = min(hi_r, quantile7(moved, 0.975))
        out[f"{key}.se"] = math.sqrt(V)
        if key == "diff":
            out["seed_se"] = math.sqrt(sA + sB)
            out["item_se"] = math.sqrt(items["diff"])
            if th > 0:
                far = np.sum(moved <= 0)
            else:
                far = np.sum(moved >= 0)
            out["p.bootstrap"] = min(1.0, 2 * (far + 1) / (B + 1))
    return out


def group_permutation_p(case, rng, R):
    k, gold, name, G = case["k"], case["gold"], case["metric"], case["G"]
    a, b = case["preds"][0][0], case["preds"][1][0]
    gA = np.zeros((G, k * k)); np.add.at(gA, (case["groups"], gold * k + a), 1)
    gB = np.zeros((G, k * k)); np.add.at(gB, (case["groups"], gold * k + b), 1)
    obs = metric(name, gB.sum(0).reshape(k, k)) - metric(name, gA.sum(0).reshape(k, k))
    S = (rng.random((R, G)) < 0.5).astype(float)
    cA = (1 - S) @ gA + S @ gB
    cB = (1 - S) @ gB + S @ gA
    d = metric(name, cB.reshape(R, k, k)) - metric(name, cA.reshape(R, k, k))
    return float(np.mean(np.abs(d) >= abs(obs) * (1 - SIDE) - 1e-12)), obs


def clustered_mcnemar(case):
    gold, G = case["gold"], case["G"]
    ra = case["preds"][0][0] == gold
    rb = case["preds"][1][0] == gold
    bk = np.bincount(case["groups"], weights=(ra & ~rb), minlength=G)
    ck = np.bincount(case["groups"], weights=(~ra & rb), minlength=G)
    den = np.sum((bk - ck) ** 2)
    if den == 0:
        return None
    x2 = (bk.sum() - ck.sum()) ** 2 / den
    return x2, float(stats.chi2.sf(x2, 1)), [int(bk.sum()), int(ck.sum())]


def deepsig_aso(first, second, seeds):
    from deepsig import aso
    return np.array([aso(list(map(float, second)), list(map(float, first)), confidence_level=0.95,
                         num_bootstrap_iterations=1000, seed=s * 10_000, show_progress=False)
                     for s in seeds])


# ---------------------------------------------------------------- comparison

def two_pass(label, first, rerun, z_of, describe, repro):
    """z of f1kit's seed-1 value; beyond Z_FAIL, CONFIRM more seeds; beyond Z_FAIL again, a FAIL."""
    z = z_of([first])
    note(f"max|z| first pass {label.split(' ')[0]}", z)
    note("mc checks", 1, "count")
    if abs(z) <= Z_FAIL:
        return
    values = [first] + [rerun(sd) for sd in range(2, 2 + CONFIRM)]
    zc = z_of(values)
    print(f"  confirm {label}: {describe(values)}, z={zc:.2f}", flush=True)
    note("confirmations", 1, "count")
    note("max|z| confirmed", zc)
    if abs(zc) > Z_FAIL:
        fail(f"{label}: {describe(values)}, z={zc:.1f}\n    repro: {repro}")


def mc_check(label, f1kit_value, own_values, rerun, repro, floor=0.0):
    """f1kit_value: f1kit at seed 1; own_values: REPS replicates; rerun(seed) -> f1kit's value."""
    own = np.asarray(own_values, float)
    if f1kit_value is None or np.any(np.isnan(own)):
        note("mc skipped (nan)", 1, "count")
        return
    m, s = own.mean(), own.std(ddof=1)
    floor = max(floor, 1e-9 + 1e-9 * abs(m))

    def z_of(values):
        fv = np.asarray(values, float)
        sd = max(s, fv.std(ddof=1)) if len(fv) > 1 else s
        return (fv.mean() - m) / max(sd * math.sqrt(1 / len(fv) + 1 / len(own)), floor)

    def describe(values):
        fv = np.asarray(values, float)
        return (f"f1kit {fv.mean():.6f} (sd {fv.std(ddof=1) if len(fv) > 1 else 0:.3g}, {len(fv)} seeds) "
                f"vs own {m:.6f} (sd {s:.3g}, {len(own)} reps)")
    two_pass(label, f1kit_value, rerun, z_of, describe, repro)


def dig(j, path):
    for p in path:
        if j is None:
            return None
        j = j.get(p) if isinstance(j, dict) else (j[p] if isinstance(p, int) and p < len(j) else None)
    return j


def check_case(ci, case, rng):
    d = f"{OUT}/{ci}"
    names = write_case(case, d)
    args = compare_args(case, names)
    repro = " ".join([BIN] + args + ["--resamples", str(B), "--seed", "1", "--format", "json"])
    j, p, cmd = run_json(args, 1)
    tag = (f"case {ci} {case['design']} n={case['n']} k={case['k']} runs={case['runs']} "
           f"G={case['G']} {case['metric']}")
    expected = case["G"] is not None and case["G"] < 6
    if j is None:
        message = p.stderr.strip().splitlines()[0][:200] if p.stderr.strip() else ""
        print(f"  refused rc={p.returncode}: {tag}: {message}")
        if p.returncode in (64, 65) and expected:
            REFUSALS.append((p.returncode, message, tag))
        else:
            fail(f"{tag}: exit {p.returncode}: {message}\n    repro: {repro}")
        return
    if expected:
        fail(f"{tag}: {case['G']} groups accepted; docs/statistics.md refuses fewer than 6\n    repro: {repro}")
        return
    print(f"  {tag}", flush=True)
    note(f"cases {case['design']}", 1, "count")
    return extract_and_compare(case, j, args, repro, rng, tag)


def f1kit_value(j, key):
    """The f1kit number that own_replicate's key stands for."""
    part, _, rest = key.partition(".")
    if key == "seed_se":
        return dig(j, ["difference", "seed_standard_error"])
    if key in ("item_se", "diff.sd"):
        return dig(j, ["difference", "item_standard_error"])
    if key == "p.bootstrap":
        return dig(j, ["tests", "paired_bootstrap", "p_value"])
    end = key.rsplit(".", 1)[1]
    if part == "diff":
        return dig(j, ["difference", end])
    return dig(j, ["models", 0 if part == "A" else 1, "interval", end])


def f1kit_method(j, part):
    return dig(j, ["difference", "method"]) if part == "diff" else dig(j, ["models", 0 if part == "A" else 1, "interval", "method"])


TEXT_RUNS = re.compile(r"^(\S+): (\S+) .*mean of (\d+) runs: sd (\S+), min (\S+), max (\S+)$", re.M)


def extract_and_compare(case, j, args, repro, rng, tag):
    O = onehots(case)
    RA, RB = case["runs"]
    full = run_values(case, np.ones((1, case["n"])), O)[0]
    est = {"runsA": full[:RA], "runsB": full[RA:], "A": full[:RA].mean(), "B": full[RA:].mean()}
    est["diff"] = est["B"] - est["A"]
    # point estimates and the runs table: exact
    for m, key in ((0, "A"), (1, "B")):
        runs = est["runs" + key]
        got = [r["value"] for r in j["models"][m]["runs"]]
        for r in range(len(runs)):
            note("max|diff| run values", got[r] - runs[r])
            if abs(got[r] - runs[r]) > 1e-12:
                fail(f"{tag}: run {key}{r + 1} value {got[r]!r} vs own {runs[r]!r}\n    repro: {repro}")
        note("max|diff| model values", j["models"][m]["value"] - est[key])
        if abs(j["models"][m]["value"] - est[key]) > 1e-12:
            fail(f"{tag}: model {key} value {j['models'][m]['value']!r} vs own mean {est[key]!r}\n    repro: {repro}")
    note("max|diff| difference value", j["difference"]["value"] - est["diff"])
    if abs(j["difference"]["value"] - est["diff"]) > 1e-12:
        fail(f"{tag}: difference {j['difference']['value']!r} vs own {est['diff']!r}\n    repro: {repro}")
    if max(RA, RB) > 1:
        text = subprocess.run([BIN] + args + ["--resamples", "100"], capture_output=True, text=True).stdout
        rows = {mm.group(1): mm.groups()[1:] for mm in TEXT_RUNS.finditer(text)}
        for key, runs in (("A", est["runsA"]), ("B", est["runsB"])):
            if len(runs) < 2:
                continue
            row = rows.get(key)
            if row is None:
                fail(f"{tag}: no runs line for {key} in the text output\n    repro: {repro}")
                continue
            want = [runs.mean(), runs.std(ddof=1), runs.min(), runs.max()]
            got = [float(row[0]), float(row[2]), float(row[3]), float(row[4])]
            note("runs table checks", 1, "count")
            for label, w, g in zip(["mean", "sd", "min", "max"], want, got):
                if abs(w - g) > 0.5e-4 + 1e-12:
                    fail(f"{tag}: runs table {key} {label} {g} vs own {w:.6f}\n    repro: {repro}")
    # Monte Carlo: REPS own replicates
    jack = jackknife(case) if RA == 1 and RB == 1 else None
    reps = [own_replicate(case, O, est, np.random.default_rng([7, i, int(rng.integers(1 << 30))]), jack)
            for i in range(REPS)]
    if RA == 1 and RB == 1 and j["difference"].get("seed_standard_error") != 0:
        fail(f"{tag}: seed standard error {j['difference'].get('seed_standard_error')} with one run each\n    repro: {repro}")
    cache = {}

    def f1kit_at(seed, method):
        if (seed, method) not in cache:
            extra = ["--ci-method", method] if method else []
            cache[(seed, method)] = run_json(args + extra, seed)[0]
        return cache[(seed, method)]

    cache[(1, None)] = j
    for key in reps[0]:
        if key in ("A.se", "B.se", "diff.se"):
            continue
        part = key.split(".")[0]
        method = None
        if ".percentile." in key and RA == 1 and RB == 1:
            method = "percentile"
        if ".bca." in key:
            fm = f1kit_method(j, part)
            note(f"f1kit method {fm} (own bca)", 1, "count")
            if fm != "bca":
                continue
        elif ".percentile." in key and method is None:
            fm = f1kit_method(j, part)
            if fm != "percentile":
                fail(f"{tag}: {key} method {fm}, expected percentile with several runs\n    repro: {repro}")
                continue
        own = [r[key] for r in reps]
        first = f1kit_value(f1kit_at(1, method), key)
        mc_check(f"{key} {tag}", first, own, lambda sd, key=key, method=method: f1kit_value(f1kit_at(sd, method), key),
                 repro + (f" --ci-method {method}" if method else ""), floor=(1.0 / (B + 1) if key.startswith("p.") else 0))
    if case["design"] == "groups" and RA == 1 and RB == 1:
        check_groups(case, j, args, repro, rng, tag, f1kit_at)
    if case["design"] == "groups" and rng.random() < ITEM_LEVEL_RATE:
        check_item_level(case, O, est, j, repro, rng, tag, f1kit_at)
    if RA >= 2 and RB >= 2 and rng.random() < ASO_RATE:
        check_aso(case, est, repro, tag, f1kit_at)


def check_item_level(case, O, est, j, repro, rng, tag, f1kit_at):
    """design.item_level: the same intervals with items resampled one by one."""
    items = dict(case, design="runs", groups=None, G=None)
    items.pop("_rows", None)
    RA, RB = case["runs"]
    jack = jackknife(items) if RA == 1 and RB == 1 else None
    reps = [own_replicate(items, O, est, np.random.default_rng([8, i, int(rng.integers(1 << 30))]), jack)
            for i in range(REPS)]
    level = dig(j, ["design", "item_level"])
    if level is None:
        fail(f"{tag}: no design.item_level\n    repro: {repro}")
        return
    for part, path in (("A", ["models", 0]), ("B", ["models", 1]), ("diff", ["differences", 0])):
        method = dig(level, path + ["method"])
        if dig(level, path + ["resamples"]) != min(B, 1999):
            fail(f"{tag}: item-level {part} resamples {dig(level, path + ['resamples'])}\n    repro: {repro}")
        own_method = "bca" if RA == 1 and RB == 1 else "percentile"
        note(f"item-level method {method} (own {own_method})", 1, "count")
        if method != own_method:
            if not (own_method == "bca" and method == "percentile"):
                fail(f"{tag}: item-level {part} method {method}, own {own_method}\n    repro: {repro}")
            continue
        for end in ("low", "high"):
            key = f"{part}.{own_method}.{end}"
            mc_check(f"item-level.{key} {tag}", dig(level, path + [end]), [r[key] for r in reps],
                     lambda sd, path=path, end=end: dig(f1kit_at(sd, None), ["design", "item_level"] + path + [end]),
                     repro)


def check_groups(case, j, args, repro, rng, tag, f1kit_at):
    t = dig(j, ["tests", "permutation"])
    if t is None:
        fail(f"{tag}: no grouped permutation test\n    repro: {repro}")
    else:
        if t.get("swaps") != "groups":
            fail(f"{tag}: permutation swaps {t.get('swaps')!r}\n    repro: {repro}")
        R = 40000
        p_own, obs = group_permutation_p(case, rng, R)
        Rf = t["resamples"]

        def z_of(ps):
            expect = (Rf * p_own + 1) / (Rf + 1)
            v = max(p_own * (1 - p_own), 1.0 / Rf)
            return (np.mean(ps) - expect) / math.sqrt(v / (Rf * len(ps)) + v / R)
        two_pass(f"permutation {tag}", t["p_value"],
                 lambda sd: f1kit_at(sd, None)["tests"]["permutation"]["p_value"], z_of,
                 lambda ps: f"grouped permutation p {np.mean(ps):.5f} ({len(ps)} seeds) vs own {p_own:.5f} ({R} swaps)",
                 repro)
    mc = clustered_mcnemar(case)
    t = dig(j, ["tests", "mcnemar"])
    if mc is None:
        note("clustered McNemar undefined (no discordant group)", 1, "count")
        return
    if t is None or t.get("method") != "clustered":
        fail(f"{tag}: no clustered McNemar ({t})\n    repro: {repro}")
        return
    x2, p, disc = mc
    note("clustered McNemar checks", 1, "count")
    note("max|diff| clustered McNemar statistic (rel)", (t["statistic"] - x2) / max(1.0, x2))
    note("max|diff| clustered McNemar p", t["p_value"] - p)
    if (abs(t["statistic"] - x2) > 1e-12 * max(1.0, x2) or abs(t["p_value"] - p) > 1e-12
            or t["discordant"] != disc or t["groups"] != case["G"]):
        fail(f"{tag}: clustered McNemar {t} vs own statistic {x2!r} p {p!r} discordant {disc}\n    repro: {repro}")


def check_aso(case, est, repro, tag, f1kit_at):
    a, b = est["runsA"], est["runsB"]
    f = [dig(f1kit_at(sd, None), ["tests", "aso", "epsilon_min"]) for sd in range(1, 1 + ASO_F1KIT_SEEDS)]
    if any(x is None for x in f):
        fail(f"{tag}: no ASO with {len(a)} and {len(b)} runs\n    repro: {repro}")
        return
    if all(x == 0 for x in f) and b.min() > a.max():
        # every B run beats every A run: deepsig's violation ratio is 0 in every bootstrap
        # sample, so epsilon_min is 0 (fixtures/goldens/aso.json, "clearly better"); deepsig is
        # slow (20-250 s a call on this machine), so the complete orderings are not re-run
        note("aso complete ordering, 0 (deepsig not run)", 1, "count")
        return
    t0 = time.time()
    ds = deepsig_aso(a, b, range(ASO_DEEPSIG_SEEDS))
    f = np.array(f, float)
    sd = max(f.std(ddof=1), ds.std(ddof=1), 0.005)
    z = (f.mean() - ds.mean()) / (sd * math.sqrt(1 / len(f) + 1 / len(ds)))
    print(f"  aso {tag}: f1kit {f.mean():.4f} (sd {f.std(ddof=1):.3f}) deepsig {ds.mean():.4f} (sd {ds.std(ddof=1):.3f}) "
          f"z={z:.2f} ({time.time() - t0:.0f} s)")
    note("aso checks", 1, "count")
    note("max|z| aso", z)
    note("max|diff| aso", f.mean() - ds.mean())
    if abs(z) > Z_FAIL:
        fail(f"{tag}: ASO eps_min f1kit {f.mean():.4f} ({len(f)} seeds) vs deepsig {ds.mean():.4f} "
             f"({len(ds)} seeds), z={z:.1f}; runs A {list(np.round(a, 6))} B {list(np.round(b, 6))}\n    repro: {repro}")


def aso_case(rng):
    """Close models with 2-6 runs each, where epsilon_min is neither 0 nor 1."""
    while True:
        case = gen_case(rng, close=True)
        if case["runs"][0] >= 2 and case["runs"][1] >= 2:
            return case


def check_aso_case(ci, case):
    d = f"{OUT}/{ci}"
    names = write_case(case, d)
    args = compare_args(case, names)
    repro = " ".join([BIN] + args + ["--resamples", str(B), "--seed", "1", "--format", "json"])
    tag = f"aso case {ci} {case['design']} n={case['n']} runs={case['runs']} {case['metric']}"
    cache = {}

    def f1kit_at(seed, method):
        if seed not in cache:
            cache[seed] = run_json(args, seed)[0]
        return cache[seed]
    if f1kit_at(1, None) is None:
        REFUSALS.append((None, "", tag))
        return
    full = run_values(case, np.ones((1, case["n"])), onehots(case))[0]
    RA = case["runs"][0]
    check_aso(case, {"runsA": full[:RA], "runsB": full[RA:]}, repro, tag, f1kit_at)


# Cases that once differed, checked first on every run. "floor": 67 items stratified by gold, two
# runs each, accuracy; Welch-Satterthwaite gives 0.6 degrees of freedom for B - A, which f1kit
# takes as 1 (RunVariance.degreesOfFreedom) while docs/statistics.md gave no floor (now it does).
# Without the floor this script expected [-1, 1] (cut) and p 0.16; f1kit gave about
# [-0.32, 0.89] and p 0.077. Labels and predictions in item order, one character an item.
REGRESSION_CASES = [dict(
    name="floor", design="strata", metric="accuracy",
    gold="0001001100111100011001100000011010001110101001000000100110101101001",
    runs=[["0001011011101111011110001011100101001001101111100010110000101011011",
           "0010111110010000100101000000101001110001000110001101100100010000010"],
          ["0001011010111110001101000000111010001110101101100000100110101101000",
           "0011001100111100011101000100010011101110101011000001100110111101001"]])]


def regression_case(spec):
    gold = np.array([int(c) for c in spec["gold"]])
    preds = [[np.array([int(c) for c in r]) for r in m] for m in spec["runs"]]
    return dict(n=len(gold), k=int(gold.max()) + 1, design=spec["design"], runs=[len(m) for m in preds],
                gold=gold, groups=None, G=None, preds=preds, metric=spec["metric"])


def main():
    global BIN, B, REPS, ASO_RATE
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--minutes", type=float, default=1e9)
    ap.add_argument("--bin", default=BIN)
    ap.add_argument("--aso-rate", type=float, default=ASO_RATE,
                    help="share of cases with two or more runs each whose ASO is checked against deepsig")
    ap.add_argument("--aso", type=int, default=0,
                    help="only ASO: this many cases of close models with 2-6 runs each against deepsig")
    a = ap.parse_args()
    BIN = a.bin
    ASO_RATE = a.aso_rate
    rng = np.random.default_rng(a.seed)
    t0 = time.time()
    done = 0
    for spec in REGRESSION_CASES:
        check_case(f"regression-{spec['name']}", regression_case(spec), np.random.default_rng(0))
    for ci in range(a.aso):
        if time.time() - t0 > a.minutes * 60:
            break
        check_aso_case(f"{a.seed}-aso-{ci}", aso_case(rng))
        done += 1
    for ci in range(0 if a.aso else a.cases):
        if time.time() - t0 > a.minutes * 60:
            break
        case = gen_case(rng)
        try:
            check_case(f"{a.seed}-{ci}", case, np.random.default_rng([a.seed, ci]))
        except Exception as e:  # a crash of this script is reported, not taken for a difference
            import traceback
            traceback.print_exc()
            fail(f"case {a.seed}-{ci}: script error {e!r}")
        done += 1
    print(f"\n==== summary (seed {a.seed}, {done} cases, {time.time() - t0:.0f} s, {BIN})")
    for key in sorted(SUMMARY):
        v = SUMMARY[key]
        print(f"  {key}: {round(v, 6) if isinstance(v, float) else v}")
    print(f"REFUSALS: {len(REFUSALS)}")
    for rc, msg, tag in REFUSALS:
        print(f"   rc={rc} {tag}: {msg}")
    print(f"FAILS: {len(FAILS)}")
    for m in FAILS:
        print("  ", m)
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
