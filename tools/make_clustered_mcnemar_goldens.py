"""Goldens for the clustered McNemar test (Durkalski et al. 2003).

    python3 tools/make_clustered_mcnemar_goldens.py > fixtures/goldens/clustered-mcnemar.json

Each case is a list of groups, each with the items only the first model gets
right (b_k) and only the second (c_k). The statistic is
(sum b_k - sum c_k)^2 / sum (b_k - c_k)^2 and the p-value its chi-square
survival function with one degree of freedom (scipy.stats.chi2.sf). With one
item per group the test is McNemar's uncorrected chi-square test, so those
cases also record statsmodels' mcnemar(exact=False, correction=False).
"""

import json

import numpy as np
from scipy.stats import chi2
from statsmodels.stats.contingency_tables import mcnemar


def case(name, first_only, second_only):
    b = np.array(first_only, dtype=float)
    c = np.array(second_only, dtype=float)
    squares = float(((b - c) ** 2).sum())
    if squares == 0:
        statistic, p_value = 0.0, 1.0
    else:
        statistic = float((b.sum() - c.sum()) ** 2 / squares)
        p_value = float(chi2.sf(statistic, 1))
    record = {"name": name, "first_only": [int(x) for x in first_only],
              "second_only": [int(x) for x in second_only],
              "statistic": statistic, "p_value": p_value}
    if max(b + c) <= 1 and (b + c).sum() > 0:
        table = [[0, int(b.sum())], [int(c.sum()), 0]]
        plain = mcnemar(table, exact=False, correction=False)
        record["statsmodels_uncorrected_p_value"] = float(plain.pvalue)
    return record


def main():
    rng = np.random.default_rng(20261130)
    cases = [
        case("five groups", [3, 0, 2, 0, 4], [0, 1, 0, 0, 0]),
        case("six groups, both ways", [5, 0, 2, 1, 0, 3], [1, 2, 0, 1, 4, 0]),
        case("balanced groups", [2, 1, 0], [2, 1, 0]),
        case("no discordant items", [0, 0, 0, 0], [0, 0, 0, 0]),
        case("one item per group", [1, 0, 1, 1, 0, 1, 0, 1, 1, 0], [0, 1, 0, 0, 0, 0, 1, 0, 0, 0]),
        case("one group", [7], [2]),
    ]
    for index in range(4):
        groups = int(rng.integers(10, 80))
        lean = rng.uniform(0.1, 0.9, size=groups)
        discordant = rng.poisson(rng.uniform(0, 6, size=groups))
        first = rng.binomial(discordant, lean)
        cases.append(case(f"random {index}: {groups} groups", first, discordant - first))
    print(json.dumps({"scipy_chi2_sf": True, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
