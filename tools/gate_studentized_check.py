#!/usr/bin/env python3
"""Would a studentized (bootstrap-t) lower end keep the gate's 2.5% for F1?

A numpy prototype behind docs/gate.md, "How often the gate passes a worse
candidate", the paragraph "A studentized interval does not fix it": on the
one-file-per-model populations of Tests/F1KitStatisticsTests/
GateSimulation.swift (the same as tools/gate_f1_interval_check.py) it
draws test sets of joint (gold, baseline, candidate) counts and compares
three two-sided 95% intervals of candidate - baseline from the same 999
count resamples:

* percentile;
* BCa (jackknife acceleration over items, as F1Kit's);
* studentized (bootstrap-t): for each resample b the difference d*_b and
  its delta-method standard error se*_b from that resample's joint counts,
  t*_b = (d*_b - d)/se*_b, interval [d - t*_(1-a/2) se, d - t*_(a/2) se]
  with se the delta-method SE on the observed counts.

The delta-method SE of a paired difference: cells c = (g, a, b) with
proportions p_c and gradient d_c = dF_A/dq(g,a) - dF_B/dq(g,b), so
Var = (sum p_c d_c^2 - (sum p_c d_c)^2) / N.

A resample whose se* is 0 (every item has the same gradient, e.g. no
differing item drawn) gets t* = 0 when d* = d and +/-inf otherwise, so it
stays in the quantile and can only widen the interval.

Rows: non-inferiority at a true difference of -margin (false PASS: lower
end > -margin), superiority at a true difference of 0 (false PASS: lower
end > 0), and power: non-inferiority at a true difference of 0. A test
set with fewer than 10 differing items (where the gate's exact bound
decides; rare here, with 24-30 differing items expected at 500 items)
counts as not passing.
Fixed seeds (3 for the SE check, 101 and up for the rows);
`python3 tools/gate_studentized_check.py [trials]` (the doc's table:
10,000 test sets a row, about 22 minutes at load 4 on 2 cores).

`python3 tools/gate_studentized_check.py --t-quantiles` prints the true
t statistic's quantiles over 100,000 test sets of 500 items at -0.02 and
the bootstrap-t quantiles averaged over 300 of them (seed 11; a minute).

`python3 tools/gate_studentized_check.py --calibrated [trials]` instead
measures a double-bootstrap (calibrated) percentile lower end on six
500-item rows: 499 outer resamples, 199 inner resamples of each; for each
outer resample u_b is the share of its inner differences at or below the
observed difference, and the lower end is the outer distribution's
quantile at the alpha/2 quantile of u_b (the iterated bootstrap of Hall
and Martin 1988, Biometrika 75, 661-671). Seed 21 for every row; the
doc's numbers: the first two rows at 1,500 test sets, about 6 CPU-minutes
a row.

`python3 tools/gate_studentized_check.py --tilted [trials]` measures a
test-inversion alternative on six 500-item rows: a one-sided bootstrap
test of "difference <= bound" from the observed cell shares exponentially
tilted along the delta-method gradient until their difference is the
bound (so the spread is taken at the null, as a score test's is); PASS
when p = (1 + #{d* >= d}) / 1000 <= 0.025. Seeds 31 and up; the doc's
numbers: 3,000 test sets a row, about 2 minutes a row.
"""
import sys
import numpy as np
from scipy.stats import norm


def pop(shares, acc, fix, brk):
    k = len(shares)
    P = np.zeros((k, k, k))
    for g in range(k):
        for b in range(k):
            right = b == g
            s = shares[g] * (acc if right else (1 - acc) / (k - 1))
            for c in range(k):
                if right:
                    ch = 1 - brk if c == b else brk / (k - 1)
                elif c == b:
                    ch = 1 - fix
                else:
                    ch = fix if c == g else 0
                P[g, b, c] = s * ch
    return P


