import { createHmac } from "node:crypto";

/**
 * The assignment point of a pseudonymous id under a salt: HMAC-SHA256 (RFC 2104, FIPS 180-4) keyed
 * with the salt's UTF-8 bytes over the id's UTF-8 bytes, its first 6 bytes read as a big-endian
 * unsigned integer and divided by 2^48, so a point in [0, 1). The same id and salt give the same
 * point in any process and after any restart; without the salt the point cannot be predicted.
 * @param salt the experiment's secret salt
 * @param id the applicant's pseudonymous id
 * @returns a number in [0, 1)
 * @example assignmentPoint("Jefe", "what do ya want for nothing?") // => 0.35883720376239125 (0x5bdcc146bf60 / 2^48: RFC 4231 test case 2)
 */
export function assignmentPoint(salt: string, id: string): number {
  return createHmac("sha256", salt).update(id, "utf8").digest().readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The live arm a point falls in: arm `i` takes `[c(i-1), c(i))` where `c` is the running sum of the
 * live arms' shares in their declared order, and the champion (index -1) takes the rest `[sum, 1)`.
 * @param point an assignment point in [0, 1)
 * @param cumulative the running sums of the live shares (non-decreasing, at most 1)
 * @returns the index of the live arm, or -1 for the champion
 * @example armAt(0.25, [0.1, 0.3]) // => 1
 */
export function armAt(point: number, cumulative: ArrayLike<number>): number {
  for (let i = 0; i < cumulative.length; i++) if (point < cumulative[i]!) return i;
  return -1;
}
