import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { CliError } from "./errors";

/**
 * Writes a train/test split as CSV: a `row,part` header, then one line per data row (1-based row
 * number, `train` or `test`), so that `riskcard report --split` and `riskcard validate --split` see
 * the same rows `riskcard train` held out.
 * @param path where to write
 * @param testMask 1 for a test row, one entry per data row
 * @throws {CliError} exit code 1 when the file cannot be written
 * @example writeSplit(tmp("split.csv"), Uint8Array.from([0, 1, 0])) // => undefined (the file holds row,part / 1,train / 2,test / 3,train)
 */
export function writeSplit(path: string, testMask: ArrayLike<number>): void {
  const lines = ["row,part"];
  for (let i = 0; i < testMask.length; i++) lines.push(`${i + 1},${testMask[i] === 1 ? "test" : "train"}`);
  try {
    writeFileSync(path, `${lines.join("\n")}\n`);
  } catch {
    throw new CliError(`${basename(path)}: cannot write the split file`);
  }
}

/**
 * Reads a split written by `riskcard train --split-out` and returns the rows of one part.
 * @param path the split file
 * @param rows the data file's row count (the split must have one line per row, in order)
 * @param part which rows to keep: `test`, `train` or `all`
 * @returns 0-based row indices of that part, ascending
 * @throws {CliError} exit code 1 when the file is unreadable, malformed or of another row count
 * @example splitRows(tmp("split.csv"), 3, "test") // => [1] (after the writeSplit example)
 */
export function splitRows(path: string, rows: number, part: "test" | "train" | "all"): number[] {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CliError(`${name}: file not found or unreadable`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  if (lines[0] !== "row,part") throw new CliError(`${name}: not a split file (expected the header row,part)`);
  if (lines.length - 1 !== rows)
    throw new CliError(
      `${name}: holds ${lines.length - 1} rows but the data has ${rows}: it was written for another file`,
    );
  const out: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const m = /^(\d+),(train|test)$/.exec(lines[i]!);
    if (m === null || Number(m[1]) !== i) throw new CliError(`${name} line ${i + 1}: expected ${i},train or ${i},test`);
    if (part === "all" || m[2] === part) out.push(i - 1);
  }
  return out;
}