def metric_and_gradient(M, metric):
    """Metric of confusion matrices M[..., gold, pred] and its gradient
    with respect to the cell proportions (M divided by its total)."""
    k = M.shape[-1]
    n = M.sum((-1, -2))[..., None, None]
    q = M / np.maximum(n, 1e-300)
    eye = np.eye(k)
    if metric == 'acc':
        f = np.trace(q, axis1=-2, axis2=-1)
        return f, np.broadcast_to(eye, q.shape)
    tp = np.diagonal(q, axis1=-2, axis2=-1)
    s = q.sum(-2) + q.sum(-1)  # predicted + gold, per class
    ok = s > 0
    ss = np.where(ok, s, 1.0)
    fj = np.where(ok, 2 * tp / ss, 0.0)
    # dF_j/dq[g,p] = 2*1(g=p=j)/S_j - 2 T_j (1(p=j) + 1(g=j)) / S_j^2
    a = np.where(ok, 2 / ss, 0.0)  # (..., k)
    c = np.where(ok, 2 * tp / ss**2, 0.0)
    # gradient for class j as a (k,k) matrix: a_j * E_jj - c_j*(col j + row j)
    G = (a[..., :, None, None] * eye[:, :, None] * eye[:, None, :]
         - c[..., :, None, None] * (eye[:, None, :] + eye[:, :, None]))  # (..., j, g, p)
    if metric == 'binary':
        return fj[..., 1], G[..., 1, :, :]
    return fj.mean(-1), G.mean(-3)


def diff_and_se(C, metric):
    """C[..., g, a, b] joint counts; returns candidate - baseline and its
    delta-method SE."""
    fa, ga = metric_and_gradient(C.sum(-1), metric)  # baseline: gold x a
    fb, gb = metric_and_gradient(C.sum(-2), metric)  # candidate: gold x b
    d = fb - fa
    grad = gb[..., :, None, :] - ga[..., :, :, None]  # (..., g, a, b)
    n = C.sum((-1, -2, -3))
    p = C / n[..., None, None, None]
    m1 = (p * grad).sum((-1, -2, -3))
    m2 = (p * grad**2).sum((-1, -2, -3))
    return d, np.sqrt(np.maximum(m2 - m1**2, 0) / n)


def intervals(C, metric, B, rng, alpha=0.05):
    k = C.shape[0]
    flat = C.ravel().astype(float)
    n = int(flat.sum())
    d, se = diff_and_se(C.astype(float), metric)
    R = rng.multinomial(n, flat / n, size=B).reshape(B, k, k, k).astype(float)
    th, ses = diff_and_se(R, metric)
    lo_p, hi_p = np.quantile(th, [alpha / 2, 1 - alpha / 2])
    # BCa with jackknife over items (leave one item out per nonempty cell)
    z0 = norm.ppf(np.clip(np.mean(th < d), 1e-12, 1 - 1e-12))
    idx = np.nonzero(flat)[0]
    J = np.repeat(flat[None, :], len(idx), 0)
    J[np.arange(len(idx)), idx] -= 1
    jk, _ = diff_and_se(J.reshape(-1, k, k, k), metric)
    w = flat[idx]
    m = (w * jk).sum() / w.sum()
    den = 6 * ((w * (m - jk) ** 2).sum()) ** 1.5
    acc = (w * (m - jk) ** 3).sum() / den if den > 0 else 0.0
    qs = []
    for z in (norm.ppf(alpha / 2), norm.ppf(1 - alpha / 2)):
        qs.append(norm.cdf(z0 + (z0 + z) / (1 - acc * (z0 + z))))
    lo_b, hi_b = np.quantile(th, qs)
    # studentized
    with np.errstate(divide='ignore', invalid='ignore'):
        t = np.where(ses > 0, (th - d) / ses,
                     np.where(th == d, 0.0, np.sign(th - d) * np.inf))
    tlo, thi = np.quantile(t, [alpha / 2, 1 - alpha / 2])
    lo_t, hi_t = d - thi * se, d - tlo * se
    return (lo_p, lo_b, lo_t), (hi_p, hi_b, hi_t), d, se, th.std()


def solve(shares, metric, target, fix=0.1):
    lo, hi = 0.0, 1.0
    for _ in range(100):
        m = (lo + hi) / 2
        P = pop(shares, 0.8, fix, m)
        if diff_and_se(P, metric)[0] > target:
            lo = m
        else:
            hi = m
    return pop(shares, 0.8, fix, (lo + hi) / 2)


SHARES = {'acc': [.7, .3], 'binary': [.7, .3], 'macro': [.5, .3, .2]}


def run(metric, n, true_diff, bar, trials, seed, B=999):
    P = solve(SHARES[metric], metric, true_diff)
    k = P.shape[0]
    rng = np.random.default_rng(seed)
    passes = np.zeros(3)
    for _ in range(trials):
        C = rng.multinomial(n, P.ravel()).reshape(k, k, k)
        differing = C.sum() - sum(C[g, a, a] for g in range(k) for a in range(k))
        if differing < 10:
            continue  # the gate's exact bound decides; counted as not passing
        lows, _, _, _, _ = intervals(C, metric, B, rng)
        passes += np.array(lows) > bar
    return passes / trials


