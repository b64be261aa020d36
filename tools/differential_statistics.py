#!/usr/bin/env python3
"""Differential check of f1kit's statistics against scipy/statsmodels on random inputs.

Usage:
  nice python3 tools/differential_statistics.py [--seed S] [--bin PATH] [--only SECTION,...] [--quick]

Sections: mcnemar, perm_exact, perm_mc, boot, holm, evalci, gate, tables, repro.
Every case writes its files under $TMPDIR/f1kit-statistics/<seed>/<section>/ and prints one line per
check; lines starting with FAIL are disagreements beyond the stated tolerance.
Summary (max |diff|, max |z|) at the end.
"""
import argparse, json, os, re, subprocess, sys, math, itertools, hashlib, tempfile
import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.multitest import multipletests

BIN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "f1kit")
OUT = os.path.join(tempfile.gettempdir(), "f1kit-statistics")
SUMMARY = {}
FAILS = []


def note(section, key, value, kind="absmax"):
    s = SUMMARY.setdefault(section, {})
    if kind == "absmax":
        s[key] = max(s.get(key, 0.0), abs(value))
    elif kind == "count":
        s[key] = s.get(key, 0) + value
    else:
        s.setdefault(key, []).append(value)


def fail(section, msg):
    FAILS.append((section, msg))
    print("FAIL", section, msg, flush=True)


def run(args, check=True, env=None, prefix=None):
    cmd = (prefix or []) + [BIN] + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if check and p.returncode not in (0, 1):
        raise RuntimeError(f"rc={p.returncode} {' '.join(cmd)}\n{p.stderr}")
    return p


def run_json(args, **kw):
    p = run(list(args) + ["--format", "json", "--quiet"], **kw)
    try:
        return json.loads(p.stdout), p
    except ValueError:
        if p.returncode == 0:
            p.returncode = -999
            p.stderr = "unparseable JSON: " + p.stdout[:200] + p.stderr
        return {}, p


# ---------------------------------------------------------------- data

def gen_pair(rng, n, k, acc_a, acc_b, overlap=0.0, probs=None):
    probs = probs if probs is not None else np.full(k, 1.0 / k)
    g = rng.choice(k, size=n, p=probs)

    def predict(acc):
        right = rng.random(n) < acc
        wrong = (g + rng.integers(1, k, size=n)) % k if k > 1 else g
        return np.where(right, g, wrong)

    a = predict(acc_a)
    b = predict(acc_b)
    if overlap > 0:
        same = rng.random(n) < overlap
        b = np.where(same, a, b)
    return g, a, b


def write(path, g, p, extra=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    cols = ["id", "label", "prediction"] + ([c for c in extra] if extra else [])
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        for i in range(len(g)):
            row = [str(i), str(g[i]), str(p[i])]
            if extra:
                row += [str(extra[c][i]) for c in extra]
            f.write(",".join(row) + "\n")
    return path


# ---------------------------------------------------------------- metrics on confusion matrices (..., k, k)

def cm_from_items(g, p, k):
    """g, p: (..., n) ints -> (..., k, k) counts [gold, pred]."""
    idx = g * k + p
    cm = np.stack([(idx == j).sum(-1) for j in range(k * k)], -1)
    return cm.reshape(cm.shape[:-1] + (k, k)).astype(float)


def metric(name, cm, pos=1):
    cm = np.asarray(cm, float)
    k = cm.shape[-1]
    s = cm.sum((-1, -2))
    tp = np.diagonal(cm, axis1=-2, axis2=-1)
    gold = cm.sum(-1)
    pred = cm.sum(-2)
    with np.errstate(divide="ignore", invalid="ignore"):
        if name == "accuracy":
            return tp.sum(-1) / s
        if name in ("macro_f1", "binary_f1", "weighted_f1"):
            den = gold + pred
            f1 = np.where(den > 0, 2 * tp / np.where(den > 0, den, 1), 0.0)
            if name == "macro_f1":
                return f1.mean(-1)
            if name == "weighted_f1":
                return (f1 * gold).sum(-1) / gold.sum(-1)
            return f1[..., pos]
        if name == "mcc":
            c = tp.sum(-1)
            num = c * s - (gold * pred).sum(-1)
            den = np.sqrt((s * s - (pred * pred).sum(-1)) * (s * s - (gold * gold).sum(-1)))
            return np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)
        if name == "cohen_kappa":
            po = tp.sum(-1) / s
            pe = (gold * pred).sum(-1) / (s * s)
            return (po - pe) / (1 - pe)
        if name == "balanced_accuracy":
            rec = np.where(gold > 0, tp / np.where(gold > 0, gold, 1), np.nan)
            return np.nanmean(rec, -1)
    raise KeyError(name)


def joint_cells(g, a, b, k):
    """Counts of (gold, A, B) cells, flattened k^3."""
    return np.bincount((g * k + a) * k + b, minlength=k ** 3).astype(float)


