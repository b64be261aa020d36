#!/usr/bin/env python3
"""How often a range around the gate's needed test-set size holds the size
the population needs: the Clopper–Pearson range on the differing share
against a Satterthwaite range from influence values.

An independent numpy check behind docs/gate.md, "Choosing a margin", step 2.
Equally good models (true difference 0), margin 0.02, power 0.8, 95%
intervals. For each test set the needed size is z²·SE²·n/D² with SE the
bootstrap standard error (999 resamples) and z = z₀.₉₇₅ + z₀.₈; the
population's needed size is the same with the standard deviation of the
plug-in difference over 20,000 test sets.

- Clopper–Pearson (the gate's range since de1469d): the needed size times
  each end of the exact 95% interval on the share of differing items over
  the observed share.
- Satterthwaite: u_i the jackknife influence values of the difference (one
  per item, or per group when whole groups are resampled), relative
  variance of SE² ≈ (m₄/m₂² − 1)/n, ν = 2/that, and the needed size times
  ν/χ²₀.₉₇₅,ν … ν/χ²₀.₀₂₅,ν.

Populations: those of tools/gate_studentized_check.py (baseline 80%
accurate, the candidate fixes 10% of its errors and breaks a solved share
of its right predictions) for accuracy and binary F1 (30% positives) and
macro-F1 (shares 0.5/0.3/0.2) at 500 and 2,000 items; and the grouped
DesignPopulation(groups: 60, itemsPerGroup: 15, groupSpread: 0.3) of
Tests/F1KitStatisticsTests (balanced binary gold, group accuracy uniform on
[0.35, 0.95], both models right independently with their group's
accuracy), for accuracy and binary F1, groups resampled whole.

Fixed seeds; prints the coverage table docs/gate.md quotes. A few minutes.
`--stratified` prints instead the same items with each gold class's count
fixed (`--stratify gold`): test sets and resamples draw each class apart.
`--multilabel` prints instead micro-, macro- and samples-F1 of two equally
good multilabel models over three labels (`multilabel_cells`), 9,999
resamples: the range from ν of the jackknife variances of 200 resamples, as
`f1kit` brackets label sets' needed sizes, beside the Satterthwaite range.

    python3 tools/needed_size_range_check.py 400
    python3 tools/needed_size_range_check.py 400 --stratified
    python3 tools/needed_size_range_check.py 400 --multilabel
"""
import numpy as np
from scipy.stats import beta, chi2, norm

from gate_studentized_check import pop, solve  # the item populations

Z = norm.ppf(0.975) + norm.ppf(0.8)
D = 0.02
B = 999


def f1s(M, metric):
    """Metric of confusion matrices M[..., gold, predicted]."""
    tp = np.diagonal(M, axis1=-2, axis2=-1)
    pred = M.sum(-2)
    gold = M.sum(-1)
    f = np.where(pred + gold > 0, 2 * tp / np.maximum(pred + gold, 1e-300), 0)
    if metric == 'binary':
        return f[..., 1]
    if metric == 'macro':
        return f.mean(-1)
    return tp.sum(-1) / M.sum((-1, -2))


def diff(C, metric):
    """Candidate − baseline of counts C[..., gold, baseline, candidate]."""
    return f1s(C.sum(-2), metric) - f1s(C.sum(-1), metric)


def satterthwaite(u, w=None):
    """Range factors of SE² from influence values u (weights w)."""
    w = np.ones_like(u) if w is None else w
    n = w.sum()
    u = u - (w * u).sum() / n
    m2 = (w * u**2).sum() / n
    m4 = (w * u**4).sum() / n
    if m2 <= 0:
        return None
    rel = (m4 / m2**2 - 1) / n
    nu = 2 / rel
    return nu / chi2.ppf(0.975, nu), nu / chi2.ppf(0.025, nu), nu


