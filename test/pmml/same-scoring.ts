import { expect } from "vitest";
import { type Scorecard, reasonCodes, scoreRecord } from "../../src/scorecard";

type Rec = Readonly<Record<string, number | string | null>>;

/** Asserts that two cards give a record the same score and the same reason codes (attribute-level). */
export function expectSameScoring(a: Scorecard, b: Scorecard, rec: Rec): void {
  const x = scoreRecord(a, rec);
  const y = scoreRecord(b, rec);
  expect(y.score).toBe(x.score);
  expect(reasonCodes(b, y.points, { attributes: y.attributes })).toEqual(
    reasonCodes(a, x.points, { attributes: x.attributes }),
  );
}

/** Every record of the product of the value lists (by field). */
export function grid(values: Readonly<Record<string, readonly (number | string | null)[]>>): Rec[] {
  let out: Record<string, number | string | null>[] = [{}];
  for (const [k, vs] of Object.entries(values)) out = out.flatMap((r) => vs.map((v) => ({ ...r, [k]: v })));
  return out;
}