def cms_from_joint(counts, k):
    """counts (..., k^3) -> cm of A and B (..., k, k)."""
    c = counts.reshape(counts.shape[:-1] + (k, k, k))
    return c.sum(-1), c.sum(-2)


# ---------------------------------------------------------------- sections

def mid_p(b, c):
    n = b + c
    if n == 0:
        return 1.0
    m = min(b, c)
    return min(1.0, 2 * (stats.binom.cdf(m, n, 0.5) - 0.5 * stats.binom.pmf(m, n, 0.5)))


def expected_mcnemar(b, c, method):
    n = b + c
    table = [[0, b], [c, 0]]
    if method == "mid-p":
        return mid_p(b, c), float(min(b, c))
    if method == "exact":
        if n == 0:
            return 1.0, 0.0
        r = sm_mcnemar(table, exact=True)
        p2 = stats.binomtest(min(b, c), n, 0.5).pvalue
        assert abs(r.pvalue - min(1, p2)) < 1e-9 or True
        return float(r.pvalue), float(r.statistic)
    if method == "chi2":
        if n == 0 or b == c:
            return 1.0, 0.0
        r = sm_mcnemar(table, exact=False, correction=True)
        return float(r.pvalue), float(r.statistic)
    if method == "chi2-uncorrected":
        if n == 0:
            return 1.0, 0.0
        r = sm_mcnemar(table, exact=False, correction=False)
        return float(r.pvalue), float(r.statistic)


def sec_mcnemar(rng, base, cases):
    for case in range(cases):
        n = int(rng.choice([1, 2, 3, 5, 8, 20, 60, 200, 1500, 30000]))
        k = int(rng.choice([2, 3]))
        g, a, b = gen_pair(rng, n, k, rng.uniform(0.3, 1), rng.uniform(0.3, 1), rng.uniform(0, 0.9))
        d = f"{base}/mcnemar/{case}"
        fa, fb = write(f"{d}/a.csv", g, a), write(f"{d}/b.csv", g, b)
        bb = int(((a == g) & (b != g)).sum())
        cc = int(((a != g) & (b == g)).sum())
        labs = sorted(set(g) | set(a) | set(b))
        posopt = ["--positive", labs[-1]] if len(labs) == 2 and labs != [0, 1] else []
        for method in ["mid-p", "exact", "chi2", "chi2-uncorrected"]:
            j, p = run_json(["compare", fa, fb, "--metric", "accuracy", "--mcnemar", method,
                             "--resamples", 100, *posopt], check=False)
            if p.returncode != 0:
                fail("mcnemar", f"rc={p.returncode} n={n} {method}: {p.stderr.strip()[:200]}")
                continue
            t = j["tests"].get("mcnemar")
            if t is None:
                fail("mcnemar", f"no mcnemar test n={n} b={bb} c={cc}")
                continue
            ep, es = expected_mcnemar(bb, cc, method)
            if t["discordant"] != [bb, cc]:
                fail("mcnemar", f"discordant {t['discordant']} != {[bb, cc]} ({d})")
            dp = abs(t["p_value"] - ep)
            note("mcnemar", f"max|dp| {method}", dp)
            note("mcnemar", "cases", 1, "count")
            if dp > 1e-12 * max(1, ep) + 1e-15 and not (ep < 1e-300 and t["p_value"] < 1e-290):
                fail("mcnemar", f"{method} b={bb} c={cc}: f1kit p={t['p_value']!r} expected {ep!r} ({d})")
            if method != "mid-p" and method != "exact":
                ds = abs(t["statistic"] - es)
                note("mcnemar", f"max|dstat| {method}", ds)
                if ds > 1e-9 * max(1, es):
                    fail("mcnemar", f"{method} statistic b={bb} c={cc}: {t['statistic']} vs {es}")


def exact_perm_binary(g, a, b, name, tol_rel=1e-9, tol_abs=1e-12):
    """Exact two-sided permutation p (swap each item's two predictions w.p. 1/2)."""
    k = 2
    conc = a == b
    base = cm_from_items(g[conc], a[conc], k)
    cells = []
    for gg in (0, 1):
        for aa in (0, 1):
            c = int(((g == gg) & (a == aa) & (b == 1 - aa)).sum())
            cells.append((gg, aa, 1 - aa, c))
    grids = np.meshgrid(*[np.arange(c[3] + 1) for c in cells], indexing="ij")
    grids = [x.ravel() for x in grids]
    w = np.ones_like(grids[0], dtype=float)
    cmA = np.broadcast_to(base, (len(w), 2, 2)).copy()
    cmB = cmA.copy()
    for (gg, aa, bb, c), x in zip(cells, grids):
        w *= stats.binom.pmf(x, c, 0.5)
        # x swapped: A* gets bb, B* gets aa
        cmA[:, gg, bb] += x
        cmA[:, gg, aa] += c - x
        cmB[:, gg, aa] += x
        cmB[:, gg, bb] += c - x
    obs = metric(name, cm_from_items(g, b, 2)) - metric(name, cm_from_items(g, a, 2))
    dstar = metric(name, cmB) - metric(name, cmA)
    defined = ~np.isnan(dstar)
    hit = np.abs(dstar) >= abs(obs) * (1 - tol_rel) - tol_abs
    p = (w * (hit & defined)).sum() / (w * defined).sum()
    return float(p), float(obs), int(len(w))


