/** Delinquency bucket by days past due: current, M1 (1-30), M2 (31-60), M3 (61-90), M3+ (over 90). */
export type DelinquencyBucket = "current" | "M1" | "M2" | "M3" | "M3+";

/**
 * The buckets in order of severity.
 * @example BUCKETS // => ["current", "M1", "M2", "M3", "M3+"]
 */
export const BUCKETS: readonly DelinquencyBucket[] = Object.freeze(["current", "M1", "M2", "M3", "M3+"] as const);

/** Collection stage: none, reminder, auto-deduction plus emergency contact, specialist team. */
export type CollectionStage = "none" | "reminder" | "auto-deduction-and-emergency-contact" | "specialist-team";

/**
 * The delinquency bucket of an account from its days past due.
 *
 * current = 0; M1 = 1-30; M2 = 31-60; M3 = 61-90; M3+ = 91 and over (the month-on-book
 * convention used in roll-rate reporting).
 * @param daysPastDue days past due, a non-negative integer
 * @returns the bucket
 * @throws {TypeError} when daysPastDue is not a number
 * @throws {RangeError} when daysPastDue is negative or not an integer
 * @example delinquencyBucket(45) // => "M2"
 */
export function delinquencyBucket(daysPastDue: number): DelinquencyBucket {
  if (typeof daysPastDue !== "number") throw new TypeError("delinquencyBucket: daysPastDue must be a number");
  if (!Number.isSafeInteger(daysPastDue) || daysPastDue < 0) {
    throw new RangeError("delinquencyBucket: daysPastDue must be a non-negative integer");
  }
  if (daysPastDue === 0) return "current";
  if (daysPastDue <= 30) return "M1";
  if (daysPastDue <= 60) return "M2";
  if (daysPastDue <= 90) return "M3";
  return "M3+";
}

/**
 * Index of a bucket in `BUCKETS`, for matrices indexed by bucket.
 * @param bucket a bucket
 * @returns 0 for current up to 4 for M3+ (-1 for an unknown string)
 * @example bucketIndex("M2") // => 2
 */
export function bucketIndex(bucket: DelinquencyBucket): number {
  return BUCKETS.indexOf(bucket);
}

/**
 * The collection stage for a delinquency bucket (staged collection as the background articles
 * describe it): M1 gets reminders; M2 adds automatic deduction from linked balances and a call to
 * the emergency contact; M3 and beyond go to a specialist collection team.
 * @param bucket the delinquency bucket
 * @returns the collection stage (`none` when current)
 * @throws {RangeError} when bucket is not a known bucket
 * @example collectionStage("M2") // => "auto-deduction-and-emergency-contact"
 */
export function collectionStage(bucket: DelinquencyBucket): CollectionStage {
  switch (bucket) {
    case "current":
      return "none";
    case "M1":
      return "reminder";
    case "M2":
      return "auto-deduction-and-emergency-contact";
    case "M3":
    case "M3+":
      return "specialist-team";
    default:
      throw new RangeError("collectionStage: unknown bucket");
  }
}
