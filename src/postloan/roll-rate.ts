import { z } from "zod";
import { prefixIssues } from "../schema/json-guard";
import { validateWith } from "../schema/zod-issues";
import { type Issue, type Result, fail, issue, ok } from "../schema/result";
import { BUCKETS, type DelinquencyBucket, bucketIndex, delinquencyBucket } from "./buckets";

/**
 * Most accounts accepted in one snapshot.
 * @example MAX_SNAPSHOT_ACCOUNTS // => 1000000
 */
export const MAX_SNAPSHOT_ACCOUNTS = 1_000_000;

const snapshotSchema = z
  .array(
    z.strictObject({
      id: z.string().min(1).max(128),
      daysPastDue: z.int().min(0).max(100_000),
      balanceFen: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    }),
  )
  .max(MAX_SNAPSHOT_ACCOUNTS);

/** One account in a portfolio snapshot. */
export type SnapshotAccount = z.infer<typeof snapshotSchema>[number];

/** A roll-rate matrix between two snapshots. */
export interface RollRateMatrix {
  /** Row labels: the bucket at the first snapshot. */
  readonly from: readonly DelinquencyBucket[];
  /** Column labels: the bucket at the second snapshot, then `closed` (absent from it). */
  readonly to: readonly (DelinquencyBucket | "closed")[];
  /** Account counts, `counts[from][to]`. */
  readonly counts: readonly (readonly number[])[];
  /** Counts divided by the row total (0 for an empty row). */
  readonly rates: readonly (readonly number[])[];
  /** Balance at the first snapshot moving from -> to, divided by the row's balance (0 for an empty row). */
  readonly balanceRates: readonly (readonly number[])[];
  /** Accounts in the second snapshot only. */
  readonly newAccounts: number;
}

function duplicates(rows: readonly SnapshotAccount[], name: string): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const id = (rows[i] as SnapshotAccount).id;
    if (seen.has(id)) out.push(issue("inconsistent", [name, i, "id"], "duplicate account id"));
    seen.add(id);
  }
  return out;
}

/**
 * The roll-rate matrix of a portfolio between two snapshots (e.g. two month ends).
 *
 * Each account of the first snapshot is counted in row bucket(dpd before) and column
 * bucket(dpd after), or `closed` when absent from the second snapshot (paid off or written off).
 * rates[i][j] = counts[i][j] / sum_j counts[i][j]; balanceRates weight each account by its
 * balance at the first snapshot. The M1 -> M2 cell is the classic "roll rate" of M1.
 * @param before accounts `{ id, daysPastDue, balanceFen }` at the first date
 * @param after the same at the second date
 * @returns the matrix, or issues (wrong types, duplicate ids as `inconsistent`, oversized input)
 * @example rollRates([{ id: "a", daysPastDue: 10, balanceFen: 100 }], [{ id: "a", daysPastDue: 40, balanceFen: 100 }]).value.counts[1][2] // => 1
 */
export function rollRates(before: unknown, after: unknown): Result<RollRateMatrix> {
  const b = validateWith(snapshotSchema, before);
  const a = validateWith(snapshotSchema, after);
  const issues: Issue[] = [];
  if (!b.ok) issues.push(...prefixIssues(b.issues, ["before"]));
  if (!a.ok) issues.push(...prefixIssues(a.issues, ["after"]));
  if (!b.ok || !a.ok) return fail(issues);
  issues.push(...duplicates(b.value, "before"), ...duplicates(a.value, "after"));
  if (issues.length > 0) return fail(issues);
  const later = new Map<string, number>();
  for (const acc of a.value) later.set(acc.id, bucketIndex(delinquencyBucket(acc.daysPastDue)));
  const nRows = BUCKETS.length;
  const nCols = nRows + 1;
  const counts = Array.from({ length: nRows }, () => new Array<number>(nCols).fill(0));
  const balances = Array.from({ length: nRows }, () => new Array<number>(nCols).fill(0));
  let matched = 0;
  for (const acc of b.value) {
    const i = bucketIndex(delinquencyBucket(acc.daysPastDue));
    const to = later.get(acc.id);
    const j = to === undefined ? nRows : to;
    if (to !== undefined) matched++;
    (counts[i] as number[])[j]! += 1;
    (balances[i] as number[])[j]! += acc.balanceFen;
  }
  const norm = (m: number[][]): number[][] =>
    m.map((row) => {
      const total = row.reduce((s, x) => s + x, 0);
      return row.map((x) => (total === 0 ? 0 : x / total));
    });
  return ok(
    Object.freeze({
      from: BUCKETS,
      to: Object.freeze([...BUCKETS, "closed" as const]),
      counts,
      rates: norm(counts),
      balanceRates: norm(balances),
      newAccounts: a.value.length - matched,
    }),
  );
}