def clopper(m, n):
    if m == 0:
        return None
    share = m / n
    lo = beta.ppf(0.025, m, n - m + 1)
    hi = 1.0 if m == n else beta.ppf(0.975, m + 1, n - m)
    return lo / share, hi / share


def summarize(name, truth, needs, ranges):
    out = [name, "true %.0f" % truth, "median needed %.0f" % np.median(needs)]
    for label, rs in ranges.items():
        rs = np.array([r for r in rs if r is not None])
        cov = np.mean((rs[:, 0] <= truth) & (truth <= rs[:, 1]))
        low = np.mean(truth < rs[:, 0])
        span = np.median(rs[:, 1] / rs[:, 0])
        out.append("%s %.3f (above %.3f) span %.2f" % (label, cov, low, span))
    print(" | ".join(out), flush=True)


def items(metric, shares, n, T, rng):
    P = solve(shares, metric, 0.0)
    k = len(shares)
    flat = P.ravel()
    C = rng.multinomial(n, flat, size=20000).reshape(-1, k, k, k).astype(float)
    truth = Z**2 * diff(C, metric).var(ddof=1) * n / D**2
    needs, cp, sat = [], [], []
    for _ in range(T):
        c = rng.multinomial(n, flat)
        R = rng.multinomial(n, c / n, size=B).reshape(B, k, k, k).astype(float)
        se2 = diff(R, metric).var(ddof=1)
        need = Z**2 * se2 * n / D**2
        # Jackknife influence per occupied cell: leave one of its items out.
        cells = np.nonzero(c)[0]
        loo = np.repeat(c[None, :].astype(float), len(cells), 0)
        loo[np.arange(len(cells)), cells] -= 1
        jk = diff(loo.reshape(-1, k, k, k), metric)
        u = (n - 1) * (-jk)  # centred in satterthwaite()
        s = satterthwaite(u, c[cells].astype(float))
        C3 = c.reshape(k, k, k)
        m = int(C3.sum() - np.einsum('gbb->', C3))
        f = clopper(m, n)
        needs.append(need)
        cp.append(None if f is None else (need * f[0], need * f[1]))
        sat.append(None if s is None else (need * s[0], need * s[1]))
    summarize("%s n=%d" % (metric, n), truth, needs, {"CP": cp, "Satt": sat})


def stratified(metric, shares, n, T, rng):
    """Items with each gold class's count fixed by design (`--stratify
    gold`): test sets and resamples draw each class's items apart. The
    gate's ν comes from the same per-cell jackknife as without strata."""
    P = solve(shares, metric, 0.0)
    k = len(shares)
    sizes = np.round(np.array(shares) * n).astype(int)
    sizes[-1] = n - sizes[:-1].sum()
    within = [P[g].ravel() / P[g].sum() for g in range(k)]

    def draw(size):
        C = np.zeros((size, k, k, k))
        for g in range(k):
            C[:, g] = rng.multinomial(sizes[g], within[g], size=size).reshape(size, k, k)
        return C

    truth = Z**2 * diff(draw(20000), metric).var(ddof=1) * n / D**2
    needs, sat = [], []
    for _ in range(T):
        c = draw(1)[0]
        R = np.zeros((B, k, k, k))
        for g in range(k):
            R[:, g] = rng.multinomial(sizes[g], c[g].ravel() / sizes[g], size=B).reshape(B, k, k)
        se2 = diff(R, metric).var(ddof=1)
        need = Z**2 * se2 * n / D**2
        flat = c.ravel()
        cells = np.nonzero(flat)[0]
        loo = np.repeat(flat[None, :], len(cells), 0)
        loo[np.arange(len(cells)), cells] -= 1
        jk = diff(loo.reshape(-1, k, k, k), metric)
        s = satterthwaite((n - 1) * (-jk), flat[cells])
        needs.append(need)
        sat.append(None if s is None else (need * s[0], need * s[1]))
    summarize("stratified %s n=%d" % (metric, n), truth, needs, {"Satt": sat})