def sec_perm_exact(rng, base, cases, R):
    for case in range(cases):
        n = int(rng.choice([6, 10, 25, 40, 80, 150]))
        pos = rng.uniform(0.05, 0.6)
        g, a, b = gen_pair(rng, n, 2, rng.uniform(0.5, 0.95), rng.uniform(0.5, 0.95),
                           rng.uniform(0, 0.7), probs=np.array([1 - pos, pos]))
        d = f"{base}/perm_exact/{case}"
        fa, fb = write(f"{d}/a.csv", g, a), write(f"{d}/b.csv", g, b)
        for name in ["accuracy", "binary_f1", "mcc", "macro_f1"]:
            j, p = run_json(["compare", fa, fb, "--metric", name, "--test", "permutation",
                             "--resamples", R, "--positive", 1], check=False)
            if p.returncode != 0:
                fail("perm_exact", f"rc={p.returncode} {name} n={n}: {p.stderr.strip()[:200]}")
                continue
            pe, obs, size = exact_perm_binary(g, a, b, name)
            t = j["tests"]["permutation"]
            Rd = t["resamples"]
            pf = t["p_value"]
            expect = (Rd * pe + 1) / (Rd + 1)
            se = math.sqrt(max(pe * (1 - pe), 1.0 / Rd) / Rd)
            z = (pf - expect) / se
            note("perm_exact", "max|z|", z)
            note("perm_exact", "cases", 1, "count")
            dv = abs(j["difference"]["value"] - obs)
            note("perm_exact", "max|d value|", dv)
            if dv > 1e-12:
                fail("perm_exact", f"{name} difference {j['difference']['value']} vs {obs} ({d})")
            if abs(z) > 4.5:
                fail("perm_exact", f"{name} n={n}: f1kit p={pf} exact p={pe:.6g} z={z:.2f} ({d})")


def perm_mc(g, a, b, k, name, R, rng):
    counts = joint_cells(g, a, b, k)
    idx = np.nonzero(counts)[0]
    gg, aa, bb = idx // (k * k), (idx // k) % k, idx % k
    disc = aa != bb
    base_cmA, base_cmB = cms_from_joint(np.where(np.isin(np.arange(k ** 3), idx[~disc]), counts, 0), k)
    dc = counts[idx[disc]]
    x = rng.binomial(dc.astype(int), 0.5, size=(R, len(dc))).astype(float)
    cmA = np.broadcast_to(base_cmA, (R, k, k)).copy()
    cmB = np.broadcast_to(base_cmB, (R, k, k)).copy()
    for j, (g1, a1, b1) in enumerate(zip(gg[disc], aa[disc], bb[disc])):
        cmA[:, g1, b1] += x[:, j]
        cmA[:, g1, a1] += dc[j] - x[:, j]
        cmB[:, g1, a1] += x[:, j]
        cmB[:, g1, b1] += dc[j] - x[:, j]
    obs = metric(name, cm_from_items(g, b, k)) - metric(name, cm_from_items(g, a, k))
    dstar = metric(name, cmB) - metric(name, cmA)
    ok = ~np.isnan(dstar)
    hit = np.abs(dstar[ok]) >= abs(obs) * (1 - 1e-9) - 1e-12
    return float(hit.mean()), float(obs), int(ok.sum())


def sec_perm_mc(rng, base, cases, R, Rown):
    for case in range(cases):
        n = int(rng.choice([30, 100, 300, 1000]))
        k = 3
        g, a, b = gen_pair(rng, n, k, rng.uniform(0.5, 0.9), rng.uniform(0.5, 0.9),
                           rng.uniform(0, 0.6), probs=np.array([0.6, 0.3, 0.1]))
        d = f"{base}/perm_mc/{case}"
        fa, fb = write(f"{d}/a.csv", g, a), write(f"{d}/b.csv", g, b)
        for name in ["macro_f1", "weighted_f1", "cohen_kappa"]:
            j, p = run_json(["compare", fa, fb, "--metric", name, "--test", "permutation",
                             "--resamples", R], check=False)
            if p.returncode != 0:
                fail("perm_mc", f"rc={p.returncode} {name}: {p.stderr.strip()[:200]}")
                continue
            po, obs, Ro = perm_mc(g, a, b, k, name, Rown, rng)
            t = j["tests"]["permutation"]
            Rd = t["resamples"]
            expect = (Rd * po + 1) / (Rd + 1)
            v = max(po * (1 - po), 1.0 / Rd)
            z = (t["p_value"] - expect) / math.sqrt(v / Rd + v / Ro)
            note("perm_mc", "max|z|", z)
            note("perm_mc", "cases", 1, "count")
            if abs(z) > 4.5:
                fail("perm_mc", f"{name} n={n}: f1kit p={t['p_value']} numpy p={po:.6g} z={z:.2f} ({d})")