def se_check():
    """Delta-method SE against the bootstrap SE on a large sample."""
    rng = np.random.default_rng(3)
    for metric in SHARES:
        P = solve(SHARES[metric], metric, -0.02)
        k = P.shape[0]
        C = rng.multinomial(20000, P.ravel()).reshape(k, k, k)
        _, _, d, se, bse = intervals(C, metric, 4000, rng)
        print(f"{metric}: n=20000 delta-method SE {se:.6f} bootstrap SE {bse:.6f}")


def calibrated_lower(C, metric, B1, B2, rng, alpha=0.05):
    """The percentile lower end and the double-bootstrap calibrated one,
    with the calibrated level."""
    k = C.shape[0]
    flat = C.ravel().astype(float)
    n = int(flat.sum())
    d, _ = diff_and_se(C.astype(float), metric)
    R = rng.multinomial(n, flat / n, size=B1)
    th, _ = diff_and_se(R.reshape(B1, k, k, k).astype(float), metric)
    inner = rng.multinomial(n, R / n, size=(B2, B1))
    thi, _ = diff_and_se(inner.reshape(B2, B1, k, k, k).astype(float), metric)
    u = np.mean(thi <= d, axis=0)
    beta = np.quantile(u, alpha / 2)
    return np.quantile(th, alpha / 2), np.quantile(th, np.clip(beta, 0, 1)), beta


def run_calibrated(metric, n, true_diff, bar, trials, seed, B1=499, B2=199):
    P = solve(SHARES[metric], metric, true_diff)
    k = P.shape[0]
    rng = np.random.default_rng(seed)
    pp = pc = 0
    betas = []
    for _ in range(trials):
        C = rng.multinomial(n, P.ravel()).reshape(k, k, k)
        differing = C.sum() - sum(C[g, a, a] for g in range(k) for a in range(k))
        if differing < 10:
            continue
        lp, lc, b = calibrated_lower(C, metric, B1, B2, rng)
        betas.append(b)
        pp += lp > bar
        pc += lc > bar
    return pp / trials, pc / trials, np.mean(betas)


def calibrated_rows(trials):
    print(f"trials {trials}; columns percentile, calibrated percentile, mean level")
    for metric, n, true_diff, bar in [
            ('binary', 500, -0.01, -0.01), ('binary', 500, 0.0, 0.0),
            ('acc', 500, -0.01, -0.01), ('binary', 500, -0.02, -0.02),
            ('binary', 500, 0.0, -0.02), ('acc', 500, 0.0, -0.02)]:
        r = run_calibrated(metric, n, true_diff, bar, trials, 21)
        print(metric, n, true_diff, bar, " ".join(f"{x:.4f}" for x in r))
        sys.stdout.flush()


def tilted_pass(C, metric, bound, B, rng, alpha=0.05):
    """Whether a one-sided test of difference <= bound rejects at alpha/2:
    a bootstrap from the observed cell shares exponentially tilted along
    the delta-method gradient until their difference is exactly `bound`,
    p = (1 + #{d* >= d}) / (B + 1)."""
    k = C.shape[0]
    flat = C.ravel().astype(float)
    n = flat.sum()
    d, _ = diff_and_se(C.astype(float), metric)
    if d <= bound:
        return False
    _, ga = metric_and_gradient(C.sum(-1).astype(float), metric)
    _, gb = metric_and_gradient(C.sum(-2).astype(float), metric)
    grad = (gb[:, None, :] - ga[:, :, None]).ravel()
    p = flat / n
    g = grad - (p * grad).sum()
    observed = p > 0  # the tilt keeps the empirical support
    lowest = g[observed].min()

    def tilt(lam):
        w = np.zeros_like(p)
        w[observed] = p[observed] * np.exp(lam * (g[observed] - lowest))
        return w / w.sum()

    def tilted_difference(lam):
        # Far tilts underflow some shares; only the difference is used.
        with np.errstate(all='ignore'):
            return diff_and_se(tilt(lam).reshape(k, k, k), metric)[0]

    lo, hi = -1.0, 0.0
    while tilted_difference(lo) > bound:
        lo *= 2
        if lo < -1e6:
            return True  # the support cannot reach the bound
    for _ in range(50):
        mid = (lo + hi) / 2
        if tilted_difference(mid) > bound:
            hi = mid
        else:
            lo = mid
    R = rng.multinomial(int(n), tilt((lo + hi) / 2), size=B)
    th, _ = diff_and_se(R.reshape(B, k, k, k).astype(float), metric)
    return (1 + np.sum(th >= d)) / (B + 1) <= alpha / 2


