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