def boot_dist_joint(g, a, b, k, name, R, rng):
    counts = joint_cells(g, a, b, k)
    n = int(counts.sum())
    draw = rng.multinomial(n, counts / n, size=R).astype(float)
    cmA, cmB = cms_from_joint(draw, k)
    return metric(name, cmB) - metric(name, cmA)


def scipy_paired_ci(g, a, b, k, name, method, R, seed, conf=0.95):
    def stat(gg, aa, bb, axis=-1):
        return metric(name, cm_from_items(gg, bb, k)) - metric(name, cm_from_items(gg, aa, k))
    res = stats.bootstrap((g, a, b), stat, paired=True, vectorized=True, n_resamples=R,
                          method=method, confidence_level=conf, batch=2000,
                          random_state=np.random.default_rng(seed))
    return res


def sec_boot(rng, base, cases, R, Rscipy):
    for case in range(cases):
        n = int(rng.choice([40, 120, 400]))
        k = int(rng.choice([2, 3]))
        probs = np.array([0.7, 0.3]) if k == 2 else np.array([0.5, 0.3, 0.2])
        g, a, b = gen_pair(rng, n, k, rng.uniform(0.6, 0.9), rng.uniform(0.6, 0.9),
                           rng.uniform(0, 0.6), probs=probs)
        d = f"{base}/boot/{case}"
        fa, fb = write(f"{d}/a.csv", g, a), write(f"{d}/b.csv", g, b)
        names = ["accuracy", "macro_f1"] + (["binary_f1"] if k == 2 else ["mcc"])
        for name in names:
            obs = metric(name, cm_from_items(g, b, k)) - metric(name, cm_from_items(g, a, k))
            own = boot_dist_joint(g, a, b, k, name, 200000, rng)
            own = own[~np.isnan(own)]
            p_own = float(np.mean(np.abs(own - obs) >= abs(obs) * (1 - 1e-9) - 1e-12))
            sd = float(own.std(ddof=1))
            for method in ["bca", "percentile", "basic"]:
                j, p = run_json(["compare", fa, fb, "--metric", name, "--test", "bootstrap",
                                 "--ci-method", method, "--resamples", R], check=False)
                if p.returncode != 0:
                    fail("boot", f"rc={p.returncode} {name} {method}: {p.stderr.strip()[:200]}")
                    continue
                dj = j["difference"]
                if dj["method"] != method:
                    note("boot", f"method fallback {method}->{dj['method']}", 1, "count")
                res = scipy_paired_ci(g, a, b, k, name, {"bca": "BCa"}.get(method, method), Rscipy,
                                      int(rng.integers(1 << 31)))
                lo, hi = res.confidence_interval
                if sd == 0:
                    continue
                tol = 0.1 + ((1.0 / n) / sd if name == "accuracy" else 0)
                for end, f, s in (("low", dj["low"], lo), ("high", dj["high"], hi)):
                    if np.isnan(s):
                        note("boot", f"scipy nan {method}", 1, "count")
                        continue
                    u = (f - s) / sd
                    note("boot", f"max|diff|/SE {method} {name}", u)
                    if abs(u) > tol:
                        ei = 0 if end == "low" else 1
                        mm = {"bca": "BCa"}.get(method, method)
                        diff, zc, fv, sv = confirm(
                            lambda sd_: run_json(["compare", fa, fb, "--metric", name, "--test", "bootstrap",
                                                  "--ci-method", method, "--resamples", R, "--seed", sd_])[0]["difference"][end],
                            lambda sd_: scipy_paired_ci(g, a, b, k, name, mm, Rscipy, sd_).confidence_interval[ei])
                        print(f"  confirm boot {name} {method} {end} n={n}: mean diff {diff/sd:+.3f} SE, z={zc:.2f}")
                        note("boot", "confirm max|z|", zc)
                        if abs(zc) < 4:
                            continue
                        fail("boot", f"{name} {method} {end} n={n} k={k}: f1kit {f:.6f} scipy {s:.6f} "
                                     f"({u:+.3f} SE, tol {tol:.3f}) ({d})")
                if method == "bca":
                    t = j["tests"]["paired_bootstrap"]
                    Rd = t["resamples"]
                    expect = (Rd * p_own + 1) / (Rd + 1)
                    v = max(p_own * (1 - p_own), 1.0 / Rd)
                    z = (t["p_value"] - expect) / math.sqrt(v / Rd + v / len(own))
                    note("boot", "max|z| shifted p", z)
                    if abs(z) > 4.5:
                        fail("boot", f"{name} n={n}: paired-bootstrap p {t['p_value']} vs numpy {p_own:.5g} z={z:.2f} ({d})")
                note("boot", "cases", 1, "count")


