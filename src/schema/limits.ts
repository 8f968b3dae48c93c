/**
 * Caps on the size of one applicant, so a single request cannot exhaust memory or time.
 * An array longer than its cap is rejected with a `too_big` issue.
 * @example LIMITS.payments // => 100000
 */
export const LIMITS = Object.freeze({
  payments: 100_000,
  deviceEvents: 20_000,
  deviceRecords: 1_000,
  bureauInquiries: 1_000,
  bureauAccounts: 1_000,
  bureauDelinquencies: 1_000,
  loans: 1_000,
  installments: 360,
  repayments: 2_000,
});

/** An inclusive numeric range; `max: Infinity` means no bound but the safe-integer range. */
export interface NumericRange {
  readonly min: number;
  readonly max: number;
}

const range = (min: number, max: number): NumericRange => Object.freeze({ min, max });

/**
 * Bounds of the applicant's numeric fields and of its token lengths (code points): the one place
 * both the zod contract (`applicantSchema`) and the fast validator (`parseApplicant`) read them, so
 * the two cannot drift apart. A value outside its range is a `too_small` / `too_big` issue.
 * @example BOUNDS.ageYears // => { min: 0, max: 130 }
 */
export const BOUNDS = Object.freeze({
  /** Every timestamp (epoch ms). */
  epochMs: range(0, Number.POSITIVE_INFINITY),
  /** Every amount of money (fen). */
  fen: range(0, Number.POSITIVE_INFINITY),
  ageYears: range(0, 130),
  requestedTermMonths: range(1, 60),
  accountAgeDays: range(0, 36_500),
  /** `contactCount`, `flaggedContactCount`, `defaultedLinkCount`. */
  socialCount: range(0, 100_000),
  activeDays30: range(0, 30),
  historyMonths: range(0, 1_200),
  worstDaysPastDue: range(0, 10_000),
  daysPastDue: range(1, 10_000),
  latitude: range(-90, 90),
  longitude: range(-180, 180),
  /** Accounts seen on one device (`devices.records[].accountCount`). */
  deviceAccountCount: range(1, 1_000_000),
  /** Length of a pseudonymous id (`id`, `deviceId`, `ipHash`, `counterparty`, `loanId`). */
  pseudonymLength: range(1, 128),
  /** Length of a place code (`cityCode`). */
  placeCodeLength: range(1, 32),
  /** Length of a host-defined category code (`application.product`, `application.channel`). */
  categoryCodeLength: range(1, 32),
});