def draw_groups(rng, G=60, per=15, spread=0.3, base=0.65):
    """Counts per group: (G, 2 gold, 2 baseline, 2 candidate)."""
    acc = base + spread * (2 * rng.random(G) - 1)
    gold = rng.integers(0, 2, (G, per))
    right1 = rng.random((G, per)) < acc[:, None]
    right2 = rng.random((G, per)) < acc[:, None]
    p1 = np.where(right1, gold, 1 - gold)
    p2 = np.where(right2, gold, 1 - gold)
    idx = gold * 4 + p1 * 2 + p2
    out = np.zeros((G, 8))
    for g in range(G):
        out[g] = np.bincount(idx[g], minlength=8)
    return out


def groups(metric, T, rng, G=60):
    sims = np.array([draw_groups(rng).sum(0) for _ in range(20000)])
    truth = Z**2 * diff(sims.reshape(-1, 2, 2, 2), metric).var(ddof=1) * G / D**2
    needs, cp, sat = [], [], []
    for _ in range(T):
        g = draw_groups(rng, G)
        W = rng.multinomial(G, np.full(G, 1 / G), size=B).astype(float)
        se2 = diff((W @ g).reshape(-1, 2, 2, 2), metric).var(ddof=1)
        need = Z**2 * se2 * G / D**2
        jk = diff((g.sum(0)[None, :] - g).reshape(-1, 2, 2, 2), metric)
        s = satterthwaite((G - 1) * (-jk))
        needs.append(need)
        sat.append(None if s is None else (need * s[0], need * s[1]))
        # The items' Clopper–Pearson range, as if items were independent.
        tot = g.sum(0).reshape(2, 2, 2)
        n = int(tot.sum())
        m = int(n - np.einsum('gbb->', tot))
        f = clopper(m, n)
        cp.append(None if f is None else (need * f[0], need * f[1]))
    summarize("groups %s G=%d" % (metric, G), truth, needs, {"CP(items)": cp, "Satt": sat})


def multilabel_cells(prevalence=(.5, .3, .15), miss=.25, false_alarm=.1):
    """Cell probabilities and per-cell tallies of (gold set, A set, B set)
    over three labels, each label present independently with its
    prevalence; each model misses a present label with probability `miss`
    and adds an absent one with `false_alarm`, independently: two equally
    good models (true difference about 0)."""
    L = len(prevalence)
    sets = np.array([[(s >> j) & 1 for j in range(L)] for s in range(1 << L)])
    pg = np.prod(np.where(sets == 1, prevalence, 1 - np.array(prevalence)), 1)
    ppred = np.where(sets[:, None, :] == 1,
                     np.where(sets[None, :, :] == 1, 1 - miss, miss),
                     np.where(sets[None, :, :] == 1, false_alarm, 1 - false_alarm)).prod(-1)
    probs, tallies = [], []
    for g in range(1 << L):
        for a in range(1 << L):
            for b in range(1 << L):
                probs.append(pg[g] * ppred[g, a] * ppred[g, b])
                row = []
                for p in (a, b):
                    gs, ps = sets[g], sets[p]
                    tp, fp, fn = gs & ps, (1 - gs) & ps, gs & (1 - ps)
                    denom = gs.sum() + ps.sum()
                    row.append(np.concatenate([tp, fp, fn, [2 * tp.sum() / denom if denom else 0.0]]))
                tallies.append(row)
    return np.array(probs), np.array(tallies, dtype=float)  # (cells,), (cells, 2, 3L+1)


def multilabel_diff(C, T, metric):
    """B − A of micro-, macro- or samples-F1 from cell counts C[..., cells]."""
    return multilabel_diff_of_sums(np.tensordot(C, T, axes=([-1], [0])), C.sum(-1), metric)


