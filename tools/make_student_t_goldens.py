"""Goldens for Student's t distribution (the two-level bootstrap's
Welch-Satterthwaite correction) from SciPy.

    python3 tools/make_student_t_goldens.py > fixtures/goldens/student-t.json

Records scipy.stats.t.cdf and scipy.stats.t.ppf at integer and fractional
degrees of freedom (Satterthwaite's are fractional), from the far tails to
the centre.
"""

import json
import math

import scipy
from scipy import stats

DEGREES = [1.0, 1.5, 2.0, 2.7, 4.0, 7.3, 12.0, 30.0, 120.5, 1000.0]
POINTS = [-1e6, -250.0, -40.0, -8.5, -3.2, -1.96, -0.7, -0.01, 0.0, 0.3, 1.1, 2.5, 6.0, 55.0]
PROBABILITIES = [1e-300, 1e-12, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999]


def main():
    cdf = [
        {"t": t, "df": df, "p": float(stats.t.cdf(t, df))}
        for df in DEGREES
        for t in POINTS
    ]
    # Far out (p = 1e-300) SciPy's ppf gives -inf beyond a few degrees of
    # freedom, or a finite value its own cdf does not map back to p (mpmath
    # confirms the quantile is elsewhere); those cases are left out.
    ppf = [
        {"p": p, "df": df, "t": float(stats.t.ppf(p, df))}
        for df in DEGREES
        for p in PROBABILITIES
        if math.isfinite(stats.t.ppf(p, df))
        and abs(stats.t.cdf(stats.t.ppf(p, df), df) - p) <= 1e-9 * p
    ]
    print(json.dumps({"scipy": scipy.__version__, "cdf": cdf, "ppf": ppf}, indent=1))


if __name__ == "__main__":
    main()
