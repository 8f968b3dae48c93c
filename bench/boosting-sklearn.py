"""scikit-learn HistGradientBoostingClassifier (default settings) on Give Me Some Credit, on the
project's fixed 70/30 split (test/logistic/gmsc-data.ts split7030: Fisher-Yates driven by
mulberry32(20240501), first 70% train, both halves sorted), for the boosted scorecard's goal.

Run: /usr/bin/python3 bench/boosting-sklearn.py ../shared/datasets/give_me_some_credit.csv
"""
import sys, time
import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

M = 0xFFFFFFFF


def mulberry32(seed):
    a = seed & M

    def draw():
        nonlocal a
        a = (a + 0x6D2B79F5) & M
        t = a
        t = ((t ^ (t >> 15)) * (t | 1)) & M
        t = (t ^ ((t + (((t ^ (t >> 7)) * (t | 61)) & M)) & M)) & M
        return ((t ^ (t >> 14)) & M) / 4294967296

    return draw


def split7030(n, seed=20240501):
    rand = mulberry32(seed)
    idx = list(range(n))
    for i in range(n - 1, 0, -1):
        j = int(rand() * (i + 1))
        idx[i], idx[j] = idx[j], idx[i]
    cut = round(n * 0.7)
    return sorted(idx[:cut]), sorted(idx[cut:])


FEATURES = [
    "RevolvingUtilizationOfUnsecuredLines", "age", "NumberOfTime30-59DaysPastDueNotWorse", "DebtRatio",
    "MonthlyIncome", "NumberOfOpenCreditLinesAndLoans", "NumberOfTimes90DaysLate",
    "NumberRealEstateLoansOrLines", "NumberOfTime60-89DaysPastDueNotWorse", "NumberOfDependents",
]
df = pd.read_csv(sys.argv[1])
train, test = split7030(len(df))
X = df[FEATURES].to_numpy(dtype=float)
y = df["SeriousDlqin2yrs"].to_numpy()
print("sklearn", sklearn.__version__, "numpy", np.__version__, "rows", len(df), "train", len(train), "test", len(test))
print("train bads", int(y[train].sum()), "test bads", int(y[test].sum()))
for rs in (0, 1, 2):
    t0 = time.perf_counter()
    m = HistGradientBoostingClassifier(random_state=rs).fit(X[train], y[train])
    secs = time.perf_counter() - t0
    p = m.predict_proba(X[test])[:, 1]
    print(f"HistGradientBoostingClassifier() random_state={rs}: test AUC {roc_auc_score(y[test], p):.4f}, fit {secs:.2f} s, iterations {m.n_iter_}")
