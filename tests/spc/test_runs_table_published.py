"""perla_runs_table() against published critical values for the number of runs.

Source: the two-tailed (alpha = 0.05) critical values of the runs test from Swed & Eisenhart
(1943), as printed in the textbook table "Number of Runs Critical Values Table" (reproduced at
https://www.scribd.com/document/814856639/Number-of-Runs-Critical-Values-Table): for n1 and n2
points on the two sides, randomness is rejected when the number of runs is at or below the
smaller value or at or above the larger. Perla, Provost & Murray (2011, BMJ Qual Saf 20:46-51,
Table 1) say their runs table comes from these tables at 5%, with n useful observations split as
evenly as possible; read that way, the "too few" limit is one more than the smaller critical
value and the "too many" limit one less than the larger. That every row of Perla's printed Table
1 follows this rule is unverified here (the paper's table could not be consulted).

The 16-point row is the one in question: a secondary source (Quality Digest, October 2008, "An
underrated test for run charts", https://m.qualitydigest.com/magazine/2008/oct/department/
underrated-test-run-charts.html) reads 5-12 runs for 16 data points; the exact distribution and
the critical values give 5-13.
"""

import pytest

from qispread.spc.ihi_rules import perla_runs_table, runs_distribution

# (n1, n2): (reject at or below, reject at or above), from the table cited above.
CRITICAL_VALUES = {
    (5, 5): (2, 10),
    (5, 6): (3, 10),
    (6, 6): (3, 11),
    (6, 7): (3, 12),
    (7, 7): (3, 13),
    (7, 8): (4, 13),
    (8, 8): (4, 14),
    (8, 9): (5, 14),
    (9, 9): (5, 15),
    (9, 10): (5, 16),
    (10, 10): (6, 16),
}


@pytest.mark.parametrize(("sides", "critical"), CRITICAL_VALUES.items())
def test_limits_sit_just_inside_the_published_critical_values(sides, critical):
    n1, n2 = sides
    too_few_at, too_many_at = critical
    assert perla_runs_table(n1 + n2) == (too_few_at + 1, too_many_at - 1)


def test_sixteen_useful_observations_allow_five_to_thirteen_runs():
    assert perla_runs_table(16) == (5, 13)
    runs, probability = runs_distribution(8, 8)
    at_least = {int(r): float(probability[runs >= r].sum()) for r in (13, 14)}
    # 13 runs is not in the 2.5% upper tail (so 5-12 would be too strict); 14 is.
    assert at_least[13] > 0.025 >= at_least[14]
