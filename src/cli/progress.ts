import type { TextSink } from "./io";

/** A progress bar drawn on a terminal's stderr, redrawn at most every 100 ms. */
export interface Progress {
  /** Reports progress: `done` of `total` (bytes), and the count of items processed. */
  update(done: number, items: number): void;
  /** Clears the bar. */
  end(): void;
}

const WIDTH = 30;

/**
 * Creates a progress bar, or a no-op one when stderr is not a terminal (so logs and pipes stay clean).
 * @param sink stderr
 * @param enabled whether stderr is a terminal
 * @param total the total (bytes of the input file)
 * @param now a monotonic clock in ms (`performance.now`)
 * @returns the progress bar
 * @example const p = createProgress(io.stderr, false, 100, () => 0); p.update(50, 10); p.end(); io.err() // => "" (nothing drawn when stderr is not a terminal)
 */
export function createProgress(sink: TextSink, enabled: boolean, total: number, now: () => number): Progress {
  if (!enabled) return { update() {}, end() {} };
  const start = now();
  let last = -Infinity;
  return {
    update(done, items) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(frac * WIDTH);
      const rate = items / Math.max((t - start) / 1000, 1e-3);
      sink.write(
        `\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${items} lines  ${Math.round(rate)}/s`,
      );
    },
    end() {
      if (last !== -Infinity) sink.write(`\r${" ".repeat(WIDTH + 40)}\r`);
    },
  };
}
