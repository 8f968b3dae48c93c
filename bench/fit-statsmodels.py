"""statsmodels' Newton Logit on the designs written by bench/fit-figures.ts (same machine, same session).

Usage: /usr/bin/python3 bench/fit-statsmodels.py DESIGN.csv [REPEATS]
DESIGN.csv: a header, then rows "y,x1,...,xp" (no intercept column; one is added here).
Prints one JSON line: median and minimum wall time in ms of Logit(y, X).fit(method="newton") with
statsmodels' defaults (tol 1e-8, maxiter 35) plus reading the standard errors (riskcard's fit returns
them), the iterations and the coefficients (to check both fitted the same model).
"""
import json
import sys
import time

import numpy as np
import statsmodels
import statsmodels.api as sm

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 15
data = np.loadtxt(path, delimiter=",", skiprows=1)
y = data[:, 0]
X = np.column_stack([np.ones(len(y)), data[:, 1:]])
times = []
r = None
for i in range(repeats + 2):
    t0 = time.perf_counter()
    r = sm.Logit(y, X).fit(method="newton", disp=0)
    bse = r.bse
    t1 = time.perf_counter()
    if i >= 2:  # two warm-up fits
        times.append((t1 - t0) * 1000)
times.sort()
print(
    json.dumps(
        {
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "medianMs": times[len(times) // 2],
            "minMs": times[0],
            "iterations": int(r.mle_retvals["iterations"]),
            "params": list(r.params),
            "bse": list(bse),
        }
    )
)