def confirm(f1kit_end, scipy_end, reps=6):
    """Re-run both sides with new seeds; z of the mean difference of an endpoint."""
    fv = np.array([f1kit_end(s) for s in range(1001, 1001 + reps)])
    sv = np.array([scipy_end(s) for s in range(2001, 2001 + reps)])
    se = math.sqrt(fv.var(ddof=1) / reps + sv.var(ddof=1) / reps)
    diff = fv.mean() - sv.mean()
    return diff, (diff / se if se > 0 else (0.0 if diff == 0 else float("inf"))), fv, sv


def sec_holm(rng, base, cases):
    for case in range(cases):
        m = int(rng.choice([3, 4]))
        n = int(rng.choice([50, 200]))
        g = rng.choice(3, size=n)
        d = f"{base}/holm/{case}"
        files = []
        for i in range(m):
            acc = rng.uniform(0.55, 0.9)
            p = np.where(rng.random(n) < acc, g, (g + rng.integers(1, 3, n)) % 3)
            files.append(write(f"{d}/m{i}.csv", g, p))
        for adj, smname in (("holm", "holm"), ("bh", "fdr_bh")):
            j, p = run_json(["compare", *files, "--resamples", 999, "--adjustment", adj], check=False)
            if p.returncode != 0:
                fail("holm", f"rc={p.returncode}: {p.stderr.strip()[:200]}")
                continue
            comps = j["comparisons"]
            for test in ["permutation", "paired_bootstrap", "mcnemar"]:
                raw = [c["tests"][test]["p_value"] for c in comps if test in c["tests"]]
                got = [c["tests"][test]["adjusted_p_value"] for c in comps if test in c["tests"]]
                exp = multipletests(raw, method=smname)[1]
                dm = float(np.max(np.abs(np.array(got) - exp)))
                note("holm", f"max|d| {adj}", dm)
                note("holm", "cases", 1, "count")
                if dm > 1e-12:
                    fail("holm", f"{adj} {test}: got {got} expected {list(exp)} ({d})")


def sec_evalci(rng, base, cases, R, Rscipy):
    for case in range(cases):
        n = int(rng.choice([30, 100, 400]))
        k = int(rng.choice([2, 3]))
        probs = np.array([0.75, 0.25]) if k == 2 else np.array([0.5, 0.3, 0.2])
        g, a, _ = gen_pair(rng, n, k, rng.uniform(0.6, 0.95), 0.5, probs=probs)
        d = f"{base}/evalci/{case}"
        fa = write(f"{d}/a.csv", g, a)
        for method in ["bca", "percentile", "basic"]:
            j, p = run_json(["evaluate", fa, "--ci", "--ci-method", method, "--resamples", R], check=False)
            if p.returncode != 0:
                fail("evalci", f"rc={p.returncode}: {p.stderr.strip()[:200]}")
                continue
            for name in ["accuracy", "macro_f1", "mcc", "balanced_accuracy", "weighted_f1"] + (
                    ["binary_f1"] if k == 2 else []):
                iv = j["intervals"].get(name)
                if iv is None:
                    continue
                cm = cm_from_items(g, a, k)
                val = metric(name, cm)
                if abs(val - j["metrics"][name]) > 1e-12:
                    fail("evalci", f"{name} value {j['metrics'][name]} vs {val}")

                def stat(gg, pp, axis=-1):
                    return metric(name, cm_from_items(gg, pp, k))
                res = stats.bootstrap((g, a), stat, paired=True, vectorized=True, n_resamples=Rscipy,
                                      method={"bca": "BCa"}.get(method, method), batch=2000,
                                      random_state=np.random.default_rng(int(rng.integers(1 << 31))))
                sd = res.standard_error
                if not sd > 0:
                    continue
                tol = 0.1 + ((1.0 / n) / sd if name in ("accuracy", "balanced_accuracy") else 0)
                for end, f, s in (("low", iv["low"], res.confidence_interval[0]),
                                  ("high", iv["high"], res.confidence_interval[1])):
                    if np.isnan(s):
                        note("evalci", "scipy nan", 1, "count")
                        continue
                    u = (f - s) / sd
                    note("evalci", f"max|diff|/SE {method} {name}", u)
                    if abs(u) > tol:
                        ei = 0 if end == "low" else 1
                        diff, zc, fv, sv = confirm(
                            lambda sd_: run_json(["evaluate", fa, "--ci", "--ci-method", method, "--resamples", R,
                                                  "--seed", sd_])[0]["intervals"][name][end],
                            lambda sd_: stats.bootstrap((g, a), stat, paired=True, vectorized=True,
                                                        n_resamples=Rscipy, batch=2000,
                                                        method={"bca": "BCa"}.get(method, method),
                                                        random_state=np.random.default_rng(sd_)).confidence_interval[ei])
                        print(f"  confirm evalci {name} {method} {end} n={n}: mean diff {diff/sd:+.3f} SE, z={zc:.2f}")
                        note("evalci", "confirm max|z|", zc)
                        if abs(zc) < 4:
                            continue
                        fail("evalci", f"{name} {method} {end} n={n} k={k}: f1kit {f:.6f} scipy {s:.6f} "
                                       f"({u:+.3f} SE, tol {tol:.3f}) method={iv['method']} ({d})")
                note("evalci", "cases", 1, "count")


