# Independent reference for test/pricing and README figures: Python's decimal module at 50 digits,
# plain bisection on NPV (no Newton), schedules written from the rounding rule in
# src/pricing/amortize.ts (interest floor(balance*r); level payment floor(P*annuity); last
# period repays the balance). Run: /usr/bin/python3 test/pricing/reference.py
from decimal import Decimal as D, getcontext, ROUND_FLOOR
getcontext().prec = 50

def npv(r, cf):
    return sum(c / (1 + r) ** t for t, c in enumerate(cf))

def irr(cf, lo=D("-0.99"), hi=D("10")):
    flo = npv(lo, cf)
    for _ in range(200):
        mid = (lo + hi) / 2
        fm = npv(mid, cf)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2

def floor(x):
    return int(x.to_integral_value(rounding=ROUND_FLOOR))

def schedule(p, annual, n, method):
    r = D(annual) / 12
    if method == "equal-installment":
        level = floor(D(p) * r / (1 - (1 + r) ** -n)) if r != 0 else p // n
    elif method == "equal-principal":
        level = p // n
    else:  # interest-only and bullet repay no principal before maturity
        level = 0
    rows, bal = [], p
    for t in range(1, n + 1):
        if method == "bullet":
            i = floor(D(p) * D(annual) * n / 12) if t == n else 0
        else:
            i = floor(D(bal) * r)
        if t == n:
            pr = bal
        elif method == "equal-installment":
            pr = min(bal, max(0, level - i))
        else:
            pr = min(bal, level)
        bal -= pr
        rows.append((t, pr + i, pr, i, bal))
    return rows

if __name__ == "__main__":
    print("irr financial test", irr([D(-100), D(39), D(59), D(55), D(20)]))
    print("excel irr 4y", irr([D(x) for x in [-70000, 12000, 15000, 18000, 21000]]))
    print("excel irr 5y", irr([D(x) for x in [-70000, 12000, 15000, 18000, 21000, 26000]]))
    # Worked example: 10,000 CNY, 12 months, 15% equal installment, 2% upfront fee withheld.
    rows = schedule(1_000_000, "0.15", 12, "equal-installment")
    print("worked rows", rows)
    cf = [D(-(1_000_000 - 20_000))] + [D(r[1]) for r in rows]
    i = irr(cf)
    print("worked monthly irr", i, "nominal", i * 12, "effective", (1 + i) ** 12 - 1)
    # Same loan without fee: APR must equal the contract rate up to rounding.
    cf0 = [D(-1_000_000)] + [D(r[1]) for r in rows]
    i0 = irr(cf0)
    print("no-fee nominal", i0 * 12)
    # Equal principal, 12,000 CNY at 12% over 12 months.
    print("equal principal", schedule(1_200_000, "0.12", 12, "equal-principal"))
    # Add-on: 10,000 CNY, 12 months, 0% rate, monthly fee 0.5% of principal (6% flat add-on).
    cfa = [D(-1_000_000)] + [D(1_000_000 // 12 + 5_000)] * 11 + [D(1_000_000 - 11 * (1_000_000 // 12) + 5_000)]
    ia = irr(cfa)
    print("add-on 6% flat nominal", ia * 12, "effective", (1 + ia) ** 12 - 1)
    # Daily-rate disclosure (issue 16): 0.05% a day = 18.25% contract, 12 equal installments.
    r = D("0.0005") * 365 / 12
    print("disclosure 0.05%/day exact effective", (1 + r) ** 12 - 1)
    rows = schedule(1_000_000, str(D("0.0005") * 365), 12, "equal-installment")
    cfd = [D(-1_000_000)] + [D(x[1]) for x in rows]
    i = irr(cfd)
    print("disclosure 10,000 CNY no fee nominal", i * 12, "effective", (1 + i) ** 12 - 1)
    cfd1 = [D(-(1_000_000 - 10_000))] + [D(x[1]) for x in rows]
    i = irr(cfd1)
    print("disclosure 10,000 CNY 1% upfront nominal", i * 12, "effective", (1 + i) ** 12 - 1)
    print("disclosure 10,000 CNY totals", sum(x[3] for x in rows), sum(x[1] for x in rows))