def multilabel_diff_of_sums(S, n, metric):
    """B − A from the summed tallies S[..., 2, 3L+1] of n items."""
    L = (S.shape[-1] - 1) // 3
    tp, fp, fn = S[..., :L], S[..., L:2 * L], S[..., 2 * L:3 * L]
    if metric == 'micro':
        t, f = tp.sum(-1), fp.sum(-1) + fn.sum(-1)
        v = 2 * t / np.maximum(2 * t + f, 1e-300)
    elif metric == 'macro':
        v = (2 * tp / np.maximum(2 * tp + fp + fn, 1e-300)).mean(-1)
    else:
        v = S[..., -1] / np.asarray(n, dtype=float)[..., None]
    return v[..., 1] - v[..., 0]


def multilabel_jackknife(c, tallies, metric):
    """Leave-one-item-out differences of the occupied cells, their weights
    and the jackknife variance."""
    n = c.sum()
    cells = np.nonzero(c)[0]
    # Leaving one item of a cell out takes that cell's tallies off the sums.
    S = np.tensordot(c.astype(float), tallies, axes=([-1], [0]))
    jk = multilabel_diff_of_sums(S[None] - tallies[cells], np.full(len(cells), n - 1), metric)
    w = c[cells].astype(float)
    mean = (w * jk).sum() / n
    return jk, w, (n - 1) / n * (w * (jk - mean)**2).sum()


def multilabel(metric, n, T, rng, R=9999, K=200):
    """Multilabel items, R resamples as the CLI's default: the range `f1kit`
    gives label sets, ν = 2 / (relative variance of the jackknife variance
    over the first K resamples + 2/(R − 1)), beside the Satterthwaite ν of
    the observed leave-one-out values that single-label pairs use."""
    probs, tallies = multilabel_cells()
    C = rng.multinomial(n, probs, size=20000).astype(float)
    truth = Z**2 * multilabel_diff(C, tallies, metric).var(ddof=1) * n / D**2
    needs, resampled, sat = [], [], []
    for _ in range(T):
        c = rng.multinomial(n, probs)
        Rs = rng.multinomial(n, c / n, size=R)
        need = Z**2 * multilabel_diff(Rs.astype(float), tallies, metric).var(ddof=1) * n / D**2
        jk, w, _ = multilabel_jackknife(c, tallies, metric)
        s = satterthwaite((n - 1) * (-jk), w)
        v = np.array([multilabel_jackknife(r, tallies, metric)[2] for r in Rs[:K]])
        nu = 2 / (v.var(ddof=1) / v.mean()**2 + 2 / (R - 1))
        needs.append(need)
        resampled.append((need * nu / chi2.ppf(0.975, nu), need * nu / chi2.ppf(0.025, nu)))
        sat.append(None if s is None else (need * s[0], need * s[1]))
    summarize("multilabel %s n=%d" % (metric, n), truth, needs,
              {"resampled": resampled, "Satt": sat})


if __name__ == '__main__':
    import sys
    counts = [a for a in sys.argv[1:] if a.isdigit()]
    T = int(counts[0]) if counts else 300
    if '--multilabel' in sys.argv:
        rng = np.random.default_rng(38)
        for metric in ['micro', 'macro', 'samples']:
            for n in [500, 2000]:
                multilabel(metric, n, T, rng)
        sys.exit()
    if '--stratified' in sys.argv:
        rng = np.random.default_rng(37)
        for metric, shares in [('acc', [.7, .3]), ('binary', [.7, .3]), ('macro', [.5, .3, .2])]:
            for n in [500, 2000]:
                stratified(metric, shares, n, T, rng)
        sys.exit()
    rng = np.random.default_rng(36)
    for metric, shares in [('acc', [.7, .3]), ('binary', [.7, .3]), ('macro', [.5, .3, .2])]:
        for n in [500, 2000]:
            items(metric, shares, n, T, rng)
    for metric in ['acc', 'binary']:
        groups(metric, T, np.random.default_rng(60))
