# Independent reference for prepay (src/pricing/prepay.ts) and penaltyInterest
# (src/postloan/penalty-interest.ts): Python's decimal module at 40 digits and datetime.date for the
# calendar, written from the conventions in those functions' doc comments (not from their code).
# It generates SYNTHETIC loans with a seeded random.Random and writes the inputs and the expected
# amounts to test/pricing/servicing-reference.json, which test/pricing/servicing-reference.test.ts
# replays. Run (from the repository root):
#   /usr/bin/python3 test/pricing/servicing-reference.py > test/pricing/servicing-reference.json
import calendar
import json
import random
import sys
from datetime import date, timedelta
from decimal import Decimal as D, getcontext

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from reference import floor, schedule  # noqa: E402  (the amortize reference: same rounding rule)

getcontext().prec = 40
DAY_MS = 86_400_000
EPOCH = date(1970, 1, 1)
N_CASES = 1000


def local_date(ms, offset_min):
    return EPOCH + timedelta(days=(ms + offset_min * 60_000) // DAY_MS)


def add_months(d0, k):
    y, m = divmod(d0.month - 1 + k, 12)
    y += d0.year
    return date(y, m + 1, min(d0.day, calendar.monthrange(y, m + 1)[1]))


def month_time(d0, x):
    """Contract months: whole months since d0 plus the elapsed share of the current month in days."""
    k = (x.year - d0.year) * 12 + x.month - d0.month
    while k > 0 and add_months(d0, k) > x:
        k -= 1
    dk, dk1 = add_months(d0, k), add_months(d0, k + 1)
    return D(k) + D((x - dk).days) / D((dk1 - dk).days)


def cap_monthly(cap):
    rate = D(cap["rate"])
    return rate / 12 if cap["convention"] == "nominal" else (1 + rate) ** (D(1) / 12) - 1


def max_payment(flows, t_at, i):
    """floor(-sum c (1 + i)^(t_at - t)): the largest payment at t_at keeping NPV at the cap <= 0."""
    return floor(-sum(D(c) * (1 + i) ** (t_at - t) for c, t in flows))


def irr_timed(flows):
    def npv(r):
        return sum(D(c) * (1 + r) ** (-t) for c, t in flows)

    lo, hi = D("-0.5"), D("2")
    flo = npv(lo)
    for _ in range(70):
        mid = (lo + hi) / 2
        fm = npv(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def apr_of(flows):
    if not any(c > 0 for c, _ in flows) or not any(c < 0 for c, _ in flows):
        return None, None  # no IRR (riskcard returns NaN)
    if all(t == flows[0][1] for c, t in flows if c != 0):
        return None, None  # every flow at one time (a same-day payoff): any rate solves it, riskcard returns NaN
    i = irr_timed(flows)
    return float(i * 12), float((1 + i) ** 12 - 1)


def rate_str(rng, lo, hi, digits=4):
    return str(D(rng.randint(int(lo * 10**digits), int(hi * 10**digits))) / D(10**digits))


def random_loan(rng):
    p = rng.choice([rng.randint(5_000, 200_000), rng.randint(5_000, 2_000_000), rng.randint(5_000, 20_000_000)])
    method = rng.choice(["equal-installment", "equal-principal", "interest-only", "bullet"])
    n = rng.randint(1, 24)
    annual = rng.choice(["0", "0.12", "0.1825", "0.2204", "0.24", rate_str(rng, 0, 0.36)])
    up_rate = D(rng.choice(["0", "0", "0.005", "0.01", "0.02"]))
    loan = {
        "principalFen": p,
        "annualRate": float(annual),
        "termMonths": n,
        "method": method,
        "upfrontFeeFen": floor(D(p) * up_rate),
        "monthlyFeeFen": rng.choice([0, 0, 0, floor(D(p) * D("0.001"))]),
        "disbursedAt": rng.randint(1_735_689_600_000, 1_798_761_600_000),  # 2025-01-01 .. 2027-01-01 UTC
        "prepaymentFeeRate": float(rng.choice(["0", "0", "0.01", "0.02", "0.03"])),
    }
    options = {
        "cap": rng.choice([{"rate": 0.24, "convention": "nominal"}] * 3 + [{"rate": 0.24, "convention": "effective"}, {"rate": 0.36, "convention": "nominal"}]),
        "utcOffsetMinutes": rng.choice([480, 480, 480, 0, -300]),
    }
    return loan, options, annual


def prepay_ref(loan, options, annual, at, amount):
    off = options["utcOffsetMinutes"]
    n, p = loan["termMonths"], loan["principalFen"]
    rows = schedule(p, annual, n, loan["method"])
    d0 = local_date(loan["disbursedAt"], off)
    day = local_date(at, off)
    dues = [add_months(d0, k) for k in range(n + 1)]
    k = sum(1 for j in range(1, n + 1) if dues[j] <= day)
    bal = p if k == 0 else rows[k - 1][4]
    q = bal if amount is None else amount
    since = d0 if loan["method"] == "bullet" else dues[k]
    days = (day - since).days
    interest = floor(D(q) * D(annual) * days / 365)
    fee = floor(D(q) * D(str(loan["prepaymentFeeRate"])))
    remaining = bal - q
    m = n - k
    revised = [] if remaining == 0 else [(t + k, pay, pr, i, b) for (t, pay, pr, i, b) in schedule(remaining, annual, m, loan["method"])]
    mf = loan["monthlyFeeFen"]
    flows = [(-(p - loan["upfrontFeeFen"]), D(0))]
    flows += [(rows[j - 1][1] + mf, D(j)) for j in range(1, k + 1)]
    flows += [(r[1] + mf, D(r[0])) for r in revised]
    t_at = month_time(d0, day)
    wanted = q + interest + fee
    payoff = max(0, min(wanted, max_payment(flows, t_at, cap_monthly(options["cap"]))))
    red = wanted - payoff
    fee_w = min(fee, red)
    int_w = min(interest, red - fee_w)
    if payoff > 0:
        flows.append((payoff, t_at))
    nominal, effective = apr_of(flows)
    return {
        "paidInstallments": k,
        "days": days,
        "balanceFen": bal,
        "principalFen": q,
        "interestFen": interest - int_w,
        "feeFen": fee - fee_w,
        "rebateFen": red - fee_w - int_w,
        "payoffFen": payoff,
        "remainingBalanceFen": remaining,
        "schedule": [[pay, pr, i] for (_, pay, pr, i, _) in revised],  # periods and balances follow from these
        "aprNominal": nominal,
        "aprEffective": effective,
    }


def penalty_ref(loan, options, annual, payments, as_of, rate):
    off = options["utcOffsetMinutes"]
    n, p = loan["termMonths"], loan["principalFen"]
    rows = schedule(p, annual, n, loan["method"])
    mf = loan["monthlyFeeFen"]
    d0 = local_date(loan["disbursedAt"], off)
    today = local_date(as_of, off)
    dues = [add_months(d0, k) for k in range(n + 1)]
    # what each installment asks for, principal first, then interest, then the fee
    left = [[r[2], r[3], mf] for r in rows]
    pdays = [0] * (n + 1)
    last = [None] * (n + 1)
    flows = [(-(p - loan["upfrontFeeFen"]), D(0))]
    unapplied = 0
    for pay in sorted(payments, key=lambda x: x["at"]):  # sorted() is stable: ties keep input order
        day = local_date(pay["at"], off)
        amt = pay["amountFen"]
        for j in range(1, n + 1):
            for part in range(3):
                if amt == 0 or left[j - 1][part] == 0:
                    continue
                take = min(amt, left[j - 1][part])
                left[j - 1][part] -= take
                amt -= take
                if part == 0 and day > dues[j]:
                    pdays[j] += take * (day - dues[j]).days
                    last[j] = day
                flows.append((take, month_time(d0, max(day, dues[j]))))
        unapplied += amt
    over = [0, 0, 0]
    oldest = None
    for j in range(1, n + 1):
        unpaid = left[j - 1]
        if dues[j] < today:
            for part in range(3):
                over[part] += unpaid[part]
            if unpaid[0] > 0:
                pdays[j] += unpaid[0] * (today - dues[j]).days
                last[j] = today
            if oldest is None and sum(unpaid) > 0:
                oldest = dues[j]
        elif sum(unpaid) > 0:
            flows.append((sum(unpaid), D(j)))
    inst = []
    accrued = 0
    for j in range(1, n + 1):
        if pdays[j] == 0:
            continue
        pen = floor(D(pdays[j]) * D(rate) / 365)
        accrued += pen
        inst.append([j, (last[j] - dues[j]).days, pdays[j], pen])
    overdue = sum(over)
    t_now = month_time(d0, today)
    room = max_payment(flows, t_now, cap_monthly(options["cap"])) - overdue
    penalty = max(0, min(accrued, room))
    due_now = overdue + penalty
    if due_now > 0:
        flows.append((due_now, t_now))
    nominal, effective = apr_of(flows)
    return {
        "daysPastDue": 0 if oldest is None else (today - oldest).days,
        "overduePrincipalFen": over[0],
        "overdueInterestFen": over[1],
        "overdueFeeFen": over[2],
        "penaltyAccruedFen": accrued,
        "penaltyFen": penalty,
        "amountDueFen": due_now,
        "unappliedFen": unapplied,
        "installments": inst,
        "aprNominal": nominal,
        "aprEffective": effective,
    }


def day_ms(d, off):
    """Some instant of local day d (a random time of day is added by the caller)."""
    return (d - EPOCH).days * DAY_MS - off * 60_000


def main():
    rng = random.Random(20261129)
    prepays, penalties = [], []
    while len(prepays) < N_CASES:
        loan, options, annual = random_loan(rng)
        off = options["utcOffsetMinutes"]
        d0 = local_date(loan["disbursedAt"], off)
        last_due = add_months(d0, loan["termMonths"])
        span = (last_due - d0).days
        day = d0 + timedelta(days=rng.randint(0, span - 1))
        at = max(loan["disbursedAt"], day_ms(day, off) + rng.randint(0, DAY_MS - 1))
        if local_date(at, off) >= last_due:
            continue
        rows = schedule(loan["principalFen"], annual, loan["termMonths"], loan["method"])
        dues = [add_months(d0, k) for k in range(loan["termMonths"] + 1)]
        k = sum(1 for j in range(1, loan["termMonths"] + 1) if dues[j] <= local_date(at, off))
        bal = loan["principalFen"] if k == 0 else rows[k - 1][4]
        amount = None if rng.random() < 0.5 else rng.randint(1, bal)
        case = {"loan": loan, "options": dict(options, at=at), "expected": prepay_ref(loan, options, annual, at, amount)}
        if amount is not None:
            case["options"]["amountFen"] = amount
        prepays.append(case)
    while len(penalties) < N_CASES:
        loan, options, annual = random_loan(rng)
        off = options["utcOffsetMinutes"]
        d0 = local_date(loan["disbursedAt"], off)
        n = loan["termMonths"]
        dues = [add_months(d0, k) for k in range(n + 1)]
        as_day = d0 + timedelta(days=rng.randint(0, (dues[n] - d0).days + 150))
        as_of = max(loan["disbursedAt"], day_ms(as_day, off) + rng.randint(0, DAY_MS - 1))
        rows = schedule(loan["principalFen"], annual, n, loan["method"])
        style = rng.choice(["on-time", "late", "partial", "none", "mixed"])
        payments = []
        for j in range(1, n + 1):
            owed = rows[j - 1][1] + loan["monthlyFeeFen"]
            if owed == 0:
                continue
            delay = {"on-time": 0, "late": rng.randint(1, 60), "partial": rng.randint(-3, 20), "none": None, "mixed": rng.choice([None, 0, -5, 3, 15, 45])}[style]
            if delay is None:
                continue
            pay_day = dues[j] + timedelta(days=delay)
            at = day_ms(pay_day, off) + rng.randint(0, DAY_MS - 1)
            if at > as_of or at < loan["disbursedAt"]:
                continue
            amount = owed if style != "partial" else rng.randint(0, owed)
            payments.append({"at": at, "amountFen": amount})
        if rng.random() < 0.1 and as_of > loan["disbursedAt"]:
            payments.append({"at": rng.randint(loan["disbursedAt"], as_of), "amountFen": rng.randint(0, loan["principalFen"] // 3)})
        rng.shuffle(payments)
        contract = D(annual)
        rate = rng.choice([str(contract * D("1.5")), "0.18", "0.365", "0", rate_str(rng, 0, 0.5)])
        expected = penalty_ref(loan, options, annual, payments, as_of, rate)
        penalties.append({"loan": loan, "payments": payments, "options": dict(options, asOf=as_of, rate=float(rate)), "expected": expected})
    out = {
        "source": "test/pricing/servicing-reference.py",
        "command": "/usr/bin/python3 test/pricing/servicing-reference.py > test/pricing/servicing-reference.json",
        "python": sys.version.split()[0],
        "note": "SYNTHETIC loans; amounts in fen from Python decimal at 40 digits; APRs by 70-step bisection",
        "prepay": prepays,
        "penalty": penalties,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