def gate_expect(mode, margin, lo, hi, lower_better):
    if lower_better:  # mirrored
        lo, hi = -hi, -lo
    if mode == "non-inferiority":
        return lo > -margin
    if mode == "superiority":
        return lo > margin
    return (-margin < lo) and (hi < margin)


def binary_f1_worst_change(g, a, k, mode):
    """The largest decrease (or, for equivalence, change either way) of
    binary F1 (positive label 1, zero_division 0) when the predictions of at
    most k items change: flip `lose_tp` true positives, `lose_fp` false
    positives, `gain_tp` false negatives and `gain_fp` true negatives."""
    tp = int(np.sum((g == 1) & (a == 1)))
    fp = int(np.sum((g != 1) & (a == 1)))
    fn = int(np.sum((g == 1) & (a != 1)))
    tn = len(g) - tp - fp - fn

    def f1(t, p_, pos):
        return 0.0 if pos + p_ == 0 else 2 * t / (pos + p_)

    base = f1(tp, tp + fp, tp + fn)
    worst = 0.0
    for lose_tp, lose_fp, gain_tp, gain_fp in itertools.product(range(k + 1), repeat=4):
        if (lose_tp + lose_fp + gain_tp + gain_fp > k or lose_tp > tp or lose_fp > fp
                or gain_tp > fn or gain_fp > tn):
            continue
        t = tp - lose_tp + gain_tp
        value = f1(t, tp + fp - lose_tp - lose_fp + gain_tp + gain_fp, tp + fn)
        worst = max(worst, base - value, value - base if mode == "equivalence" else 0.0)
    return worst


def sec_gate(rng, base, cases):
    for case in range(cases):
        n = int(rng.choice([20, 80, 300]))
        g, a, b = gen_pair(rng, n, 2, rng.uniform(0.6, 0.9), rng.uniform(0.6, 0.9), rng.uniform(0, 0.7))
        sa = np.clip(np.where(a == 1, rng.uniform(0.5, 1, n), rng.uniform(0, 0.5, n)), 0, 1).round(4)
        sb = np.clip(np.where(b == 1, rng.uniform(0.5, 1, n), rng.uniform(0, 0.5, n)), 0, 1).round(4)
        d = f"{base}/gate/{case}"
        fa = write(f"{d}/a.csv", g, a, {"score": sa})
        fb = write(f"{d}/b.csv", g, b, {"score": sb})
        for metric_name in ["binary_f1", "accuracy", "log_loss", "brier_score", "roc_auc"]:
            mode = str(rng.choice(["non-inferiority", "superiority", "equivalence"]))
            margin = float(rng.choice([0.0, 0.01, 0.03, 0.05, 0.1, 0.2]))
            if mode == "non-inferiority" and margin == 0:
                margin = 0.02
            if mode == "equivalence" and margin == 0:
                margin = 0.05
            extra = ["--score-column", "score", "--positive", 1] if metric_name in (
                "log_loss", "brier_score", "roc_auc") else []
            j, p = run_json(["gate", fa, fb, "--metric", metric_name, "--margin", margin, "--mode", mode,
                             "--resamples", 999, *extra], check=False)
            if p.returncode not in (0, 1):
                fail("gate", f"rc={p.returncode} {metric_name} {mode}: {p.stderr.strip()[:200]}")
                continue
            dj = j["difference"]
            lb = metric_name in ("log_loss", "brier_score")
            exp = gate_expect(mode, margin, dj["low"], dj["high"], lb)
            got = j["decision"] == "pass"
            note("gate", "cases", 1, "count")
            # Since 2 Dec 2026 a gate does not pass on an interval resampling
            # could not fill (no width, or fewer than 10 differing items),
            # unless an exact bound settles it, never for superiority
            # (docs/gate.md): for accuracy the upper bound on the differing
            # share; for binary F1 (fewer than 10 differing items) the exact
            # worst change of the baseline's F1 when k = ceil(share * n) of
            # its predictions change, recomputed here by enumeration.
            shortfall = j.get("shortfall")
            if shortfall is not None:
                share = shortfall.get("share_high")
                differing = shortfall.get("differing_items")
                bound = None
                if metric_name == "accuracy" and mode != "superiority":
                    bound = share
                elif (metric_name == "binary_f1" and mode != "superiority" and differing is not None
                      and differing < 10):
                    k = min(n, math.ceil(share * n))
                    bound = binary_f1_worst_change(g, a, k, mode)
                    got_bound = shortfall.get("metric_change_bound")
                    note("gate", "binary F1 cap checks", 1, "count")
                    if got_bound is None or abs(got_bound - bound) > 1e-12 or shortfall.get(
                            "changed_items_bound") != k:
                        fail("gate", f"binary F1 cap: f1kit k={shortfall.get('changed_items_bound')} "
                                     f"{got_bound} expected k={k} {bound} ({d})")
                if exp:
                    note("gate", "shortfall cases", 1, "count")
                    exp = bound is not None and bound < margin
            if got != exp or (p.returncode == 0) != got:
                fail("gate", f"{metric_name} {mode} margin {margin}: decision {j['decision']} rc={p.returncode}, "
                             f"interval [{dj['low']}, {dj['high']}] expected {'pass' if exp else 'fail'} ({d})")
            # the gate's interval equals compare's
            cj, _ = run_json(["compare", fa, fb, "--metric", metric_name, "--resamples", 999, *extra], check=False)
            if "difference" in cj:
                for key in ("value", "low", "high"):
                    if cj["difference"][key] != dj[key]:
                        fail("gate", f"{metric_name}: gate {key} {dj[key]} != compare {cj['difference'][key]} ({d})")


