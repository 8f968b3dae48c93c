/**
 * The memory velocity store is bounded by its options whatever the keys (issue 11 item 11: 10,000
 * keys of 100 KB used 956 MiB, since only the number of keys was capped).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMemoryVelocityStore } from "../../src/fraud/velocity-store";

const T = Date.UTC(2026, 5, 30);
const HOUR = 3_600_000;
/** The digest form, computed here with node:crypto directly: U+0000 + base64 SHA-256 of the UTF-16LE code units. */
const digestKey = (k: string): string =>
  `\u0000${createHash("sha256").update(Buffer.from(k, "utf16le")).digest("base64")}`;

describe("memory velocity store: key length", () => {
  it("holds at most maxKeys x 2 x maxKeyLength bytes of keys, whatever their length", () => {
    const s = createMemoryVelocityStore({ maxKeys: 100 });
    const long = "x".repeat(100_000);
    for (let i = 0; i < 1_000; i++) s.record(`${long}${i}`, T);
    expect(s.size()).toBe(100);
    // Hand count: 100 keys held, each a 45-character digest (1 mark + 44 base64), 2 bytes per unit.
    expect(s.keyBytes()).toBe(100 * 45 * 2);
    expect(s.keyBytes()).toBeLessThanOrEqual(100 * 2 * 256);
  });

  it("keeps keys up to maxKeyLength as they are, and counts long keys apart", () => {
    const s = createMemoryVelocityStore({ maxKeyLength: 64 });
    s.record("k".repeat(64), T);
    expect(s.keyBytes()).toBe(128);
    const a = `${"y".repeat(100_000)}a`;
    const b = `${"y".repeat(100_000)}b`;
    s.record(a, T);
    s.record(a, T + 1);
    s.record(b, T);
    expect([s.count(a, HOUR, T + 1), s.count(b, HOUR, T + 1), s.count("k".repeat(64), HOUR, T + 1)]).toEqual([2, 1, 1]);
    // Keys that differ only in a lone surrogate stay apart (UTF-8 would turn both into U+FFFD).
    const hi = "\ud800".repeat(300);
    const lo = "\ud801".repeat(300);
    s.record(hi, T);
    expect([s.count(hi, HOUR, T), s.count(lo, HOUR, T)]).toEqual([1, 0]);
  });

  it("a key spelled like a digest does not share the counts of the long key it digests", () => {
    const s = createMemoryVelocityStore();
    const long = "z".repeat(1_000);
    s.record(long, T);
    expect(s.count(long, HOUR, T)).toBe(1);
    expect(s.count(digestKey(long), HOUR, T)).toBe(0);
    s.record(digestKey(long), T);
    expect([s.count(long, HOUR, T), s.count(digestKey(long), HOUR, T)]).toEqual([1, 1]);
  });

  it("rejects a maxKeyLength outside [64, 65536]", () => {
    for (const bad of [0, 63, 65_537, 1.5, Number.NaN])
      expect(() => createMemoryVelocityStore({ maxKeyLength: bad })).toThrow(RangeError);
    expect(() => createMemoryVelocityStore({ maxKeyLength: 64 })).not.toThrow();
  });
});
