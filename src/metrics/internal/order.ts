/**
 * Index order of scores, ascending (stable: ties keep input order), as a Uint32Array.
 * @param scores finite scores
 * @param descending sort descending instead (ties still in input order)
 * @returns the permutation
 * @example orderOf([3, 1, 2, 1], false) // => Uint32Array [1, 3, 2, 0] (ties keep input order)
 */
export function orderOf(scores: ArrayLike<number>, descending: boolean): Uint32Array {
  const n = scores.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const s = Float64Array.from(scores);
  if (descending) idx.sort((a, b) => s[b]! - s[a]! || a - b);
  else idx.sort((a, b) => s[a]! - s[b]! || a - b);
  return idx;
}

/**
 * Group boundaries for `groups` near-equal groups of `n` ordered items (as numpy.array_split:
 * the first `n % groups` groups get one extra item).
 * @param n the number of items
 * @param groups the number of groups (<= n)
 * @returns `groups + 1` offsets
 * @example groupOffsets(10, 3) // => [0, 4, 7, 10] (numpy.array_split: 4, 3, 3)
 */
export function groupOffsets(n: number, groups: number): number[] {
  const base = Math.floor(n / groups);
  const extra = n % groups;
  const out = [0];
  for (let g = 0; g < groups; g++) out.push(out[g]! + base + (g < extra ? 1 : 0));
  return out;
}