def tilted_rows(trials):
    print(f"trials {trials}, 999 resamples; tilted null bootstrap PASS rate")
    for seed, (metric, n, true_diff, bar) in enumerate([
            ('binary', 500, -0.01, -0.01), ('binary', 500, -0.02, -0.02),
            ('binary', 500, 0.0, 0.0), ('acc', 500, -0.01, -0.01),
            ('acc', 500, 0.0, 0.0), ('binary', 500, 0.0, -0.02)], start=31):
        P = solve(SHARES[metric], metric, true_diff)
        k = P.shape[0]
        rng = np.random.default_rng(seed)
        passes = 0
        for _ in range(trials):
            C = rng.multinomial(n, P.ravel()).reshape(k, k, k)
            differing = C.sum() - sum(C[g, a, a] for g in range(k) for a in range(k))
            if differing >= 10:
                passes += tilted_pass(C, metric, bar, 999, rng)
        print(metric, n, true_diff, bar, f"{passes / trials:.4f}")
        sys.stdout.flush()


def t_quantiles():
    """The true t statistic's tails over 100,000 test sets against the
    bootstrap-t quantiles averaged over 300 of them (500 items, -0.02)."""
    rng = np.random.default_rng(11)
    for metric in ['acc', 'binary']:
        P = solve(SHARES[metric], metric, -0.02)
        k = P.shape[0]
        C = rng.multinomial(500, P.ravel(), size=100000).reshape(-1, k, k, k).astype(float)
        d, se = diff_and_se(C, metric)
        t = (d + 0.02) / se
        ok = np.isfinite(t)
        print(metric, 'sd(d) %.5f mean se %.5f corr(d,se) %.3f' % (
            d.std(), se.mean(), np.corrcoef(d, se)[0, 1]),
            't quantiles .025 .975', np.quantile(t[ok], [.025, .975]),
            'P(t>1.96) %.4f' % np.mean(t[ok] > 1.96))
        qs = []
        for i in range(300):
            R = rng.multinomial(500, C[i].ravel() / 500, size=999).reshape(-1, k, k, k)
            th, ses = diff_and_se(R.astype(float), metric)
            dd, _ = diff_and_se(C[i], metric)
            tt = (th - dd) / ses
            qs.append(np.quantile(tt[np.isfinite(tt)], [.025, .975]))
        print('  mean bootstrap-t quantiles', np.mean(qs, 0))


if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--t-quantiles':
        t_quantiles()
        sys.exit(0)
    if len(sys.argv) > 1 and sys.argv[1] == '--calibrated':
        calibrated_rows(int(sys.argv[2]) if len(sys.argv) > 2 else 1500)
        sys.exit(0)
    if len(sys.argv) > 1 and sys.argv[1] == '--tilted':
        tilted_rows(int(sys.argv[2]) if len(sys.argv) > 2 else 3000)
        sys.exit(0)
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    se_check()
    print(f"trials {trials}, 999 resamples; columns percentile, BCa, studentized")
    seed = 100
    for metric in ['acc', 'binary', 'macro']:
        for n in [500, 2000]:
            for margin in [0.01, 0.02]:
                seed += 1
                r = run(metric, n, -margin, -margin, trials, seed)
                print(f"noninf {metric} {n} {margin}: false PASS "
                      + " ".join(f"{x:.4f}" for x in r)); sys.stdout.flush()
            seed += 1
            r = run(metric, n, 0.0, 0.0, trials, seed)
            print(f"superiority {metric} {n} 0: false PASS "
                  + " ".join(f"{x:.4f}" for x in r)); sys.stdout.flush()
            for margin in [0.01, 0.02]:
                seed += 1
                r = run(metric, n, 0.0, -margin, trials, seed)
                print(f"power {metric} {n} {margin}: PASS at 0 "
                      + " ".join(f"{x:.4f}" for x in r)); sys.stdout.flush()
