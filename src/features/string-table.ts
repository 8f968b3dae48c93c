/**
 * A reusable string -> bit-mask table for distinct counting during one extraction: open
 * addressing over the strings' own characters, cleared per call in time proportional to what was
 * stored (no allocation once warm, unlike a `Map` cleared and regrown per call).
 *
 * The hash is not seeded, so crafted inputs could collide on purpose: a lookup that probes more
 * than `MAX_PROBE` slots, or a table past `MAX_CAPACITY`, moves the call's entries into a `Map`
 * (whose hash V8 seeds per process) for the rest of the call, so the cost stays linear.
 * @internal
 */
export interface StringTable {
  keys: (string | undefined)[];
  masks: Int32Array;
  /** Slots in use, in insertion order (to clear them). */
  used: Int32Array;
  nUsed: number;
  /** Non-null after a fallback, until the next clear. */
  overflow: Map<string, number> | null;
  /** The last string marked and its slot (consecutive events often repeat a device or city). */
  lastKey: string | undefined;
  lastSlot: number;
}

/**
 * Slots of a new table, the most a table grows to, and the longest probe before the Map fallback. @internal
 * @example STRING_TABLE_LIMITS.max // => 32768
 */
export const STRING_TABLE_LIMITS = Object.freeze({ initial: 128, max: 1 << 15, probe: 24 });
const INITIAL_CAPACITY = STRING_TABLE_LIMITS.initial;
const MAX_CAPACITY = STRING_TABLE_LIMITS.max;
const MAX_PROBE = STRING_TABLE_LIMITS.probe;

/**
 * A new empty table.
 * @returns the table
 * @example newStringTable().nUsed // => 0
 * @internal
 */
export function newStringTable(): StringTable {
  return {
    keys: new Array<string | undefined>(INITIAL_CAPACITY).fill(undefined),
    masks: new Int32Array(INITIAL_CAPACITY),
    used: new Int32Array(INITIAL_CAPACITY >> 1),
    nUsed: 0,
    overflow: null,
    lastKey: undefined,
    lastSlot: -1,
  };
}

/**
 * Empties the table (keeps its capacity; drops every stored string).
 * @param t the table
 * @internal
 * @example const t = newStringTable(); markString(t, "a", 1); clearStringTable(t); markString(t, "a", 1) // => 1 (new again)
 */
export function clearStringTable(t: StringTable): void {
  const { keys, masks, used } = t;
  for (let i = 0; i < t.nUsed; i++) {
    const j = used[i]!;
    keys[j] = undefined;
    masks[j] = 0;
  }
  t.nUsed = 0;
  t.overflow = null;
  t.lastKey = undefined;
  t.lastSlot = -1;
}

/**
 * The table's string hash (FNV-1a style over UTF-16 code units, then a final mix).
 * @param s the string
 * @returns a 32-bit integer
 * @example hashString("a") === hashString("a") // => true
 * @internal
 */
export function hashString(s: string): number {
  let h = s.length ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * ORs `m` into the mask stored for `s` and returns the bits that were not set before.
 * @param t the table
 * @param s the string
 * @param m the bits to set
 * @returns `m & ~previous`
 * @internal
 * @example const t = newStringTable(); markString(t, "a", 3); markString(t, "a", 6) // => 4 (only bit 4 was not set)
 */
export function markString(t: StringTable, s: string, m: number): number {
  if (t.overflow !== null) return markInMap(t.overflow, s, m);
  if (s === t.lastKey) {
    const prev = t.masks[t.lastSlot]!;
    t.masks[t.lastSlot] = prev | m;
    return m & ~prev;
  }
  const keys = t.keys;
  const cap = keys.length - 1;
  let j = hashString(s) & cap;
  for (let probe = 0; probe < MAX_PROBE; probe++) {
    const k = keys[j];
    if (k === undefined) {
      if ((t.nUsed + 1) * 2 > keys.length) {
        if (keys.length >= MAX_CAPACITY) return markInMap(toMap(t), s, m);
        grow(t); // doubles the capacity, or falls back to the Map
        return markString(t, s, m);
      }
      keys[j] = s;
      t.masks[j] = m;
      t.used[t.nUsed++] = j;
      t.lastKey = s;
      t.lastSlot = j;
      return m;
    }
    if (k === s) {
      t.lastKey = s;
      t.lastSlot = j;
      const prev = t.masks[j]!;
      t.masks[j] = prev | m;
      return m & ~prev;
    }
    j = (j + 1) & cap;
  }
  return markInMap(toMap(t), s, m);
}

function markInMap(map: Map<string, number>, s: string, m: number): number {
  const prev = map.get(s) ?? 0;
  const fresh = m & ~prev;
  if (fresh !== 0) map.set(s, prev | m);
  return fresh;
}

/** Moves the entries into a Map (fallback for the rest of the call). */
function toMap(t: StringTable): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < t.nUsed; i++) {
    const j = t.used[i]!;
    map.set(t.keys[j]!, t.masks[j]!);
  }
  clearStringTable(t);
  t.overflow = map;
  return map;
}

/** Doubles the capacity, reinserting the entries in insertion order (or falls back to a Map). */
function grow(t: StringTable): void {
  const oldKeys = t.keys;
  const oldMasks = t.masks;
  const oldUsed = t.used;
  const n = t.nUsed;
  const size = oldKeys.length * 2;
  const keys = new Array<string | undefined>(size).fill(undefined);
  const masks = new Int32Array(size);
  const used = new Int32Array(size >> 1);
  const cap = size - 1;
  for (let i = 0; i < n; i++) {
    const s = oldKeys[oldUsed[i]!]!;
    let j = hashString(s) & cap;
    for (let probe = 0; keys[j] !== undefined; probe++) {
      if (probe === MAX_PROBE) {
        toMap(t);
        return;
      }
      j = (j + 1) & cap;
    }
    keys[j] = s;
    masks[j] = oldMasks[oldUsed[i]!]!;
    used[i] = j;
  }
  t.keys = keys;
  t.masks = masks;
  t.used = used;
  t.lastKey = undefined;
  t.lastSlot = -1;
}