def fmt(x, digits):
    s = f"{x:.{digits}f}"
    if s.startswith("-") and float(s) == 0:
        s = s  # keep as printed by Python; compared after normalisation below
    return s


def norm_num(s):
    return s.replace("\u2212", "-").replace("$-$", "-").strip()


def sec_tables(rng, base, cases):
    for case in range(cases):
        m = int(rng.choice([2, 3]))
        n = int(rng.choice([40, 150, 600]))
        k = int(rng.choice([2, 3]))
        g = rng.choice(k, size=n)
        d = f"{base}/tables/{case}"
        files = []
        for i in range(m):
            acc = rng.uniform(0.55, 0.9)
            p = np.where(rng.random(n) < acc, g, (g + rng.integers(1, k, n)) % k)
            files.append(write(f"{d}/m{i}.csv", g, p))
        digits = int(rng.choice([2, 3, 4]))
        conf = float(rng.choice([0.9, 0.95, 0.99]))
        common = ["--resamples", 999, "--confidence", conf]
        j, _ = run_json(["compare", *files, *common])
        md = run(["compare", *files, *common, "--format", "markdown", "--digits", digits, "--quiet"]).stdout
        tex = run(["compare", *files, *common, "--format", "latex", "--digits", digits, "--quiet"]).stdout
        models = {mm["name"]: mm for mm in j["models"]}
        if m == 2:
            pairs = {(j["models"][0]["name"], j["models"][1]["name"]): (j["difference"], j["tests"])}
        else:
            pairs = {(c["first"], c["second"]): (c["difference"], c["tests"]) for c in j["comparisons"]}
        for label, text in (("markdown", md), ("latex", tex)):
            rows = [l for l in text.splitlines() if (l.startswith("| ") or l.strip().endswith("\\\\"))]
            for name, mm in models.items():
                esc = name.replace("_", "\\_")
                row = next((r for r in rows if r.lstrip("| ").strip().startswith(esc)), None)
                if row is None:
                    fail("tables", f"{label}: no row for {name}")
                    continue
                cells = [norm_num(c) for c in re.split(r"\s*(?:\||&)\s*", row.strip(" |\\"))]
                want = f"{mm['value']:.{digits}f} [{mm['interval']['low']:.{digits}f}, {mm['interval']['high']:.{digits}f}]"
                cell = cells[1].replace("\\[", "[").replace("\\]", "]")
                note("tables", "cells", 1, "count")
                if cell != want:
                    fail("tables", f"{label} {name}: cell {cell!r} != JSON {want!r} ({d})")
                base_name = j["models"][0]["name"]
                if name != base_name:
                    diff, tests = pairs[(base_name, name)]
                    want_d = f"{diff['value']:.{digits}f} [{diff['low']:.{digits}f}, {diff['high']:.{digits}f}]"
                    cd = cells[2].replace("\\[", "[").replace("\\]", "]")
                    if cd.replace("-0.", "-0.") != want_d and cd != want_d.replace("-", "-"):
                        fail("tables", f"{label} {name}: diff cell {cd!r} != JSON {want_d!r} ({d})")
                    t = tests.get("permutation") or tests.get("paired_bootstrap")
                    pv = t.get("adjusted_p_value", t["p_value"])
                    pc = cells[3].replace("\\*", "*").replace("\\<", "<").replace("\\textless{}", "<")
                    stars = "***" if pv < 0.001 else "**" if pv < 0.01 else "*" if pv < 0.05 else ""
                    want_p = ("< 0.001" if pv < 0.001 else f"{pv:.{max(3, digits)}f}") + stars
                    got_stars = len(pc) - len(pc.rstrip("*"))
                    if got_stars != len(stars):
                        fail("tables", f"{label} {name}: p cell {pc!r} marks {got_stars} but p={pv} ({d})")
                    if pc.rstrip("*").strip() != want_p.rstrip("*"):
                        note("tables", f"p text differs {label}", 1, "count")
                        print(f"  note tables {label} {name}: p cell {pc!r} vs {want_p!r} (conf {conf}, digits {digits})")
                    # verdict wording vs alpha = 1 - conf
                    alpha = 1 - conf
                    stmt = [l for l in text.splitlines() if name.replace("_", "\\_") in l and (
                        "outperforms" in l or "do not differ" in l)]
                    sig = pv < alpha
                    if m == 2 and stmt:
                        says_sig = "outperforms" in stmt[0]
                        if says_sig != sig:
                            fail("tables", f"{label} statement says {'significant' if says_sig else 'not'} "
                                           f"but p={pv} alpha={alpha:.3g}: {stmt[0][:200]} ({d})")
                        if sig and abs(pv - alpha) < 1:
                            # marks use fixed 0.05 thresholds; record when statement and marks disagree
                            if (stars == "") != (not sig):
                                note("tables", "marks vs statement disagree", 1, "count")
                                print(f"  note tables: p={pv} alpha={alpha} stars={stars!r} statement significant={sig} ({d})")


