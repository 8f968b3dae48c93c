/**
 * The columns of a validated columnar section as the hot loops read them. The validated applicant
 * holds its columns in frozen arrays (it is handed out and must not change), and on Node 20 a read
 * of an entry of a frozen array in an optimized loop costs several times a read from an ordinary
 * array (`bench/RESULTS.md`, columnar section): a loop over columns reads 4 to 7 arrays per row
 * where the row form reads one. So the snapshot (`../fast-parse/snapshot.ts`) attaches to each frozen
 * columns object it builds the same entries in ordinary arrays, in a private class field: no key,
 * symbol or prototype of the object changes, no reflection reaches it, and it lives and dies with
 * the object (a WeakMap did the same but made every garbage collection pay for its entries: the
 * parse ran at a third of the speed).
 * Its own folder with an `internal.ts` (not `../internal.ts`), so that `riskcard/features` reaches it
 * without pulling in the fast parser that `../internal.ts` re-exports (8.7 KB in a bundle of `extractFeatures`).
 * @internal
 */

/** A columnar section: column name -> column. */
type Columns = Readonly<Record<string, readonly unknown[] | undefined>>;

/** A base class whose constructor returns the object it is given, so a subclass adds its private field to that object. */
class Target {
  constructor(o: object) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the given object is how a private field is attached to a plain object
    return o;
  }
}

/** The private field holding the readable copy. */
class Readable extends Target {
  readonly #columns: Columns;
  private constructor(o: object, copy: Columns) {
    super(o);
    this.#columns = copy;
  }
  /** Attaches `copy` to `o` (once per object: a second call throws a TypeError). */
  static attach(o: object, copy: Columns): void {
    new Readable(o, copy);
  }
  /** The copy attached to `o`, or undefined. */
  static of(o: object): Columns | undefined {
    return #columns in o ? (o as Readable).#columns : undefined;
  }
}

/**
 * Attaches `copy` (ordinary arrays holding the same entries as the columns of `cols`, never handed
 * out) to `cols` as its readable form. Called by the snapshot on the columns object it built, before
 * freezing it, once per object.
 * @param cols a columns object of a snapshot, not frozen yet
 * @param copy its columns, the same entries in ordinary arrays
 * @throws TypeError when `cols` already has one
 * @internal
 */
export function keepReadable(cols: object, copy: Columns): void {
  Readable.attach(cols, copy);
}

/**
 * The columns of `cols` in ordinary arrays holding the same entries: the copy the snapshot kept, or
 * (for a columns object that did not come from a snapshot, e.g. an applicant a host validated with
 * zod and passed to `extractFeatures`) a fresh copy made now and not kept (that object may change).
 * @param cols a validated columnar section
 * @returns an object with the same column names and entries, its arrays not frozen; never written to by callers
 * @example readableColumns({ at: [1, 2] }).at // => [1, 2]
 * @internal
 */
export function readableColumns<T extends object>(cols: T): T {
  const kept = Readable.of(cols);
  if (kept !== undefined) return kept as unknown as T;
  const out: Record<string, unknown[]> = {};
  for (const k of Object.keys(cols)) {
    const v = (cols as Record<string, unknown>)[k];
    if (!Array.isArray(v)) continue;
    const c: unknown[] = [];
    for (let i = 0; i < v.length; i++) c.push(v[i]);
    out[k] = c;
  }
  return out as unknown as T;
}