def sec_repro(rng, base):
    n = 500
    g, a, b = gen_pair(rng, n, 3, 0.8, 0.75, 0.3)
    d = f"{base}/repro"
    fa, fb = write(f"{d}/a.csv", g, a), write(f"{d}/b.csv", g, b)
    sa = rng.random(n).round(4)
    sb = rng.random(n).round(4)
    g2 = (g == 1).astype(int)
    grp = rng.integers(0, 40, n)
    fsa = write(f"{d}/sa.csv", g2, (sa >= .5).astype(int), {"score": sa, "grp": grp})
    fsb = write(f"{d}/sb.csv", g2, (sb >= .5).astype(int), {"score": sb, "grp": grp})
    cmds = [["compare", fa, fb, "--format", "json", "--seed", 7, "--quiet"],
            ["compare", fsa, fsb, "--metric", "roc_auc", "--score-column", "score", "--positive", 1,
             "--format", "json", "--seed", 7, "--quiet", "--resamples", 2000],
            ["compare", fsa, fsb, "--group-column", "grp", "--format", "json", "--seed", 7, "--quiet",
             "--resamples", 2000],
            ["evaluate", fa, "--ci", "--format", "json", "--seed", 7, "--quiet"]]
    for c in cmds:
        outs = []
        for prefix, env in ((None, None), (["taskset", "-c", "0"], None),
                            (None, dict(os.environ, LC_ALL="de_DE.UTF-8", TZ="Asia/Kolkata"))):
            outs.append(run(c, prefix=prefix, env=env).stdout)
        hs = [hashlib.sha256(o.encode()).hexdigest()[:12] for o in outs]
        note("repro", "commands", 1, "count")
        if len(set(hs)) != 1:
            fail("repro", f"{' '.join(map(str, c[:2]))}: outputs differ across runs/taskset/env {hs}")
        else:
            print(f"  repro ok {c[0]} {' '.join(map(str, c[3:6]))}: {hs[0]}")


def main():
    global BIN
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=BIN)
    ap.add_argument("--only", default="")
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    BIN = a.bin
    rng = np.random.default_rng(a.seed)
    base = f"{OUT}/{a.seed}"
    only = set(a.only.split(",")) if a.only else None
    q = a.quick

    def want(s):
        return only is None or s in only

    if want("mcnemar"): sec_mcnemar(rng, base, 10 if q else 40)
    if want("perm_exact"): sec_perm_exact(rng, base, 4 if q else 12, 20000 if q else 100000)
    if want("perm_mc"): sec_perm_mc(rng, base, 2 if q else 6, 20000 if q else 100000, 100000)
    if want("boot"): sec_boot(rng, base, 2 if q else 6, 20000, 30000 if q else 50000)
    if want("holm"): sec_holm(rng, base, 2 if q else 6)
    if want("evalci"): sec_evalci(rng, base, 2 if q else 5, 20000, 30000 if q else 50000)
    if want("gate"): sec_gate(rng, base, 3 if q else 10)
    if want("tables"): sec_tables(rng, base, 3 if q else 10)
    if want("repro"): sec_repro(rng, base)
    print("\n==== summary (seed %d, %s)" % (a.seed, BIN))
    for s, d in SUMMARY.items():
        print(s, json.dumps({k: (round(v, 6) if isinstance(v, float) else v) for k, v in d.items()}))
    print(f"FAILS: {len(FAILS)}")
    for s, m in FAILS:
        print("  ", s, m)
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
